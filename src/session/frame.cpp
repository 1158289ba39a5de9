#include "session/frame.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::session {

using routine::Side;

int ceil_seconds(Millis duration)
{
  return static_cast<int>((duration.count() + 999) / 1000);
}

double Frame::fraction_done() const
{
  if (length_seconds <= 0) {
    return 1.0;
  }
  const double done =
    1.0 - static_cast<double>(remaining_seconds) / length_seconds;
  return std::clamp(done, 0.0, 1.0);
}

namespace {

std::string side_text(Side side)
{
  return side == Side::none ? std::string()
                            : fmt::format("{} side", routine::to_string(side));
}

void describe_segment(const Segment& segment,
                      const routine::Step& step,
                      Frame& frame)
{
  const std::string side = side_text(segment.side);
  switch (segment.kind) {
    case SegmentKind::prepare:
      frame.headline = fmt::format("Get ready: {}", step.name);
      frame.detail = side.empty() ? "get into position"
                                  : fmt::format("start on the {}", side);
      break;
    case SegmentKind::transition:
      frame.headline = fmt::format("Next: {}", step.name);
      frame.detail = side.empty() ? "get into position"
                                  : fmt::format("start on the {}", side);
      break;
    case SegmentKind::switch_side:
      frame.headline = fmt::format("Switch to the {}", side);
      frame.detail = "release slowly, then change sides";
      break;
    case SegmentKind::rest:
      frame.headline = "Release and rest";
      frame.detail = fmt::format("rep {} of {} next", segment.rep, step.reps);
      break;
    case SegmentKind::hold:
    case SegmentKind::count:
      frame.headline = step.name;
      frame.detail = side;
      if (step.reps > 1) {
        frame.detail += fmt::format(
          "{}rep {} of {}", side.empty() ? "" : ", ", segment.rep, step.reps);
      }
      break;
  }
}

// Whether the step's halfway cue shows: during the first movement of the
// second half of a counted set, or for halfway_cue_seconds from the middle
// of a hold.
bool at_halfway(const Segment& segment, const Frame& frame)
{
  if (segment.kind == SegmentKind::count) {
    return frame.movement == frame.count / 2 + 1;
  }
  const int after_middle =
    frame.length_seconds - frame.remaining_seconds * 2; // in half seconds
  return after_middle >= 0 && after_middle < 2 * halfway_cue_seconds;
}

} // namespace

Frame make_frame(const Engine& engine, TimePoint now)
{
  const Timeline& timeline = engine.timeline();
  const Progress progress = engine.progress(now);
  Frame frame;
  frame.finished = engine.finished();
  frame.paused = progress.state == SessionState::paused;
  if (timeline.segments.empty()) {
    return frame;
  }
  const Segment& segment = timeline.segments[progress.segment_index];
  const routine::Routine& routine = timeline.routine_of(segment);
  const routine::Step& step = timeline.step_of(segment);
  frame.segment_index = progress.segment_index;
  frame.kind = segment.kind;
  frame.routine_name = routine.name;
  frame.routine_number = segment.routine_index + 1;
  frame.routine_count = timeline.routines.size();
  frame.step_number = segment.step_index + 1;
  frame.step_count = routine.steps.size();
  frame.cue = step.cue;
  frame.spots = step.spots;
  frame.side = segment.side;
  if (step.pressure != routine::Pressure::unspecified) {
    frame.pressure = routine::to_string(step.pressure);
  }
  frame.advice = step.advice;
  frame.breathing = step.breathing;
  frame.remaining_seconds = ceil_seconds(progress.segment_remaining);
  frame.length_seconds = ceil_seconds(progress.segment_length);
  frame.session_remaining_seconds = ceil_seconds(progress.session_remaining);
  describe_segment(segment, step, frame);
  if (segment.kind == SegmentKind::count) {
    frame.movement = progress.movement;
    frame.count = segment.count;
    frame.detail += fmt::format("{}movement {} of {}",
                                frame.detail.empty() ? "" : ", ",
                                frame.movement,
                                frame.count);
  }
  if (segment.is_work() && at_halfway(segment, frame)) {
    frame.halfway = step.halfway;
  }
  const bool more_follows =
    progress.segment_index + 1 < timeline.segments.size();
  if (segment.is_work() && more_follows && !frame.finished &&
      frame.remaining_seconds <= 3 && frame.remaining_seconds > 0) {
    frame.countdown = frame.remaining_seconds;
  }
  return frame;
}

std::string announcement(const Frame& frame)
{
  switch (frame.kind) {
    case SegmentKind::hold:
    case SegmentKind::count:
      return frame.detail.empty() || frame.kind == SegmentKind::count
               ? fmt::format("{}.", frame.headline)
               : fmt::format("{}, {}.", frame.headline, frame.detail);
    default:
      return fmt::format("{}.", frame.headline);
  }
}

} // namespace knotrelief::session
