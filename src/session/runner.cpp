#include "session/runner.hpp"

#include <csignal>

namespace knotrelief::session {

namespace {

// Fires cues for what changed between two frames.
class CueTracker
{
public:
  explicit CueTracker(Cues& cues)
    : m_cues(cues)
  {}

  void observe(const Frame& frame)
  {
    if (frame.finished) {
      return;
    }
    if (!m_started || frame.segment_index != m_segment) {
      m_started = true;
      m_segment = frame.segment_index;
      m_countdown = frame.countdown;
      m_movement = frame.movement;
      m_halfway = !frame.halfway.empty(); // no cue when it starts halfway
      m_cues.segment_started(frame);
      return;
    }
    if (frame.countdown != m_countdown) {
      m_countdown = frame.countdown;
      if (frame.countdown > 0 && !frame.paused) {
        m_cues.countdown(frame.countdown);
      }
    }
    if (!frame.halfway.empty() && !m_halfway) {
      m_halfway = true;
      m_cues.halfway(frame);
    }
    if (frame.movement != m_movement) {
      m_movement = frame.movement;
      if (frame.movement > 1) {
        m_cues.movement(frame.movement);
      }
    }
  }

private:
  Cues& m_cues;
  bool m_started = false;
  std::size_t m_segment = 0;
  int m_countdown = 0;
  int m_movement = 0;
  bool m_halfway = false;
};

} // namespace

namespace {

// Applies one command to the session. `last_awake` is when the loop last
// looked at the clock before waiting: a stop from outside (SIGSTOP, which
// cannot be caught) began after it, so the time since then is a pause.
void apply(const Event& event,
           TimePoint now,
           TimePoint last_awake,
           Engine& engine,
           Display& display,
           RunResult& result,
           bool& help)
{
  switch (event.command) {
    case Command::toggle_pause:
      engine.toggle_pause(now);
      break;
    case Command::next:
      engine.next(now);
      break;
    case Command::back:
      engine.back(now);
      break;
    case Command::more_time:
      engine.adjust(now, adjust_step);
      break;
    case Command::less_time:
      engine.adjust(now, -adjust_step);
      break;
    case Command::quit:
      engine.quit(now);
      result.outcome = Outcome::quit;
      break;
    case Command::toggle_help:
      help = !help;
      break;
    case Command::redraw:
      display.invalidate();
      break;
    case Command::suspend:
      engine.pause(now);
      display.suspend();
      display.invalidate();
      break;
    case Command::continued:
      engine.pause(last_awake); // no-op when Ctrl-Z paused it already
      display.invalidate();
      break;
    case Command::end:
      engine.quit(now);
      result.outcome = Outcome::interrupted;
      result.signal = event.signal;
      break;
  }
}

} // namespace

RunResult run_session(Engine& engine,
                      const Clock& clock,
                      Input& input,
                      Display& display,
                      Cues& cues)
{
  RunResult result;
  CueTracker tracker(cues);
  bool help = false;
  while (true) {
    const TimePoint awake = clock.now();
    engine.update(awake);
    if (engine.finished()) {
      break;
    }
    const Frame frame = make_frame(engine, awake);
    tracker.observe(frame);
    display.show(frame, help);
    if (display.gone()) {
      // Nobody can follow the session any more: end it, as a broken pipe
      // would when the reader left (the caller reports other failures).
      engine.quit(awake);
      result.outcome = Outcome::interrupted;
      result.signal = display.reader_left() ? SIGPIPE : 0;
      break;
    }
    const auto event = input.wait(engine.next_change(awake));
    if (event) {
      apply(*event, clock.now(), awake, engine, display, result, help);
    }
  }
  const TimePoint end = clock.now();
  result.active = engine.active_time(end);
  result.steps_completed = engine.steps_completed();
  result.steps_total = engine.steps_total();
  return result;
}

} // namespace knotrelief::session
