#pragma once

// The ports of a session: what the loop in runner.hpp talks to. The terminal
// implements them (term/input, term/displays, term/cues); tests use fakes.

#include "session/clock.hpp"
#include "session/frame.hpp"

#include <optional>

namespace knotrelief::session {

// What the person (keys) or the system (signals) asks for during a session.
enum class Command
{
  toggle_pause,
  next,
  back,
  more_time,
  less_time,
  quit,
  toggle_help,
  redraw,    // the window was resized
  suspend,   // Ctrl-Z (SIGTSTP): pause, give the terminal back, stop
  continued, // SIGCONT: the process ran again after a stop
  end,       // a signal whose default action would end the process
};

// A command and, for Command::end, the number of the signal behind it.
struct Event
{
  Event(Command command_, int signal_ = 0) // NOLINT: implicit on purpose
    : command(command_)
    , signal(signal_)
  {}
  Command command;
  int signal;
};

// Waits for the next command, or until `deadline`. Blocks without spinning.
class Input
{
public:
  virtual ~Input() = default;
  virtual std::optional<Event> wait(TimePoint deadline) = 0;
};

// Shows frames. A display draws only what changed since the last frame.
class Display
{
public:
  virtual ~Display() = default;
  virtual void show(const Frame& frame, bool help) = 0;
  // Forget what is on screen and draw everything again next time.
  virtual void invalidate() = 0;
  // Give the terminal back, stop the process (Ctrl-Z), take it again. Where
  // nothing could continue a stopped process (no job control), nothing: the
  // session stays paused.
  virtual void suspend() = 0;
  // Leave the session screen for good (before the summary is printed).
  virtual void close() = 0;
  // True once output can no longer be written (the reader of a pipe went
  // away, the terminal was closed): the session then ends.
  virtual bool gone() const { return false; }
  // Whether it went because the reader of a pipe went away (EPIPE), as
  // opposed to a full disk or a closed descriptor.
  virtual bool reader_left() const { return gone(); }
};

// Audible cues, fired as a session moves on.
class Cues
{
public:
  virtual ~Cues() = default;
  virtual void segment_started(const Frame& frame) = 0;
  virtual void countdown(int seconds_left) = 0;
  virtual void movement(int number) = 0;
  // The step's halfway cue (frame.halfway) has just come up.
  virtual void halfway(const Frame& frame) = 0;
};

} // namespace knotrelief::session
