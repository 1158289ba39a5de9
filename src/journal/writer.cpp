#include "journal/writer.hpp"

#include "util/error.hpp"
#include "util/limits.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
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

using Failure = std::unexpected<AppendError>;

Failure fail(std::string message)
{
  return Failure(AppendError{std::move(message), 0});
}

// Read and write: the last byte is read to see whether it is a newline.
// O_NONBLOCK: a FIFO in the way must not block. O_NOFOLLOW: a symlink is
// followed only after the check in open_through_link.
constexpr int open_flags =
  O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW;

// Opens the file a symlink points to, when it lies in a folder that `owner`
// owns: a link to the user's own synced folder is fine, a link planted in a
// shared folder that points at someone else's file is not.
std::expected<int, std::string> open_through_link(
  const std::filesystem::path& path,
  uid_t owner)
{
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) {
    return std::unexpected(
      errno == ENOENT
        ? fmt::format("cannot write {}: it is a symlink to a missing file",
                      path.string())
        : errno_text("follow the symlink", path));
  }
  const std::filesystem::path target(resolved);
  std::free(resolved);
  struct stat folder
  {};
  if (::stat(target.parent_path().c_str(), &folder) != 0) {
    return std::unexpected(errno_text("follow the symlink", path));
  }
  if (folder.st_uid != owner) {
    return std::unexpected(fmt::format(
      "cannot write {}: it is a symlink into {}, a folder that belongs to "
      "another user (the journal must be in a folder of yours)",
      path.string(),
      target.parent_path().string()));
  }
  const int fd = ::open(target.c_str(), open_flags, 0600);
  if (fd < 0) {
    return std::unexpected(errno_text("open", path));
  }
  return fd;
}

std::expected<int, std::string> open_journal(const std::filesystem::path& path,
                                             uid_t owner)
{
  const int fd = ::open(path.c_str(), open_flags, 0600);
  if (fd >= 0) {
    return fd;
  }
  switch (errno) {
    case ELOOP:
      return open_through_link(path, owner);
    case EISDIR:
      return std::unexpected(
        fmt::format("cannot write {}: it is a directory", path.string()));
    case ENXIO:
      return std::unexpected(
        fmt::format("cannot write {}: not a regular file", path.string()));
    default:
      return std::unexpected(errno_text("open", path));
  }
}

// A regular file must be the user's, and private: health data.
std::expected<void, std::string> check_private(
  int fd,
  const struct stat& info,
  const std::filesystem::path& path,
  uid_t owner)
{
  if (info.st_uid != owner) {
    return std::unexpected(fmt::format(
      "cannot write {}: it belongs to another user (uid {}); the journal "
      "must be your own file",
      path.string(),
      info.st_uid));
  }
  if ((info.st_mode & 077) != 0 && ::fchmod(fd, 0600) != 0) {
    return std::unexpected(fmt::format(
      "cannot write {}: other users may read it, and it cannot be made "
      "private (chmod 600): {}",
      path.string(),
      std::strerror(errno)));
  }
  return {};
}

// The size of the open file, to see whether others make progress.
off_t size_of(int fd)
{
  struct stat info
  {};
  return ::fstat(fd, &info) == 0 ? info.st_size : -1;
}

// What may be written: a regular file, the user's and private, or a
// character device (/dev/null, /dev/full).
std::expected<void, std::string> check_file(int fd,
                                            const std::filesystem::path& path,
                                            uid_t owner)
{
  struct stat info
  {};
  if (::fstat(fd, &info) != 0) {
    return std::unexpected(errno_text("open", path));
  }
  if (S_ISREG(info.st_mode)) {
    return check_private(fd, info, path, owner);
  }
  if (!S_ISCHR(info.st_mode)) {
    return std::unexpected(
      fmt::format("cannot write {}: not a regular file", path.string()));
  }
  return {};
}

