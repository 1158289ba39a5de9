#include "cli/output_file.hpp"

#include "cli/journal_support.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace knotrelief::cli {

namespace {

// The temporary to remove when a signal ends the program: a fixed buffer,
// as a signal handler may only read what is already there.
std::array<char, PATH_MAX> pending_temporary{};
constexpr std::array removal_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};

extern "C" void remove_temporary_and_die(int signal)
{
  if (pending_temporary[0] != '\0') {
    ::unlink(pending_temporary.data());
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void guard_temporary(const std::string& path)
{
  if (path.size() >= pending_temporary.size()) {
    return; // mkstemp would have failed first
  }
  std::memcpy(pending_temporary.data(), path.c_str(), path.size() + 1);
  for (const int signal : removal_signals) {
    struct sigaction action = {};
    action.sa_handler = remove_temporary_and_die;
    sigemptyset(&action.sa_mask);
    if (sigaction(signal, nullptr, &action) == 0 &&
        action.sa_handler == SIG_IGN) {
      continue; // keep what the parent asked for (nohup)
    }
    action.sa_handler = remove_temporary_and_die;
    sigaction(signal, &action, nullptr);
  }
}

void release_temporary()
{
  pending_temporary[0] = '\0';
}

// /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a descriptor
// this process already has: it is written to as it is (a file opened for
// appending is appended to), never replaced.
std::optional<int> descriptor_named(std::string_view name)
{
  if (name == "/dev/stdout") {
    return 1;
  }
  if (name == "/dev/stderr") {
    return 2;
  }
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (name.starts_with(prefix)) {
      const std::string_view digits = name.substr(prefix.size());
      int fd = -1;
      const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), fd);
      if (error == std::errc() && end == digits.data() + digits.size()) {
        return fd;
      }
    }
  }
  return std::nullopt;
}

// `name` with its symbolic links followed, even to a file that does not
// exist yet (which weakly_canonical would leave as the link).
std::string followed_links(const std::string& name, int& error)
{
  std::filesystem::path path = name;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code status;
    if (!std::filesystem::is_symlink(path, status)) {
      return path.string();
    }
    const auto link = std::filesystem::read_symlink(path, status);
    if (status) {
      error = status.value();
      return {};
    }
    path = link.is_absolute() ? link : path.parent_path() / link;
  }
  error = ELOOP;
  return {};
}

} // namespace

OutputFile::OutputFile(Context& context, const std::string& name)
  : m_context(context)
  , m_name(name)
  , m_target(name)
{
  const auto descriptor = descriptor_named(name);
  if (name == "-" || descriptor == 1) {
    m_file = context.out();
    return;
  }
  if (descriptor) {
    open_descriptor(*descriptor);
    return;
  }
  if (name.starts_with("/dev/") || name.starts_with("/proc/")) {
    open_directly(name); // devices and the like, never replaced
    return;
  }
  int error = 0;
  m_target = followed_links(name, error);
  if (error != 0) {
    fail(error);
  }
  std::error_code status_error;
  const auto status = std::filesystem::status(m_target, status_error);
  if (std::filesystem::exists(status) &&
      !std::filesystem::is_regular_file(status)) {
    open_directly(m_target);
  } else {
    open_temporary(m_target);
  }
}

void OutputFile::open_descriptor(int descriptor)
{
  const int copy = ::fcntl(descriptor, F_DUPFD_CLOEXEC, 3);
  m_file = copy < 0 ? nullptr : ::fdopen(copy, "w");
  if (m_file == nullptr) {
    const int error = errno;
    if (copy >= 0) {
      ::close(copy);
    }
    fail(error);
  }
  m_own_file = true;
}

OutputFile::~OutputFile()
{
  if (m_own_file && m_file != nullptr) {
    std::fclose(m_file);
  }
  if (!m_temporary.empty()) {
    ::unlink(m_temporary.c_str());
    release_temporary();
  }
}

void OutputFile::open_directly(const std::string& target)
{
  m_file = std::fopen(target.c_str(), "w");
  if (m_file == nullptr) {
    fail(errno);
  }
  m_own_file = true;
}

// The temporary takes the mode of the file it replaces; a new file is
// private (0600): it is health data.
void OutputFile::open_temporary(const std::string& target)
{
  std::string temporary = target + ".XXXXXX";
  // No signal between making the temporary and guarding it.
  sigset_t blocked;
  sigset_t before;
  sigemptyset(&blocked);
  for (const int signal : removal_signals) {
    sigaddset(&blocked, signal);
  }
  ::sigprocmask(SIG_BLOCK, &blocked, &before);
  const int fd = ::mkstemp(temporary.data());
  const int make_error = errno;
  if (fd >= 0) {
    m_temporary = temporary;
    guard_temporary(m_temporary);
  }
  ::sigprocmask(SIG_SETMASK, &before, nullptr);
  if (fd < 0) {
    fail(make_error);
  }
  struct stat existing = {};
  if (::stat(target.c_str(), &existing) == 0) {
    ::fchmod(fd, existing.st_mode & 07777);
  }
  m_file = ::fdopen(fd, "w");
  if (m_file == nullptr) {
    const int error = errno;
    ::close(fd);
    ::unlink(m_temporary.c_str()); // no destructor runs for a constructor
    release_temporary();
    fail(error);
  }
  m_own_file = true;
}

void OutputFile::commit()
{
  if (!m_own_file) {
    return;
  }
  int error = 0;
  if (std::fflush(m_file) != 0 || std::ferror(m_file) != 0 ||
      (!m_temporary.empty() && ::fsync(::fileno(m_file)) != 0)) {
    error = errno != 0 ? errno : EIO;
  }
  if (std::fclose(m_file) != 0 && error == 0) {
    error = errno;
  }
  m_file = nullptr;
  if (error == 0 && !m_temporary.empty() &&
      std::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
    error = errno;
  }
  if (error != 0) {
    fail(error); // the destructor removes the temporary
  }
  m_temporary.clear();
  release_temporary();
}

void OutputFile::fail(int error) const
{
  throw Error(fmt::format("cannot write {}: {}",
                          display_path(m_context, m_name),
                          std::strerror(error)));
}

} // namespace knotrelief::cli
