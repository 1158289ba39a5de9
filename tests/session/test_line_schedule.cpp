#include "session/line_schedule.hpp"
#include "support/routines.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotrelief::session;
using namespace knotrelief::routine;
using namespace std::chrono_literals;

namespace {

Step hold(int seconds, Sides sides = Sides::none)
{
  Step step;
  step.name = "Press";
  step.cue = "press";
  step.hold = DurationRange{seconds, seconds};
  step.sides = sides;
  return step;
}

using Fixture = knotrelief::test::OneRoutineTimeline;

std::string name(Moment moment)
{
  switch (moment) {
    case Moment::segment_start:
      return "start";
    case Moment::halfway:
      return "half";
    case Moment::ten_seconds_left:
      return "ten";
    case Moment::countdown:
      return "321";
  }
  return "?";
}

// "segment:moment@seconds left" for every moment of a session woken at
// each change the engine announces (as the runner sleeps), with `act`
// called at each wake-up to press keys.
template <typename Act>
std::vector<std::string> moments(const Timeline& timeline, Act act)
{
  FakeClock clock;
  Engine engine(timeline, clock.now());
  LineSchedule schedule;
  std::vector<std::string> seen;
  while (true) {
    engine.update(clock.now());
    if (engine.finished()) {
      break;
    }
    const Frame frame = make_frame(engine, clock.now());
    for (const Moment moment : schedule.observe(frame)) {
      seen.push_back(std::to_string(frame.segment_index) + ":" + name(moment) +
                     "@" + std::to_string(frame.remaining_seconds) +
                     (frame.paused ? " paused" : ""));
    }
    act(engine, clock);
    // Paused, nothing comes by itself: look again a second later.
    const TimePoint next = engine.next_change(clock.now());
    clock.set(next == TimePoint::max() ? clock.now() + 1s : next);
  }
  return seen;
}

std::vector<std::string> moments(const Timeline& timeline)
{
  return moments(timeline, [](Engine&, FakeClock&) {});
}

// "a b c": a failed check shows the moments seen.
std::string joined(const std::vector<std::string>& parts)
{
  std::string text;
  for (const std::string& part : parts) {
    text += (text.empty() ? "" : " ") + part;
  }
  return text;
}

} // namespace

TEST_SUITE("line schedule")
{
  TEST_CASE("a 30 s hold gets its start, halfway, 10 s left and 3-2-1 lines")
  {
    // prep 5, left 30, switch 5, right 30: the 3-2-1 comes before the end
    // of a hold, not of the get-ready or the switch (as the bell's).
    const Fixture f({hold(30, Sides::both)});
    const std::vector<std::string> expected{"0:start@5",
                                            "1:start@30",
                                            "1:half@15",
                                            "1:ten@10",
                                            "1:321@3",
                                            "2:start@5",
                                            "3:start@30",
                                            "3:half@15",
                                            "3:ten@10"};
    CHECK(joined(moments(f.timeline)) == joined(expected));
  }

  TEST_CASE("a hold under 30 s gets only its start and the 3-2-1")
  {
    const Fixture f({hold(29), hold(12)});
    const auto seen = moments(f.timeline);
    CHECK(joined(seen) ==
          joined(
            {"0:start@5", "1:start@29", "1:321@3", "2:start@5", "3:start@12"}));
  }

  TEST_CASE("at most 4 lines for any hold from 30 s to 5 minutes")
  {
    for (int seconds = 30; seconds <= 300; seconds += 7) {
      CAPTURE(seconds);
      const Fixture f({hold(seconds), hold(1)});
      int lines = 0;
      for (const std::string& seen : moments(f.timeline)) {
        lines += seen.starts_with("1:") ? 1 : 0;
      }
      CHECK(lines == 4);
    }
  }

  TEST_CASE("no line while paused: time taken off in a pause shows after it")
  {
    const Fixture f({hold(45)});
    int paused_wakes = 0;
    const auto seen =
      moments(f.timeline, [&](Engine& engine, FakeClock& clock) {
        const Frame frame = make_frame(engine, clock.now());
        if (frame.segment_index == 1 && frame.remaining_seconds == 20 &&
            paused_wakes == 0) {
          engine.pause(clock.now());
          engine.adjust(clock.now(), -10s); // 10 s left, while paused
        }
        if (frame.paused && ++paused_wakes == 5) {
          engine.resume(clock.now());
        }
      });
    CHECK(paused_wakes == 5);
    // The line comes with the first frame after the pause (here a second
    // on: the harness resumes after showing a frame).
    CHECK(joined(seen) ==
          joined({"0:start@5", "1:start@45", "1:half@22", "1:ten@9"}));
  }

  TEST_CASE("time added back before a moment lets it come again")
  {
    const Fixture f({hold(30)});
    bool added = false;
    const auto seen =
      moments(f.timeline, [&](Engine& engine, FakeClock& clock) {
        const Frame frame = make_frame(engine, clock.now());
        if (!added && frame.segment_index == 1 &&
            frame.remaining_seconds == 8) {
          added = true;
          engine.adjust(clock.now(), 10s); // 18 s left
        }
      });
    CHECK(
      joined(seen) ==
      joined({"0:start@5", "1:start@30", "1:half@15", "1:ten@10", "1:ten@10"}));
  }

  TEST_CASE("a frame that finished the session gives no line")
  {
    LineSchedule schedule;
    Frame frame;
    frame.finished = true;
    CHECK(schedule.observe(frame).empty());
  }
}
