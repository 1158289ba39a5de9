#pragma once

#include "routine/model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::session {

// Which point of a hold range to use (`--hold`); low starts gently.
enum class HoldPoint
{
  low,
  mid,
  high
};

std::optional<HoldPoint> parse_hold_point(std::string_view text);
std::string_view to_string(HoldPoint point);

struct TimelineOptions
{
  // get-ready before the first hold; 0 skips it
  int prep_seconds = routine::default_pause_seconds;
  HoldPoint hold_point = HoldPoint::low;
  // One point per routine, in order, when they differ (a plan of `today`);
  // empty: `hold_point` for every routine.
  std::vector<HoldPoint> routine_hold_points{};
  // One side per routine, in order: `right` starts its steps done on each
  // side on the right (the tighter side lately); anything else, or a
  // missing entry, keeps left first.
  std::vector<routine::Side> routine_first_sides{};
  double scale = 1.0; // multiplies every hold (not counted steps)
  // between the sides of a step
  int switch_seconds = routine::default_pause_seconds;
  // between repetitions of a step
  int rest_seconds = routine::default_pause_seconds;
  // between steps, and between routines
  int transition_seconds = routine::default_pause_seconds;
};

enum class SegmentKind
{
  prepare,     // get into position for the first step
  hold,        // a timed hold of a step
  count,       // counted movements of a step
  switch_side, // change to the other side
  rest,        // release before the next repetition
  transition,  // move on to the next step
};

// One timed piece of a session. Transitions and rests refer to the step that
// comes next, so the screen can show what to get ready for.
struct Segment
{
  SegmentKind kind = SegmentKind::hold;
  int seconds = 0;
  std::size_t routine_index = 0; // into Timeline::routines
  std::size_t step_index = 0;    // into that routine's steps
  routine::Side side = routine::Side::none;
  int rep = 1;   // 1-based repetition number
  int count = 0; // movements, for counted steps
  int pace_seconds = 0;

  bool is_work() const
  {
    return kind == SegmentKind::hold || kind == SegmentKind::count;
  }
};

// The whole session, in order. It refers to the routines it was built from,
// which must outlive it.
struct Timeline
{
  std::span<const routine::Routine> routines;
  std::vector<Segment> segments;
  std::vector<HoldPoint> hold_points; // the point of each routine

  // 64-bit: many long routines at a high --scale pass what an int holds.
  std::int64_t total_seconds() const;
  const routine::Step& step_of(const Segment& segment) const;
  const routine::Routine& routine_of(const Segment& segment) const;
};

// Expands routines into segments: an optional get-ready, then every side and
// repetition of every step as its own hold, with switch, rest and transition
// segments between them, and nothing after the last hold.
Timeline build_timeline(std::span<const routine::Routine> routines,
                        const TimelineOptions& options);
// The timeline refers to its routines: a temporary list would dangle.
Timeline build_timeline(std::vector<routine::Routine>&& routines,
                        const TimelineOptions& options) = delete;

// Whether one of the first `steps_completed` steps of the timeline, in the
// order they come, is done on each side: only then can the sides be
// compared ("Which side felt tighter?").
bool worked_each_side(const Timeline& timeline, std::size_t steps_completed);

// The length of one hold: the chosen point of the range, scaled, rounded to
// whole seconds, at least one second.
int hold_seconds(const routine::DurationRange& range,
                 HoldPoint point,
                 double scale);

// How long a routine takes: the one figure `list`, `show`, `run`'s header,
// the journal's planned_s and `log add` give. It counts every hold and pause
// and the get-ready before the first hold, as a session lasts.
//
// The routine on its own with default options.
std::int64_t routine_seconds(const routine::Routine& routine);

// The get-ready part of a timeline's total (0 when there is none).
int prep_seconds(const Timeline& timeline);

// A length in words, saying what part of it is to get ready: "3m25s (with
// 5s to get ready)", or "3m20s" without one.
std::string describe_length(std::int64_t total_seconds, int prep_seconds);
// Its second half: " (with 5s to get ready)", or "" for no get-ready.
std::string get_ready_note(int prep_seconds);
// The same for routine_seconds().
std::string describe_length(const routine::Routine& routine);

} // namespace knotrelief::session
