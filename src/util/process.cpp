#include "util/process.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace knotrelief {

namespace {

struct Pipe
{
  int read = -1;
  int write = -1;
  bool open() { return ::pipe2(&read, O_CLOEXEC) == 0; }
  void close_read()
  {
    if (read >= 0) {
      ::close(read);
      read = -1;
    }
  }
  void close_write()
  {
    if (write >= 0) {
      ::close(write);
      write = -1;
    }
  }
  ~Pipe()
  {
    close_read();
    close_write();
  }
};

// Reads both pipes until they close or `limit` passes; false on a timeout.
bool collect(Pipe& out,
             Pipe& err,
             ProgramResult& result,
             std::chrono::milliseconds limit)
{
  const auto end = std::chrono::steady_clock::now() + limit;
  char buffer[4096];
  while (out.read >= 0 || err.read >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      end - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return false;
    }
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    if (::poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) {
      return false;
    }
    for (int i = 0; i < 2; ++i) {
      Pipe& pipe = i == 0 ? out : err;
      if (pipe.read < 0 || fds[i].revents == 0) {
        continue;
      }
      const ssize_t n = ::read(pipe.read, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, std::size_t(n));
      } else if (n == 0 || errno != EINTR) {
        pipe.close_read();
      }
    }
  }
  return true;
}

int decoded(int status)
{
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits for `pid` until `end`; false if it is still running then (a program
// that closed its output early, or a grandchild that keeps the pipes).
bool wait_until(pid_t pid,
                std::chrono::steady_clock::time_point end,
                int& status)
{
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) {
      return true;
    }
    if (std::chrono::steady_clock::now() >= end) {
      return false;
    }
    ::usleep(5000);
  }
}

int wait_status(pid_t pid)
{
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return decoded(status);
}

} // namespace

ProgramResult run_program(const std::string& path,
                          const std::vector<std::string>& args,
                          std::chrono::milliseconds limit)
{
  ProgramResult result;
  Pipe out;
  Pipe err;
  if (!out.open() || !err.open()) {
    result.error = std::strerror(errno);
    return result;
  }
  std::vector<char*> argv{const_cast<char*>(path.c_str())};
  for (const std::string& arg : args) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write, 1);
  posix_spawn_file_actions_adddup2(&actions, err.write, 2);
  // Its own process group, so that a time-out ends whatever it started.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(
    &pid, path.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  out.close_write();
  err.close_write();
  if (spawned != 0) {
    result.error = std::strerror(spawned);
    return result;
  }
  result.started = true;
  const auto end = std::chrono::steady_clock::now() + limit;
  int status = 0;
  if (collect(out, err, result, limit) && wait_until(pid, end, status)) {
    result.status = decoded(status);
    return result;
  }
  result.timed_out = true;
  ::kill(-pid, SIGKILL);
  result.status = wait_status(pid);
  return result;
}

} // namespace knotrelief
