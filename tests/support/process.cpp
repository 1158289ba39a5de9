#include "support/process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace knotrelief::test {

namespace {

void check(bool ok, const char* what)
{
  if (!ok) {
    throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
  }
}

// Feeds `input` to `in_fd` and drains `out_fd`/`err_fd` until both close.
void pump(int in_fd,
          int out_fd,
          int err_fd,
          const std::string& input,
          ProcessResult& result)
{
  std::size_t written = 0;
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  }
  while (out_fd >= 0 || err_fd >= 0) {
    pollfd fds[3] = {
      {out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}};
    check(::poll(fds, 3, -1) >= 0 || errno == EINTR, "poll");
    char buffer[65536];
    for (int i = 0; i < 2; ++i) {
      int& fd = i == 0 ? out_fd : err_fd;
      if (fd >= 0 && fds[i].revents != 0) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) {
          ::close(fd);
          fd = -1;
        } else {
          (i == 0 ? result.out : result.err)
            .append(buffer, static_cast<std::size_t>(n));
        }
      }
    }
    if (in_fd >= 0 && fds[2].revents != 0) {
      const ssize_t n =
        ::write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) {
        written += static_cast<std::size_t>(n);
      }
      if (n <= 0 || written == input.size()) {
        ::close(in_fd);
        in_fd = -1;
      }
    }
  }
  if (in_fd >= 0) {
    ::close(in_fd);
  }
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv,
                          const ProcessOptions& options)
{
  // A child that exits before reading its input must not kill the test.
  ::signal(SIGPIPE, SIG_IGN);
  int in[2], out[2], err[2];
  check(::pipe2(in, O_CLOEXEC) == 0 && ::pipe2(out, O_CLOEXEC) == 0 &&
          ::pipe2(err, O_CLOEXEC) == 0,
        "pipe");
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : options.env) {
    env_strings.push_back(key + "=" + value);
  }
  std::vector<char*> env_pointers;
  for (auto& entry : env_strings) {
    env_pointers.push_back(entry.data());
  }
  env_pointers.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> arg_pointers;
  for (auto& arg : args) {
    arg_pointers.push_back(arg.data());
  }
  arg_pointers.push_back(nullptr);

  const pid_t pid = ::fork();
  check(pid >= 0, "fork");
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) {
      ::_exit(126);
    }
    ::execve(arg_pointers[0], arg_pointers.data(), env_pointers.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  ProcessResult result;
  pump(in[1], out[0], err[0], options.input, result);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status =
    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ProcessResult run_knotrelief(const std::vector<std::string>& args,
                             const ProcessOptions& options)
{
  ProcessOptions adjusted = options;
  // Never touch the real user's files.
  adjusted.env.try_emplace("HOME", "/nonexistent");
  adjusted.env.try_emplace("XDG_CONFIG_HOME", "/nonexistent/config");
  adjusted.env.try_emplace("XDG_DATA_HOME", "/nonexistent/data");
  adjusted.env.try_emplace("PATH", "/usr/bin:/bin");
  adjusted.env.try_emplace("LANG", "C.UTF-8");
  std::vector<std::string> argv{KNOTRELIEF_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, adjusted);
}

} // namespace knotrelief::test
