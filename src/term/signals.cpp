#include "term/signals.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace knotrelief::term {

namespace {

// One pipe per process: a signal handler can only reach globals.
int pipe_fds[2] = {-1, -1};

extern "C" void on_signal(int number)
{
  const int saved = errno;
  const auto byte = static_cast<unsigned char>(number);
  // If the pipe is full the signal is dropped; the loop has plenty queued.
  [[maybe_unused]] auto ignored = ::write(pipe_fds[1], &byte, 1);
  errno = saved;
}

} // namespace

const std::vector<int>& ending_signals()
{
  static const std::vector<int> numbers = [] {
    std::vector<int> list = {SIGHUP,
                             SIGINT,
                             SIGQUIT,
                             SIGTERM,
                             SIGUSR1,
                             SIGUSR2,
                             SIGALRM,
                             SIGVTALRM,
                             SIGPROF,
                             SIGXCPU,
                             SIGIO,
                             SIGPWR,
                             SIGSTKFLT,
                             SIGSYS,
                             SIGTRAP};
    for (int number = SIGRTMIN; number <= SIGRTMAX; ++number) {
      list.push_back(number);
    }
    return list;
  }();
  return numbers;
}

bool ends_process(int signal_number)
{
  const auto& list = ending_signals();
  return std::find(list.begin(), list.end(), signal_number) != list.end();
}

SignalPipe::SignalPipe(std::vector<int> signals)
  : m_signals(std::move(signals))
{
  if (pipe_fds[0] < 0 && ::pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    throw Error("cannot create the signal pipe");
  }
  for (int number : m_signals) {
    struct sigaction action
    {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    struct sigaction previous
    {};
    ::sigaction(number, &action, &previous);
    m_previous.push_back(previous);
  }
}

SignalPipe::~SignalPipe()
{
  for (std::size_t i = 0; i < m_signals.size(); ++i) {
    ::sigaction(m_signals[i], &m_previous[i], nullptr);
  }
}

int SignalPipe::fd() const
{
  return pipe_fds[0];
}

std::optional<int> SignalPipe::take()
{
  unsigned char byte = 0;
  if (::read(pipe_fds[0], &byte, 1) == 1) {
    return static_cast<int>(byte);
  }
  return std::nullopt;
}

namespace {

constexpr int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

// What the fault handler restores; set before it is installed.
struct FaultState
{
  int fd = -1;
  termios settings{};
  bool has_settings = false;
  FaultGuard::Restore restore;
  struct sigaction previous[std::size(fault_signals)]{};
};
FaultState fault_state;

extern "C" void on_fault(int number)
{
  if (fault_state.has_settings) {
    ::tcsetattr(fault_state.fd, TCSANOW, &fault_state.settings);
  }
  if (fault_state.restore.title) {
    constexpr char restore_title[] = "\x1b[23;0t";
    [[maybe_unused]] auto ignored =
      ::write(STDOUT_FILENO, restore_title, sizeof restore_title - 1);
  }
  if (fault_state.restore.screen) {
    constexpr char leave[] = "\x1b[0m\x1b[?25h\x1b[?1049l";
    [[maybe_unused]] auto ignored =
      ::write(STDOUT_FILENO, leave, sizeof leave - 1);
  }
  for (std::size_t i = 0; i < std::size(fault_signals); ++i) {
    if (fault_signals[i] == number) {
      ::sigaction(number, &fault_state.previous[i], nullptr);
    }
  }
  // Delivered once this handler returns (the signal is blocked meanwhile);
  // a real fault happens again anyway when its instruction is retried.
  ::raise(number);
}

} // namespace

FaultGuard::FaultGuard(int fd, const termios* saved, Restore restore)
{
  fault_state.fd = fd;
  fault_state.has_settings = saved != nullptr;
  if (saved) {
    fault_state.settings = *saved;
  }
  fault_state.restore = restore;
  for (std::size_t i = 0; i < std::size(fault_signals); ++i) {
    struct sigaction action
    {};
    action.sa_handler = on_fault;
    sigemptyset(&action.sa_mask);
    ::sigaction(fault_signals[i], &action, &fault_state.previous[i]);
  }
}

FaultGuard::~FaultGuard()
{
  for (std::size_t i = 0; i < std::size(fault_signals); ++i) {
    ::sigaction(fault_signals[i], &fault_state.previous[i], nullptr);
  }
}

IgnoreSignal::IgnoreSignal(int number)
  : m_number(number)
{
  struct sigaction ignore
  {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(number, &ignore, &m_previous);
}

IgnoreSignal::~IgnoreSignal()
{
  ::sigaction(m_number, &m_previous, nullptr);
}

void SignalPipe::stop_process()
{
  // SIGSTOP cannot be caught, so our SIGTSTP handler stays in place.
  ::kill(::getpid(), SIGSTOP);
}

} // namespace knotrelief::term
