#pragma once

#include "session/ports.hpp"
#include "term/keys.hpp"
#include "term/signals.hpp"

#include <deque>

namespace knotrelief::term {

// Waits in poll(2) on the keyboard (when there is one) and the signal pipe,
// with a timeout to the next display change: the process sleeps between
// updates and wakes at once for a key or a signal. An escape sequence may
// come over several reads: an ESC that ends a read is the Esc key only when
// no byte follows within escape_timeout.
class TerminalInput : public session::Input
{
public:
  // `key_fd` is a terminal in raw mode, or -1 for no keys.
  TerminalInput(int key_fd, SignalPipe& signals, const session::Clock& clock);

  std::optional<session::Event> wait(session::TimePoint deadline) override;

  // How many times wait() woke up (for benchmarks).
  std::size_t wake_ups() const { return m_wake_ups; }

private:
  void read_keys();
  void read_signals();
  void take_keys(const std::vector<session::Command>& commands);

  int m_key_fd;
  SignalPipe& m_signals;
  const session::Clock& m_clock;
  KeyDecoder m_decoder;
  // When the decoder stops waiting for the rest of an escape sequence.
  std::optional<session::TimePoint> m_escape_deadline;
  std::deque<session::Event> m_pending;
  std::size_t m_wake_ups = 0;
};

// What a signal asks of a session: Ctrl-Z suspends, SIGCONT and SIGWINCH
// redraw, and every signal in ending_signals() ends it.
std::optional<session::Event> signal_event(int signal_number);

} // namespace knotrelief::term
