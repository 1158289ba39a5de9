#include "session/engine.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>

namespace knotrelief::session {

namespace {

using std::chrono::duration_cast;

constexpr Millis one_second{1000};

bool same_step(const Segment& a, const Segment& b)
{
  return a.routine_index == b.routine_index && a.step_index == b.step_index;
}

} // namespace

Engine::Engine(const Timeline& timeline, TimePoint start)
  : m_timeline(timeline)
  , m_ran_out(timeline.segments.size(), false)
  , m_session_start(start)
{
  for (const Segment& segment : timeline.segments) {
    m_lengths.emplace_back(Millis(segment.seconds * 1000LL));
  }
  if (m_lengths.empty()) {
    finish(SessionState::completed, start);
    return;
  }
  enter(0, start);
}

void Engine::enter(std::size_t index, TimePoint start)
{
  m_index = index;
  m_segment_start = start;
  m_deadline = start + m_lengths[index];
}

void Engine::finish(SessionState state, TimePoint now)
{
  m_state = state;
  m_ended_at = now;
}

bool Engine::finished() const
{
  return m_state == SessionState::completed || m_state == SessionState::quit;
}

TimePoint Engine::effective(TimePoint now) const
{
  if (finished()) {
    return m_ended_at;
  }
  return m_state == SessionState::paused ? m_paused_at : now;
}

std::size_t Engine::update(TimePoint now)
{
  std::size_t ended = 0;
  while (m_state == SessionState::running && now >= m_deadline) {
    if (m_timeline.segments[m_index].is_work()) {
      m_ran_out[m_index] = true;
    }
    ++ended;
    if (m_index + 1 == m_lengths.size()) {
      finish(SessionState::completed, m_deadline);
      break;
    }
    // The next segment starts at the old deadline, not at `now`: however
    // late this call comes, no time is lost or gained.
    enter(m_index + 1, m_deadline);
  }
  return ended;
}

void Engine::pause(TimePoint now)
{
  update(now);
  if (m_state == SessionState::running) {
    m_state = SessionState::paused;
    m_paused_at = now;
  }
}

void Engine::resume(TimePoint now)
{
  if (m_state != SessionState::paused) {
    return;
  }
  const auto paused_for = duration_cast<Millis>(now - m_paused_at);
  m_segment_start += paused_for;
  m_deadline += paused_for;
  m_paused_total += paused_for;
  m_state = SessionState::running;
}

void Engine::toggle_pause(TimePoint now)
{
  if (m_state == SessionState::paused) {
    resume(now);
  } else {
    pause(now);
  }
}

void Engine::next(TimePoint now)
{
  update(now);
  if (finished()) {
    return;
  }
  const TimePoint at = effective(now);
  if (m_index + 1 == m_lengths.size()) {
    finish(SessionState::completed, at);
    return;
  }
  enter(m_index + 1, at);
}

std::size_t Engine::first_work_of_step(std::size_t index) const
{
  const auto& segments = m_timeline.segments;
  // Pauses before a step describe it, so the step's segments are contiguous.
  std::size_t first = index;
  while (first > 0 && same_step(segments[first - 1], segments[index])) {
    --first;
  }
  while (first < segments.size() && !segments[first].is_work()) {
    ++first;
  }
  return first;
}

void Engine::back(TimePoint now)
{
  update(now);
  if (finished()) {
    return;
  }
  const TimePoint at = effective(now);
  const std::size_t step_start = first_work_of_step(m_index);
  const bool just_started =
    m_index == step_start && at - m_segment_start < back_window;
  std::size_t target = step_start;
  if (m_index < step_start || just_started) {
    // Go to the previous step, if there is one.
    const std::size_t before = std::min(m_index, step_start);
    target = m_index < step_start ? m_index : step_start;
    for (std::size_t i = before; i-- > 0;) {
      if (m_timeline.segments[i].is_work()) {
        target = first_work_of_step(i);
        break;
      }
    }
  }
  enter(target, at);
}

void Engine::adjust(TimePoint now, Millis delta)
{
  update(now);
  if (finished()) {
    return;
  }
  const auto remaining = duration_cast<Millis>(m_deadline - effective(now));
  // Keep at least a second left, so '-' never skips the segment outright.
  delta = std::max(delta, std::min(Millis(0), one_second - remaining));
  m_lengths[m_index] += delta;
  m_deadline += delta;
}

void Engine::quit(TimePoint now)
{
  update(now);
  if (!finished()) {
    finish(SessionState::quit, effective(now));
  }
}

Progress Engine::progress(TimePoint now) const
{
  Progress progress;
  progress.state = m_state;
  progress.segment_index = m_index;
  if (m_lengths.empty()) {
    return progress;
  }
  progress.segment_length = m_lengths[m_index];
  if (finished()) {
    return progress;
  }
  progress.segment_remaining =
    std::clamp(duration_cast<Millis>(m_deadline - effective(now)),
               Millis(0),
               m_lengths[m_index]);
  progress.session_remaining = std::accumulate(
    m_lengths.begin() + static_cast<std::ptrdiff_t>(m_index) + 1,
    m_lengths.end(),
    progress.segment_remaining);
  const Segment& segment = m_timeline.segments[m_index];
  if (segment.kind == SegmentKind::count && segment.pace_seconds > 0) {
    const auto elapsed = progress.segment_length - progress.segment_remaining;
    const auto pace = Millis(segment.pace_seconds * 1000LL);
    progress.movement =
      std::min<int>(segment.count, static_cast<int>(elapsed / pace) + 1);
  }
  return progress;
}

TimePoint Engine::next_change(TimePoint now) const
{
  if (m_state != SessionState::running) {
    return TimePoint::max();
  }
  const auto remaining = duration_cast<Millis>(m_deadline - now);
  if (remaining <= Millis(0)) {
    return now;
  }
  // The countdown shows whole seconds rounded up; it changes each time the
  // remaining time crosses a whole second.
  const Millis to_next = remaining % one_second;
  return now + (to_next == Millis(0) ? one_second : to_next);
}

Millis Engine::active_time(TimePoint now) const
{
  return duration_cast<Millis>(effective(now) - m_session_start) -
         m_paused_total;
}

std::size_t Engine::steps_total() const
{
  std::set<std::pair<std::size_t, std::size_t>> steps;
  for (const Segment& segment : m_timeline.segments) {
    if (segment.is_work()) {
      steps.emplace(segment.routine_index, segment.step_index);
    }
  }
  return steps.size();
}

std::size_t Engine::steps_completed() const
{
  std::set<std::pair<std::size_t, std::size_t>> all;
  std::set<std::pair<std::size_t, std::size_t>> unfinished;
  const auto& segments = m_timeline.segments;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (!segments[i].is_work()) {
      continue;
    }
    const auto key =
      std::pair(segments[i].routine_index, segments[i].step_index);
    all.insert(key);
    if (!m_ran_out[i]) {
      unfinished.insert(key);
    }
  }
  return all.size() - unfinished.size();
}

} // namespace knotrelief::session
