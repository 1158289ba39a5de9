#include "session/engine.hpp"
#include "support/routines.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace knotrelief::session;
using namespace knotrelief::routine;
using namespace std::chrono_literals;

namespace {

Step hold(int seconds, Sides sides = Sides::none, int reps = 1)
{
  Step step;
  step.name = "s";
  step.cue = "c";
  step.hold = DurationRange{seconds, seconds};
  step.sides = sides;
  step.reps = reps;
  return step;
}

struct Fixture : knotrelief::test::OneRoutineTimeline
{
  TimePoint t0{};

  explicit Fixture(std::vector<Step> steps, int prep = 5)
    : OneRoutineTimeline(std::move(steps), prep)
  {}
};

} // namespace

TEST_SUITE("engine")
{
  TEST_CASE("segments end exactly on their deadlines")
  {
    Fixture f({hold(45, Sides::both)}); // prep 5, 45, switch 5, 45 = 100 s
    Engine engine(f.timeline, f.t0);
    CHECK(engine.progress(f.t0).session_remaining == 100s);
    engine.update(f.t0 + 4999ms);
    CHECK(engine.progress(f.t0 + 4999ms).segment_index == 0);
    CHECK(engine.update(f.t0 + 5s) == 1);
    CHECK(engine.progress(f.t0 + 5s).segment_index == 1);
    CHECK(engine.progress(f.t0 + 5s).segment_remaining == 45s);
    CHECK(engine.update(f.t0 + 100s) == 3);
    CHECK(engine.finished());
    CHECK(engine.state() == SessionState::completed);
    CHECK(engine.active_time(f.t0 + 200s) == 100s);
    CHECK(engine.steps_completed() == 1);
  }

  TEST_CASE("late updates lose no time: a long session does not drift")
  {
    // 60 one-minute holds with 5 s transitions; update at uneven, late times.
    std::vector<Step> steps(60, hold(60));
    Fixture f(steps, 0);
    Engine engine(f.timeline, f.t0);
    const auto total = Millis(f.timeline.total_seconds() * 1000LL);
    TimePoint now = f.t0;
    while (!engine.finished()) {
      now += 997ms; // always a little off the second
      engine.update(now);
    }
    CHECK(engine.active_time(now) == total);
    CHECK(engine.steps_completed() == 60);
  }

  TEST_CASE("a pause removes exactly its own length")
  {
    Fixture f({hold(30)}, 0);
    Engine engine(f.timeline, f.t0);
    engine.pause(f.t0 + 10s);
    CHECK(engine.state() == SessionState::paused);
    // Time passes while paused: nothing moves.
    CHECK(engine.progress(f.t0 + 500s).segment_remaining == 20s);
    CHECK(engine.update(f.t0 + 500s) == 0);
    CHECK(engine.next_change(f.t0 + 500s) == TimePoint::max());
    engine.resume(f.t0 + 510s + 250ms);
    CHECK(engine.progress(f.t0 + 510s + 250ms).segment_remaining == 20s);
    engine.update(f.t0 + 530s + 249ms);
    CHECK_FALSE(engine.finished());
    engine.update(f.t0 + 530s + 250ms);
    CHECK(engine.finished());
    CHECK(engine.active_time(f.t0 + 999s) == 30s);
  }

  TEST_CASE("toggle pause and quitting while paused")
  {
    Fixture f({hold(30)}, 0);
    Engine engine(f.timeline, f.t0);
    engine.toggle_pause(f.t0 + 5s);
    CHECK(engine.state() == SessionState::paused);
    engine.quit(f.t0 + 60s);
    CHECK(engine.state() == SessionState::quit);
    CHECK(engine.active_time(f.t0 + 100s) == 5s);
    CHECK(engine.steps_completed() == 0);
  }

  TEST_CASE("next skips the rest of a segment, skipped holds are not done")
  {
    Fixture f({hold(30), hold(30)}, 0); // 30, transition 5, 30
    Engine engine(f.timeline, f.t0);
    engine.next(f.t0 + 10s);
    CHECK(engine.progress(f.t0 + 10s).segment_index == 1);
    CHECK(engine.progress(f.t0 + 10s).segment_remaining == 5s);
    engine.update(f.t0 + 45s);
    CHECK(engine.finished());
    CHECK(engine.steps_completed() == 1);
    CHECK(engine.active_time(f.t0 + 45s) == 45s);
  }

  TEST_CASE("next on the last segment completes the session")
  {
    Fixture f({hold(30)}, 0);
    Engine engine(f.timeline, f.t0);
    engine.next(f.t0 + 3s);
    CHECK(engine.state() == SessionState::completed);
    CHECK(engine.active_time(f.t0 + 9s) == 3s);
  }

  TEST_CASE("back restarts the step, and again at once goes to the step before")
  {
    // prep 5 | A left 20 | switch 5 | A right 20 | transition 5 | B 20
    Fixture f({hold(20, Sides::both), hold(20)});
    Engine engine(f.timeline, f.t0);
    SUBCASE("from the right side back to the left side")
    {
      engine.update(f.t0 + 40s); // in A right, 10 s in
      REQUIRE(engine.progress(f.t0 + 40s).segment_index == 3);
      engine.back(f.t0 + 40s);
      CHECK(engine.progress(f.t0 + 40s).segment_index == 1);
      CHECK(engine.progress(f.t0 + 40s).segment_remaining == 20s);
    }
    SUBCASE("twice in a row: the previous step")
    {
      engine.update(f.t0 + 65s); // in B, 5 s in
      REQUIRE(engine.progress(f.t0 + 65s).segment_index == 5);
      engine.back(f.t0 + 65s);
      CHECK(engine.progress(f.t0 + 65s).segment_index == 5); // B from the start
      engine.back(f.t0 + 66s);
      CHECK(engine.progress(f.t0 + 66s).segment_index == 1); // A, left side
    }
    SUBCASE("during a transition: the step just done")
    {
      engine.update(f.t0 + 52s); // transition before B (50-55 s)
      REQUIRE(engine.progress(f.t0 + 52s).segment_index == 4);
      engine.back(f.t0 + 52s);
      CHECK(engine.progress(f.t0 + 52s).segment_index == 1);
    }
    SUBCASE("at the very start nothing goes before the first step")
    {
      engine.update(f.t0 + 5s);
      engine.back(f.t0 + 5s);
      CHECK(engine.progress(f.t0 + 5s).segment_index == 1);
    }
  }

  TEST_CASE("+/- 10 s change the current segment, at least a second stays")
  {
    Fixture f({hold(30)}, 0);
    Engine engine(f.timeline, f.t0);
    engine.adjust(f.t0 + 5s, 10s);
    CHECK(engine.progress(f.t0 + 5s).segment_remaining == 35s);
    CHECK(engine.progress(f.t0 + 5s).segment_length == 40s);
    engine.adjust(f.t0 + 5s, -10s);
    engine.adjust(f.t0 + 5s, -10s);
    CHECK(engine.progress(f.t0 + 5s).segment_remaining == 15s);
    engine.adjust(f.t0 + 5s, -10s);
    engine.adjust(f.t0 + 5s, -10s);
    CHECK(engine.progress(f.t0 + 5s).segment_remaining == 1s);
    CHECK_FALSE(engine.finished());
    engine.update(f.t0 + 6s);
    CHECK(engine.finished());
  }

  TEST_CASE("the display changes once a second: next_change")
  {
    Fixture f({hold(30)}, 0);
    Engine engine(f.timeline, f.t0);
    CHECK(engine.next_change(f.t0) == f.t0 + 1s);
    CHECK(engine.next_change(f.t0 + 250ms) == f.t0 + 1s);
    CHECK(engine.next_change(f.t0 + 1s) == f.t0 + 2s);
    CHECK(engine.next_change(f.t0 + 29500ms) == f.t0 + 30s);
    engine.pause(f.t0 + 2s);
    engine.resume(f.t0 + 2300ms);
    CHECK(engine.next_change(f.t0 + 2300ms) == f.t0 + 3300ms);
  }

  TEST_CASE("counted steps report the movement number")
  {
    Step rolls;
    rolls.name = "rolls";
    rolls.cue = "roll";
    rolls.count = 10;
    rolls.pace_seconds = 3;
    Fixture f({rolls}, 0);
    Engine engine(f.timeline, f.t0);
    CHECK(engine.progress(f.t0).movement == 1);
    CHECK(engine.progress(f.t0 + 2999ms).movement == 1);
    CHECK(engine.progress(f.t0 + 3s).movement == 2);
    CHECK(engine.progress(f.t0 + 29999ms).movement == 10);
  }

  TEST_CASE("an empty timeline is complete at once")
  {
    Timeline timeline;
    Engine engine(timeline, TimePoint{});
    CHECK(engine.finished());
    CHECK(engine.steps_total() == 0);
  }
}
