#include "session/runner.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace knotrelief::session;
using namespace knotrelief::routine;
using namespace std::chrono_literals;

namespace {

// Commands at given times; between them, time jumps straight to the
// deadline the runner asks to wake at (as a sleeping process would).
class ScriptedInput : public Input
{
public:
  ScriptedInput(FakeClock& clock, std::multimap<Millis, Command> script)
    : m_clock(clock)
    , m_script(std::move(script))
    , m_start(clock.now())
  {}

  std::optional<Command> wait(TimePoint deadline) override
  {
    ++wake_ups;
    if (!m_script.empty()) {
      const TimePoint at = m_start + m_script.begin()->first;
      if (at <= deadline) {
        m_clock.set(std::max(at, m_clock.now()));
        const Command command = m_script.begin()->second;
        m_script.erase(m_script.begin());
        return command;
      }
    }
    REQUIRE(deadline !=
            TimePoint::max()); // paused with nothing to come: a hang
    m_clock.set(deadline);
    return std::nullopt;
  }

  int wake_ups = 0;

private:
  FakeClock& m_clock;
  std::multimap<Millis, Command> m_script;
  TimePoint m_start;
};

class RecordingDisplay : public Display
{
public:
  void show(const Frame& frame, bool help) override
  {
    frames.push_back(frame);
    help_shown = help_shown || help;
  }
  void invalidate() override { ++invalidations; }
  void suspend() override { ++suspensions; }
  void close() override {}

  std::vector<Frame> frames;
  bool help_shown = false;
  int invalidations = 0;
  int suspensions = 0;
};

class RecordingCues : public Cues
{
public:
  void segment_started(const Frame& frame) override
  {
    events.push_back("start:" + frame.headline);
  }
  void countdown(int seconds) override
  {
    events.push_back("count:" + std::to_string(seconds));
  }
  void movement(int number) override
  {
    events.push_back("move:" + std::to_string(number));
  }
  std::vector<std::string> events;
};

struct Session
{
  std::vector<Routine> routines;
  Timeline timeline;

  Session()
  {
    Routine routine;
    routine.id = "r";
    routine.name = "R";
    Step press;
    press.name = "Press";
    press.cue = "press";
    press.hold = DurationRange{10, 10};
    press.sides = Sides::both;
    Step rolls;
    rolls.name = "Rolls";
    rolls.cue = "roll";
    rolls.count = 3;
    rolls.pace_seconds = 2;
    routine.steps = {press, rolls};
    routines.push_back(routine);
    TimelineOptions options;
    options.prep_seconds = 5; // 5 + 10 + 5 + 10 + 5 + 6 = 41 s
    timeline = build_timeline(routines, options);
  }
};

} // namespace

TEST_SUITE("runner")
{
  TEST_CASE("a whole session: one wake-up per displayed second, exact time")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock, {});
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    const RunResult result = run_session(engine, clock, input, display, cues);
    CHECK(result.outcome == Outcome::completed);
    CHECK(result.active == 41s);
    CHECK(result.steps_completed == 2);
    CHECK(input.wake_ups == 41);
    CHECK(display.frames.size() == 41);
    CHECK(display.frames.front().remaining_seconds == 5);
    CHECK(display.frames.back().remaining_seconds == 1);
  }

  TEST_CASE("cues: each segment start, 3-2-1 before changes, movements")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock, {});
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    run_session(engine, clock, input, display, cues);
    const std::vector<std::string> expected{"start:Get ready: Press",
                                            "start:Press",
                                            "count:3",
                                            "count:2",
                                            "count:1",
                                            "start:Switch to the right side",
                                            "start:Press",
                                            "count:3",
                                            "count:2",
                                            "count:1",
                                            "start:Next: Rolls",
                                            "start:Rolls",
                                            "move:2",
                                            "move:3"};
    CHECK(cues.events == expected);
  }

  TEST_CASE("keys: pause, help, more time, quit")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock,
                        {{2s, Command::toggle_pause},
                         {62s, Command::toggle_pause},
                         {63s, Command::toggle_help},
                         {64s, Command::more_time},
                         {70s, Command::quit}});
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    const RunResult result = run_session(engine, clock, input, display, cues);
    CHECK(result.outcome == Outcome::quit);
    CHECK(result.active == 10s); // 70 s minus the 60 s pause
    CHECK(display.help_shown);
    CHECK(result.steps_completed == 0);
  }

  TEST_CASE("signals end the session as interrupted, naming the signal")
  {
    for (Command signal :
         {Command::interrupt, Command::terminate, Command::hang_up}) {
      Session s;
      FakeClock clock;
      ScriptedInput input(clock, {{7s, signal}});
      RecordingDisplay display;
      RecordingCues cues;
      Engine engine(s.timeline, clock.now());
      const RunResult result = run_session(engine, clock, input, display, cues);
      CHECK(result.outcome == Outcome::interrupted);
      CHECK(result.signal == signal);
      CHECK(result.active == 7s);
    }
  }

  TEST_CASE("suspend pauses the timer and redraws after, resize redraws")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock,
                        {{3s, Command::suspend},
                         {30s, Command::redraw},
                         {40s, Command::toggle_pause}});
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    const RunResult result = run_session(engine, clock, input, display, cues);
    CHECK(display.suspensions == 1);
    CHECK(display.invalidations == 2);
    CHECK(result.outcome == Outcome::completed);
    CHECK(result.active == 41s);
  }

  TEST_CASE("next and back through the whole session")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock,
                        {{1s, Command::next},
                         {2s, Command::next},
                         {3s, Command::back},
                         {8s, Command::quit}});
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    run_session(engine, clock, input, display, cues);
    // Prep skipped, left side skipped into the switch, back to the left.
    CHECK(display.frames.back().headline == "Press");
    CHECK(display.frames.back().detail == "left side");
  }
}
