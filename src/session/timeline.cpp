#include "session/timeline.hpp"

#include "routine/duration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace knotrelief::session {

using routine::Routine;
using routine::Step;

std::optional<HoldPoint> parse_hold_point(std::string_view text)
{
  if (text == "low") {
    return HoldPoint::low;
  }
  if (text == "mid") {
    return HoldPoint::mid;
  }
  if (text == "high") {
    return HoldPoint::high;
  }
  return std::nullopt;
}

std::string_view to_string(HoldPoint point)
{
  switch (point) {
    case HoldPoint::mid:
      return "mid";
    case HoldPoint::high:
      return "high";
    case HoldPoint::low:
      break;
  }
  return "low";
}

int hold_seconds(const routine::DurationRange& range,
                 HoldPoint point,
                 double scale)
{
  double seconds = range.low;
  if (point == HoldPoint::mid) {
    seconds = (range.low + range.high) / 2.0;
  } else if (point == HoldPoint::high) {
    seconds = range.high;
  }
  return std::max(1, static_cast<int>(std::lround(seconds * scale)));
}

namespace {

class Builder
{
public:
  Builder(Timeline& timeline, const TimelineOptions& options)
    : m_timeline(timeline)
    , m_options(options)
  {}

  void add_step(std::size_t routine_index, std::size_t step_index)
  {
    const Step& step = m_timeline.routines[routine_index].steps[step_index];
    Segment work;
    work.routine_index = routine_index;
    work.step_index = step_index;
    if (step.is_counted()) {
      work.kind = SegmentKind::count;
      work.count = step.count;
      work.pace_seconds = step.pace_seconds;
      work.seconds = step.count * step.pace_seconds;
    } else {
      work.kind = SegmentKind::hold;
      work.seconds = hold_seconds(
        *step.hold, m_timeline.hold_points[routine_index], m_options.scale);
    }
    auto sides = routine::expand_sides(step.sides);
    if (sides.size() == 2 && starts_on_right(routine_index)) {
      std::swap(sides[0], sides[1]);
    }
    for (std::size_t s = 0; s < sides.size(); ++s) {
      for (int rep = 1; rep <= step.reps; ++rep) {
        work.side = sides[s];
        work.rep = rep;
        if (rep > 1) {
          add_pause(SegmentKind::rest, m_options.rest_seconds, work);
        } else if (s > 0) {
          add_pause(SegmentKind::switch_side, m_options.switch_seconds, work);
        } else if (m_timeline.segments.empty()) {
          add_pause(SegmentKind::prepare, m_options.prep_seconds, work);
        } else {
          add_pause(
            SegmentKind::transition, m_options.transition_seconds, work);
        }
        m_timeline.segments.push_back(work);
      }
    }
  }

private:
  bool starts_on_right(std::size_t routine_index) const
  {
    const auto& first = m_options.routine_first_sides;
    return routine_index < first.size() &&
           first[routine_index] == routine::Side::right;
  }

  // A pause before `next`, describing it; zero-length pauses are left out.
  void add_pause(SegmentKind kind, int seconds, const Segment& next)
  {
    if (seconds <= 0) {
      return;
    }
    Segment pause = next;
    pause.kind = kind;
    pause.seconds = seconds;
    m_timeline.segments.push_back(pause);
  }

  Timeline& m_timeline;
  const TimelineOptions& m_options;
};

} // namespace

Timeline build_timeline(std::span<const Routine> routines,
                        const TimelineOptions& options)
{
  Timeline timeline;
  timeline.routines = routines;
  timeline.hold_points = options.routine_hold_points;
  timeline.hold_points.resize(routines.size(), options.hold_point);
  Builder builder(timeline, options);
  for (std::size_t r = 0; r < routines.size(); ++r) {
    for (std::size_t s = 0; s < routines[r].steps.size(); ++s) {
      builder.add_step(r, s);
    }
  }
  return timeline;
}

bool worked_each_side(const Timeline& timeline, std::size_t steps_completed)
{
  std::size_t seen = 0;
  const Step* previous = nullptr;
  for (const Segment& segment : timeline.segments) {
    const Step& step = timeline.step_of(segment);
    if (!segment.is_work() || &step == previous) {
      continue;
    }
    if (++seen > steps_completed) {
      return false;
    }
    if (step.sides == routine::Sides::both) {
      return true;
    }
    previous = &step;
  }
  return false;
}

std::int64_t Timeline::total_seconds() const
{
  std::int64_t total = 0;
  for (const Segment& segment : segments) {
    total += segment.seconds;
  }
  return total;
}

const Step& Timeline::step_of(const Segment& segment) const
{
  return routines[segment.routine_index].steps[segment.step_index];
}

const Routine& Timeline::routine_of(const Segment& segment) const
{
  return routines[segment.routine_index];
}

std::int64_t routine_seconds(const Routine& routine)
{
  return build_timeline(std::span(&routine, 1), TimelineOptions{})
    .total_seconds();
}

int prep_seconds(const Timeline& timeline)
{
  const auto& segments = timeline.segments;
  return !segments.empty() && segments.front().kind == SegmentKind::prepare
           ? segments.front().seconds
           : 0;
}

std::string get_ready_note(int prep_seconds)
{
  return prep_seconds > 0 ? fmt::format(" (with {} to get ready)",
                                        routine::format_duration(prep_seconds))
                          : std::string();
}

std::string describe_length(std::int64_t total_seconds, int prep_seconds)
{
  return routine::format_duration(total_seconds) + get_ready_note(prep_seconds);
}

std::string describe_length(const Routine& routine)
{
  return describe_length(routine_seconds(routine),
                         TimelineOptions{}.prep_seconds);
}

} // namespace knotrelief::session
