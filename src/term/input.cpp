#include "term/input.hpp"

#include "term/keys.hpp"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace knotrelief::term {

using session::Command;

std::optional<session::Event> signal_event(int signal_number)
{
  switch (signal_number) {
    case SIGTSTP:
      return Command::suspend;
    case SIGCONT:
      return Command::continued;
    case SIGWINCH:
      return Command::redraw;
    default:
      if (ends_process(signal_number)) {
        return session::Event(Command::end, signal_number);
      }
      return std::nullopt;
  }
}

TerminalInput::TerminalInput(int key_fd,
                             SignalPipe& signals,
                             const session::Clock& clock)
  : m_key_fd(key_fd)
  , m_signals(signals)
  , m_clock(clock)
{}

void TerminalInput::read_keys()
{
  char buffer[256];
  const ssize_t n = ::read(m_key_fd, buffer, sizeof buffer);
  if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
    m_key_fd = -1; // end of input: go on without keys
    return;
  }
  if (n > 0) {
    for (Command command :
         decode_keys(std::string_view(buffer, static_cast<std::size_t>(n)))) {
      m_pending.push_back(command);
    }
  }
}

void TerminalInput::read_signals()
{
  while (true) {
    const std::optional<int> number = m_signals.take();
    if (!number) {
      return;
    }
    if (auto event = signal_event(*number)) {
      m_pending.push_back(*event);
    }
  }
}

std::optional<session::Event> TerminalInput::wait(session::TimePoint deadline)
{
  while (m_pending.empty()) {
    int timeout = -1;
    if (deadline != session::TimePoint::max()) {
      const auto left = deadline - m_clock.now();
      if (left <= left.zero()) {
        return std::nullopt;
      }
      // Round up: waking a little late is harmless, early means a spin.
      timeout = static_cast<int>(
        std::chrono::ceil<std::chrono::milliseconds>(left).count());
    }
    pollfd fds[2] = {{m_signals.fd(), POLLIN, 0}, {m_key_fd, POLLIN, 0}};
    const int ready = ::poll(fds, m_key_fd >= 0 ? 2 : 1, timeout);
    ++m_wake_ups;
    if (ready < 0 && errno != EINTR) {
      return std::nullopt;
    }
    // Interrupted (EINTR): the handler has written its byte already. Read
    // it now, before the deadline check: after a stop the deadline has long
    // passed, and the SIGCONT must be seen before time moves on.
    if (ready < 0 || fds[0].revents != 0) {
      read_signals();
    }
    if (ready > 0 && m_key_fd >= 0 && fds[1].revents != 0) {
      read_keys();
    }
    if (ready == 0) {
      return std::nullopt;
    }
  }
  const session::Event event = m_pending.front();
  m_pending.pop_front();
  return event;
}

} // namespace knotrelief::term