// Takes the exclusive lock, polling so that a signal can end the wait and
// the wait has a bound. The bound is on a holder that makes no progress:
// while the file grows, other writers are busy, not stuck, and we go on
// waiting our turn.
std::expected<void, AppendError> lock(int fd,
                                      const std::filesystem::path& path,
                                      const AppendOptions& options)
{
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  off_t size = size_of(fd);
  bool told = false;
  auto pause = std::chrono::milliseconds(1);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      return fail(errno_text("lock", path));
    }
    if (const int signal = options.stop_signal ? options.stop_signal() : 0) {
      return Failure(AppendError{
        fmt::format("cannot write {}: stopped by a signal while waiting for "
                    "another program to release it",
                    path.string()),
        signal});
    }
    if (const off_t now_size = size_of(fd); now_size != size) {
      size = now_size;
      start = Clock::now();
    }
    const auto waited = Clock::now() - start;
    if (waited >= options.lock_wait) {
      return fail(fmt::format(
        "cannot write {}: another program kept it locked for {} s",
        path.string(),
        std::chrono::duration_cast<std::chrono::seconds>(options.lock_wait)
          .count()));
    }
    if (!told && waited >= options.quiet_wait && options.on_waiting) {
      options.on_waiting(options.lock_wait);
      told = true;
    }
    // Short sleeps: a lock released soon is taken soon.
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
  return {};
}

// Whether a regular file of `size` bytes lacks its final newline.
bool lacks_final_newline(int fd, off_t size)
{
  char last = '\n';
  return size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n';
}

// One write of the whole text: with O_APPEND and the lock, lines never
// interleave. A short write is cut back off (a regular file is truncated to
// `size_before`), so a line is never left half written.
std::expected<void, std::string> write_whole(int fd,
                                             const std::string& text,
                                             const struct stat& before,
                                             const std::filesystem::path& path,
                                             const AppendOptions& options)
{
  ssize_t written = -1;
  do {
    written = options.write ? options.write(fd, text.data(), text.size())
                            : ::write(fd, text.data(), text.size());
  } while (written < 0 && errno == EINTR);
  if (static_cast<std::size_t>(written) == text.size()) {
    return {};
  }
  const int error = written < 0 ? errno : 0;
  if (S_ISREG(before.st_mode)) {
    // Nothing else can be done if this fails too; the message says why the
    // write failed, which is what the user can act on.
    [[maybe_unused]] const int ignored = ::ftruncate(fd, before.st_size);
  }
  if (error != 0) {
    return std::unexpected(
      fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
  }
  return std::unexpected(
    fmt::format("cannot write {}: short write (disk full?); nothing was added",
                path.string()));
}

} // namespace

std::expected<void, AppendError> append_line(const std::filesystem::path& path,
                                             const std::string& line,
                                             const AppendOptions& options)
{
  if (line.size() > limits::max_journal_line_bytes) {
    return fail(fmt::format("cannot write {}: the line is {} bytes, more "
                            "than the journal's limit of {} KiB",
                            path.string(),
                            line.size(),
                            limits::max_journal_line_bytes / 1024));
  }
  // Whatever is written must read back: text the reader would refuse (not
  // UTF-8, a control character) is refused here, before the journal is
  // touched.
  auto fault = text::find_encoding_fault(line);
  if (!fault) {
    fault = text::find_control_character(line, "\t");
  }
  if (fault) {
    return fail(fmt::format("cannot write {}: the line would not read back "
                            "({})",
                            path.string(),
                            fault->problem));
  }
  if (!make_private_folders(path.parent_path())) {
    return fail(errno_text("create the folder of", path));
  }
  auto opened = open_journal(path, options.owner);
  if (!opened) {
    return fail(opened.error());
  }
  FileDescriptor file{*opened};
  if (auto checked = check_file(file.fd, path, options.owner); !checked) {
    return fail(checked.error());
  }
  if (auto locked = lock(file.fd, path, options); !locked) {
    return locked;
  }
  // The size under the lock: another program may have appended meanwhile.
  struct stat info
  {};
  if (::fstat(file.fd, &info) != 0) {
    return fail(errno_text("open", path));
  }
  const bool newline_first =
    S_ISREG(info.st_mode) && lacks_final_newline(file.fd, info.st_size);
  const std::string whole = (newline_first ? "\n" : "") + line + "\n";
  if (auto written = write_whole(file.fd, whole, info, path, options);
      !written) {
    return fail(written.error());
  }
  if (S_ISREG(info.st_mode) && ::fsync(file.fd) != 0) {
    return fail(errno_text("sync", path));
  }
  return {};
}

} // namespace knotrelief::journal
