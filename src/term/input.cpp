#include "term/input.hpp"

#include "term/keys.hpp"

#include <algorithm>
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

void TerminalInput::take_keys(const std::vector<Command>& commands)
{
  for (Command command : commands) {
    m_pending.push_back(command);
  }
}

void TerminalInput::read_keys()
{
  char buffer[256];
  const ssize_t n = ::read(m_key_fd, buffer, sizeof buffer);
  if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
    m_key_fd = -1; // end of input: go on without keys
    take_keys(m_decoder.flush());
    m_escape_deadline.reset();
    return;
  }
  if (n > 0) {
    take_keys(
      m_decoder.feed(std::string_view(buffer, static_cast<std::size_t>(n))));
    m_escape_deadline.reset();
    if (m_decoder.pending()) {
      m_escape_deadline = m_clock.now() + escape_timeout;
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

namespace {

// The poll(2) timeout until `until`: -1 for never, else milliseconds rounded
// up (waking a little late is harmless, early means a spin).
int poll_timeout(session::TimePoint now, session::TimePoint until)
{
  if (until == session::TimePoint::max()) {
    return -1;
  }
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - now);
  return static_cast<int>(
    std::max<std::chrono::milliseconds::rep>(left.count(), 0));
}

} // namespace

std::optional<session::Event> TerminalInput::wait(session::TimePoint deadline)
{
  while (m_pending.empty()) {
    const session::TimePoint now = m_clock.now();
    if (deadline != session::TimePoint::max() && deadline <= now) {
      return std::nullopt;
    }
    // An unfinished escape sequence waits at most until its own deadline.
    const bool escape_first =
      m_escape_deadline && *m_escape_deadline < deadline;
    const int timeout =
      poll_timeout(now, escape_first ? *m_escape_deadline : deadline);
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
    if (ready == 0 && escape_first) {
      // Nothing followed the ESC in time: it was a key of its own.
      take_keys(m_decoder.flush());
      m_escape_deadline.reset();
    } else if (ready == 0) {
      return std::nullopt;
    }
  }
  const session::Event event = m_pending.front();
  m_pending.pop_front();
  return event;
}

} // namespace knotrelief::term
