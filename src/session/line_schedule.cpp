#include "session/line_schedule.hpp"

namespace knotrelief::session {

namespace {

bool is_long_work(const Frame& frame)
{
  const bool work =
    frame.kind == SegmentKind::hold || frame.kind == SegmentKind::count;
  return work && frame.length_seconds >= long_hold_seconds;
}

bool past_halfway(const Frame& frame)
{
  if (frame.kind == SegmentKind::count) {
    return frame.movement > frame.count / 2;
  }
  return frame.remaining_seconds * 2 <= frame.length_seconds;
}

} // namespace

// What `frame` is at or past. The halfway line gives way to the
// ten-seconds one when both would come at once (after `-`).
LineSchedule::Reached LineSchedule::reached(const Frame& frame)
{
  Reached now;
  if (is_long_work(frame)) {
    now.ten_left = frame.remaining_seconds <= last_seconds_warning &&
                   frame.remaining_seconds > 3;
    now.halfway = past_halfway(frame) || now.ten_left;
  }
  // The step's own halfway cue, on a hold of any length.
  now.halfway = now.halfway || !frame.halfway.empty();
  now.countdown = frame.countdown > 0;
  return now;
}

std::vector<Moment> LineSchedule::observe(const Frame& frame)
{
  std::vector<Moment> moments;
  if (frame.finished) {
    return moments;
  }
  const Reached now = reached(frame);
  if (!m_segment || *m_segment != frame.segment_index) {
    m_segment = frame.segment_index;
    m_reached = now;
    moments.push_back(Moment::segment_start);
    return moments;
  }
  if (frame.paused) {
    return moments;
  }
  if (now.halfway && !m_reached.halfway && !now.ten_left) {
    moments.push_back(Moment::halfway);
  }
  if (now.ten_left && !m_reached.ten_left) {
    moments.push_back(Moment::ten_seconds_left);
  }
  if (now.countdown && !m_reached.countdown) {
    moments.push_back(Moment::countdown);
  }
  // A moment passed comes again only once time was added back before it
  // (the ten seconds' line is over, not undone, in the last three).
  m_reached.halfway = now.halfway;
  m_reached.ten_left =
    now.ten_left ||
    (m_reached.ten_left && frame.remaining_seconds <= last_seconds_warning);
  m_reached.countdown = now.countdown;
  return moments;
}

} // namespace knotrelief::session
