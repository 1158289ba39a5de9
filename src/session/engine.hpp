#pragma once

#include "session/clock.hpp"
#include "session/timeline.hpp"

#include <cstddef>
#include <vector>

namespace knotrelief::session {

enum class SessionState
{
  running,
  paused,
  completed,
  quit
};

// Where a session stands at one instant: what the display shows.
struct Progress
{
  std::size_t segment_index = 0;
  Millis segment_length{0}; // current length, after +/- adjustments
  Millis segment_remaining{0};
  Millis session_remaining{0}; // this segment and all after it
  SessionState state = SessionState::running;
  int movement = 0; // 1-based movement of a counted step, else 0
};

// The timing of a session as a pure state machine: every call takes the
// current time, nothing reads a clock or sleeps. Deadlines are absolute, so
// the session never drifts however long it runs: a segment ends exactly
// `length` after the previous one ended, and a pause moves the deadline by
// exactly its own length.
class Engine
{
public:
  Engine(const Timeline& timeline, TimePoint start);

  // Moves past every segment whose deadline has passed. Returns how many
  // segments ended (a display would ring once per change).
  std::size_t update(TimePoint now);

  void toggle_pause(TimePoint now);
  void pause(TimePoint now);
  void resume(TimePoint now);
  // Skips the rest of the current segment.
  void next(TimePoint now);
  // Restarts the current step; at the very start of a step (within
  // `back_window`), goes to the previous step instead.
  void back(TimePoint now);
  // Lengthens (or shortens) the current segment; it keeps at least a second.
  void adjust(TimePoint now, Millis delta);
  void quit(TimePoint now);

  bool finished() const;
  SessionState state() const { return m_state; }
  Progress progress(TimePoint now) const;

  // The next instant at which what is displayed changes (a whole second of
  // the countdown, a movement, or the end of the segment); the caller can
  // sleep until then.
  TimePoint next_change(TimePoint now) const;

  // Time spent running (pauses excluded) up to `now` or the end.
  Millis active_time(TimePoint now) const;

  // Work steps (distinct steps) whose every hold ran to its end.
  std::size_t steps_completed() const;
  std::size_t steps_total() const;

  const Timeline& timeline() const { return m_timeline; }

  // When the session ended by the timeline: the last deadline for a
  // completed session, the moment of quitting otherwise.
  TimePoint ended_at() const { return m_ended_at; }

  static constexpr Millis back_window{2000};

private:
  void enter(std::size_t index, TimePoint start);
  void finish(SessionState state, TimePoint now);
  std::size_t first_work_of_step(std::size_t index) const;
  TimePoint effective(TimePoint now) const;

  const Timeline& m_timeline;
  std::vector<Millis> m_lengths; // per segment, adjustable
  std::vector<bool> m_ran_out;   // work segments that reached their deadline
  std::size_t m_index = 0;
  TimePoint m_segment_start; // shifted forward by pauses
  TimePoint m_deadline;
  TimePoint m_session_start;
  TimePoint m_paused_at;
  TimePoint m_ended_at;
  Millis m_paused_total{0};
  SessionState m_state = SessionState::running;
};

} // namespace knotrelief::session
