#include "journal/writer.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace knotrelief::journal {

std::filesystem::path journal_path(const std::string& option,
                                   const EnvLookup& env)
{
  if (!option.empty()) {
    return option;
  }
  if (auto value = env("KNOTRELIEF_JOURNAL")) {
    return *value;
  }
  if (auto data = data_home(env)) {
    return *data / "knotrelief" / "journal.txt";
  }
  throw Error("cannot tell where the journal goes: set HOME, XDG_DATA_HOME or "
              "KNOTRELIEF_JOURNAL, or pass --journal FILE");
}

namespace {

std::string errno_text(std::string_view what, const std::filesystem::path& path)
{
  return fmt::format(
    "cannot {} {}: {}", what, path.string(), std::strerror(errno));
}

// Creates missing folders of `folder` as 0700 (health data stays private).
bool make_private_folders(const std::filesystem::path& folder)
{
  if (folder.empty() || std::filesystem::exists(folder)) {
    return true;
  }
  if (!make_private_folders(folder.parent_path())) {
    return false;
  }
  return ::mkdir(folder.c_str(), 0700) == 0 || errno == EEXIST;
}

// Closes the descriptor on every path out.
struct FileDescriptor
{
  int fd;
  ~FileDescriptor()
  {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

} // namespace

std::expected<void, std::string> append_line(const std::filesystem::path& path,
                                             const std::string& line)
{
  if (!make_private_folders(path.parent_path())) {
    return std::unexpected(errno_text("create the folder of", path));
  }
  // O_NONBLOCK: a FIFO in the way fails at once (no reader) instead of
  // waiting forever; writes to a regular file never block anyway.
  FileDescriptor file{
    ::open(path.c_str(),
           O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK,
           0600)};
  if (file.fd < 0 && errno == EISDIR) {
    return std::unexpected(
      fmt::format("cannot write {}: it is a directory", path.string()));
  }
  if (file.fd < 0 && errno == ENXIO) {
    // What O_NONBLOCK gives for a FIFO that nobody reads.
    return std::unexpected(
      fmt::format("cannot write {}: not a regular file", path.string()));
  }
  if (file.fd < 0) {
    return std::unexpected(errno_text("open", path));
  }
  struct stat info
  {};
  if (::fstat(file.fd, &info) == 0 && !S_ISREG(info.st_mode) &&
      !S_ISCHR(info.st_mode)) {
    return std::unexpected(
      fmt::format("cannot write {}: not a regular file", path.string()));
  }
  while (::flock(file.fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      return std::unexpected(errno_text("lock", path));
    }
  }
  const std::string whole = line + "\n";
  // One write of the whole line: with O_APPEND and the lock, lines never
  // interleave. A short write is reported rather than continued, so a line
  // is never split across two writes.
  ssize_t written = -1;
  do {
    written = ::write(file.fd, whole.data(), whole.size());
  } while (written < 0 && errno == EINTR);
  if (written < 0) {
    return std::unexpected(errno_text("write", path));
  }
  if (static_cast<std::size_t>(written) != whole.size()) {
    return std::unexpected(
      fmt::format("cannot write {}: short write", path.string()));
  }
  if (S_ISREG(info.st_mode) && ::fsync(file.fd) != 0) {
    return std::unexpected(errno_text("sync", path));
  }
  return {};
}

} // namespace knotrelief::journal
