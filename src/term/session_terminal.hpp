#pragma once

#include "session/ports.hpp"
#include "term/displays.hpp"
#include "term/raw_mode.hpp"
#include "term/signals.hpp"

#include <memory>

namespace knotrelief::term {

// How a session may use the terminal.
struct TerminalTraits
{
  bool smart = false; // the full screen: stdout is a terminal, TERM is not
                      // dumb and plain lines were not asked for
  bool plain = false; // plain lines asked for (--plain, ACCESSIBLE)
  bool keys = false;  // stdin is a terminal
  bool interactive = false; // both: questions may be asked
  bool color = false;
  bool unicode = false;
  bool title = false;         // the time left in the window title (smart only)
  bool reduce_motion = false; // the full screen's clock in 5 s steps
};

// The full-screen display on a smart terminal, plain lines otherwise (said
// through `speak` too).
std::unique_ptr<session::Display> make_display(const TerminalTraits& traits,
                                               Output& out,
                                               RawMode* raw,
                                               Speaker speak = {});

// The terminal for one session, with one owner: raw keys when stdin is a
// terminal, and the display that suits stdout. release() - or the
// destructor, on any way out - leaves the session screen and restores the
// terminal's settings.
class SessionTerminal
{
public:
  // `speak` says the lines of a plain display (--voice with --plain).
  explicit SessionTerminal(const TerminalTraits& traits, Speaker speak = {});
  ~SessionTerminal() { release(); }
  SessionTerminal(const SessionTerminal&) = delete;
  SessionTerminal& operator=(const SessionTerminal&) = delete;

  session::Display& display() { return *m_display; }
  Output& output() { return m_out; }
  void release();

private:
  RawMode m_raw;
  Output m_out;
  std::unique_ptr<session::Display> m_display;
  FaultGuard m_fault_guard;
};

} // namespace knotrelief::term
