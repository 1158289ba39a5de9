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
                             SIGPWR};
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
