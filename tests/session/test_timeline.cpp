#include "routine/library.hpp"
#include "session/timeline.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace knotrelief::routine;
using namespace knotrelief::session;

namespace {

Step hold_step(int seconds, Sides sides = Sides::none, int reps = 1)
{
  Step step;
  step.name = "hold";
  step.cue = "cue";
  step.hold = DurationRange{seconds, seconds};
  step.sides = sides;
  step.reps = reps;
  return step;
}

Routine routine_of(std::vector<Step> steps)
{
  Routine routine;
  routine.id = "r";
  routine.name = "R";
  routine.steps = std::move(steps);
  return routine;
}

std::vector<SegmentKind> kinds(const Timeline& timeline)
{
  std::vector<SegmentKind> result;
  for (const auto& segment : timeline.segments) {
    result.push_back(segment.kind);
  }
  return result;
}

using K = SegmentKind;

} // namespace

TEST_SUITE("timeline")
{
  TEST_CASE("each side and repetition is its own hold, with pauses between")
  {
    std::vector<Routine> routines{
      routine_of({hold_step(45, Sides::both), hold_step(15, Sides::none, 2)})};
    const Timeline timeline = build_timeline(routines, TimelineOptions{});
    CHECK(kinds(timeline) == std::vector<K>{K::prepare,
                                            K::hold,
                                            K::switch_side,
                                            K::hold,
                                            K::transition,
                                            K::hold,
                                            K::rest,
                                            K::hold});
    CHECK(timeline.segments[1].side == Side::left);
    CHECK(timeline.segments[3].side == Side::right);
    CHECK(timeline.segments[2].side ==
          Side::right); // the switch names the coming side
    CHECK(timeline.segments[7].rep == 2);
    CHECK(timeline.segments[4].step_index ==
          1); // a transition describes the next step
    CHECK(timeline.total_seconds() == 5 + 45 + 5 + 45 + 5 + 15 + 5 + 15);
  }

  TEST_CASE("sides and reps combine: left x2, then right x2")
  {
    std::vector<Routine> routines{routine_of({hold_step(10, Sides::both, 2)})};
    TimelineOptions options;
    options.prep_seconds = 0;
    const Timeline timeline = build_timeline(routines, options);
    CHECK(
      kinds(timeline) ==
      std::vector<K>{
        K::hold, K::rest, K::hold, K::switch_side, K::hold, K::rest, K::hold});
    CHECK(timeline.segments[2].side == Side::left);
    CHECK(timeline.segments[4].side == Side::right);
    CHECK(timeline.segments[4].rep == 1);
  }

  TEST_CASE("a routine may start its steps done on each side on the right")
  {
    std::vector<Routine> routines{
      routine_of({hold_step(10, Sides::both, 2), hold_step(10, Sides::left)}),
      routine_of({hold_step(10, Sides::both)})};
    TimelineOptions options;
    options.prep_seconds = 0;
    options.routine_first_sides = {Side::right}; // the second: left first
    const Timeline timeline = build_timeline(routines, options);
    std::vector<Side> sides;
    for (const auto& segment : timeline.segments) {
      if (segment.is_work()) {
        sides.push_back(segment.side);
      }
    }
    CHECK(sides == std::vector<Side>{Side::right,
                                     Side::right,
                                     Side::left,
                                     Side::left,
                                     Side::left, // a left-only step stays
                                     Side::left,
                                     Side::right});
    CHECK(timeline.segments[3].kind == K::switch_side);
    CHECK(timeline.segments[3].side == Side::left);
    CHECK(timeline.total_seconds() ==
          build_timeline(routines, TimelineOptions{.prep_seconds = 0})
            .total_seconds());
  }

  TEST_CASE("the sides can be compared once a step done on each side is done")
  {
    std::vector<Routine> routines{routine_of(
      {hold_step(10), hold_step(10, Sides::both, 2), hold_step(10)})};
    const Timeline timeline = build_timeline(routines, TimelineOptions{});
    CHECK_FALSE(worked_each_side(timeline, 0));
    CHECK_FALSE(worked_each_side(timeline, 1));
    CHECK(worked_each_side(timeline, 2));
    CHECK(worked_each_side(timeline, 3));
    std::vector<Routine> one_sided{routine_of({hold_step(10, Sides::left)})};
    CHECK_FALSE(
      worked_each_side(build_timeline(one_sided, TimelineOptions{}), 1));
  }

  TEST_CASE("no prep with --prep 0, and nothing after the last hold")
  {
    std::vector<Routine> routines{routine_of({hold_step(30)})};
    TimelineOptions options;
    options.prep_seconds = 0;
    const Timeline timeline = build_timeline(routines, options);
    REQUIRE(timeline.segments.size() == 1);
    CHECK(timeline.segments.back().kind == K::hold);
  }

  TEST_CASE("counted steps take count x pace")
  {
    Step step;
    step.name = "rolls";
    step.cue = "roll";
    step.count = 10;
    step.pace_seconds = 4;
    std::vector<Routine> routines{routine_of({step})};
    TimelineOptions options;
    options.prep_seconds = 0;
    options.scale = 2.0; // scales holds, not counted movements
    const Timeline timeline = build_timeline(routines, options);
    REQUIRE(timeline.segments.size() == 1);
    CHECK(timeline.segments[0].kind == K::count);
    CHECK(timeline.segments[0].seconds == 40);
    CHECK(timeline.segments[0].count == 10);
  }

  TEST_CASE("hold point and scale")
  {
    const DurationRange range{30, 60};
    CHECK(hold_seconds(range, HoldPoint::low, 1.0) == 30);
    CHECK(hold_seconds(range, HoldPoint::mid, 1.0) == 45);
    CHECK(hold_seconds(range, HoldPoint::high, 1.0) == 60);
    CHECK(hold_seconds(range, HoldPoint::low, 0.5) == 15);
    CHECK(hold_seconds(range, HoldPoint::high, 1.5) == 90);
    CHECK(hold_seconds({45, 45}, HoldPoint::low, 0.01) == 1); // never zero
    CHECK(hold_seconds({30, 45}, HoldPoint::mid, 1.0) == 38); // 37.5 rounds up
    CHECK(parse_hold_point("mid") == HoldPoint::mid);
    CHECK_FALSE(parse_hold_point("middle").has_value());
  }

  TEST_CASE("several routines run in a row with a transition between them")
  {
    std::vector<Routine> routines{routine_of({hold_step(10)}),
                                  routine_of({hold_step(20)})};
    const Timeline timeline = build_timeline(routines, TimelineOptions{});
    CHECK(kinds(timeline) ==
          std::vector<K>{K::prepare, K::hold, K::transition, K::hold});
    CHECK(timeline.segments[3].routine_index == 1);
    CHECK(&timeline.step_of(timeline.segments[3]) == &routines[1].steps[0]);
  }

  TEST_CASE("each routine may run at its own hold point")
  {
    Step ranged = hold_step(10);
    ranged.hold = DurationRange{10, 30};
    std::vector<Routine> routines{routine_of({ranged}), routine_of({ranged})};
    TimelineOptions options;
    options.prep_seconds = 0;
    options.hold_point = HoldPoint::mid;
    const Timeline same = build_timeline(routines, options);
    CHECK(same.hold_points == std::vector{HoldPoint::mid, HoldPoint::mid});
    CHECK(same.segments[0].seconds == 20);
    options.routine_hold_points = {HoldPoint::high, HoldPoint::low};
    const Timeline mixed = build_timeline(routines, options);
    CHECK(mixed.hold_points == options.routine_hold_points);
    CHECK(mixed.segments[0].seconds == 30);
    CHECK(mixed.segments[2].seconds == 10);
    CHECK(to_string(HoldPoint::high) == "high");
    CHECK(parse_hold_point(to_string(HoldPoint::low)) == HoldPoint::low);
  }

  TEST_CASE("the built-in neck routine: its holds in order")
  {
    const Library library = Library::builtin();
    std::vector<Routine> routines{library.resolve_routine("neck")};
    const Timeline timeline = build_timeline(routines, TimelineOptions{});
    std::vector<int> holds;
    for (const auto& segment : timeline.segments) {
      if (segment.is_work()) {
        holds.push_back(segment.seconds);
      }
    }
    CHECK(holds == std::vector<int>{30, 45, 45, 15, 15, 15, 15, 20});
    // One length everywhere: the get-ready included.
    CHECK(routine_seconds(routines[0]) == timeline.total_seconds());
    CHECK(prep_seconds(timeline) == 5);
    CHECK(describe_length(routines[0]) == "4m (with 5s to get ready)");
    TimelineOptions no_prep;
    no_prep.prep_seconds = 0;
    const Timeline bare = build_timeline(routines, no_prep);
    CHECK(prep_seconds(bare) == 0);
    CHECK(describe_length(bare.total_seconds(), prep_seconds(bare)) == "3m55s");
  }
}

TEST_SUITE("timeline")
{
  TEST_CASE("a huge session's total does not overflow")
  {
    // 15 routines of 200 steps, both sides, 20 reps, 30 min holds at
    // --scale 10: 2,160,000,000 s of holds, past what an int holds.
    const Routine longest =
      routine_of(std::vector<Step>(200, hold_step(1800, Sides::both, 20)));
    const std::vector<Routine> routines(15, longest);
    TimelineOptions options;
    options.scale = 10.0;
    const Timeline timeline = build_timeline(routines, options);
    const std::int64_t holds = std::int64_t{15} * 200 * 2 * 20;
    const std::int64_t pauses = holds * 5; // one before each hold
    CHECK(timeline.total_seconds() == holds * 18'000 + pauses);
    CHECK(timeline.total_seconds() > 2'147'483'647);
  }
}
