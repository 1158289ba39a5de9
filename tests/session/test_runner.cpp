#include "session/runner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <iterator>
#include <map>
#include <optional>
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
  ScriptedInput(FakeClock& clock, std::multimap<Millis, Event> script)
    : m_clock(clock)
    , m_script(std::move(script))
    , m_start(clock.now())
  {}

  // The process is stopped (SIGSTOP) during the first wait at or after
  // `from`, and continued at `to`.
  void stop(Millis from, Millis to) { m_stop = {from, to}; }

  std::optional<Event> wait(TimePoint deadline) override
  {
    ++wake_ups;
    if (m_stop && m_clock.now() >= m_start + m_stop->first) {
      m_clock.set(m_start + m_stop->second);
      m_stop.reset();
      return Command::continued;
    }
    if (!m_script.empty()) {
      const TimePoint at = m_start + m_script.begin()->first;
      if (at <= deadline) {
        m_clock.set(std::max(at, m_clock.now()));
        const Event event = m_script.begin()->second;
        m_script.erase(m_script.begin());
        return event;
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
  std::multimap<Millis, Event> m_script;
  std::optional<std::pair<Millis, Millis>> m_stop;
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
  bool gone() const override
  {
    return gone_after != 0 && static_cast<int>(frames.size()) >= gone_after;
  }
  bool reader_left() const override { return gone() && pipe_closed; }

  std::vector<Frame> frames;
  int gone_after = 0;      // frames shown before the output fails
  bool pipe_closed = true; // EPIPE, else another write error
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
  void halfway(const Frame& frame) override
  {
    events.push_back("half:" + frame.halfway);
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

  TEST_CASE("a step's halfway cue comes once per hold or counted set, "
            "at its middle")
  {
    Session s;
    s.routines[0].steps[0].halfway = "Ease off";
    s.routines[0].steps[0].hold = DurationRange{20, 20};
    s.routines[0].steps[1].count = 4;
    s.routines[0].steps[1].halfway = "Change direction";
    s.timeline = build_timeline(s.routines, TimelineOptions{});
    FakeClock clock;
    ScriptedInput input(clock, {});
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    run_session(engine, clock, input, display, cues);
    std::vector<std::string> halves;
    std::copy_if(cues.events.begin(),
                 cues.events.end(),
                 std::back_inserter(halves),
                 [](const std::string& event) {
                   return event.starts_with("half:") ||
                          event.starts_with("start:") ||
                          event.starts_with("move:");
                 });
    const std::vector<std::string> expected{"start:Get ready: Press",
                                            "start:Press",
                                            "half:Ease off",
                                            "start:Switch to the right side",
                                            "start:Press",
                                            "half:Ease off",
                                            "start:Next: Rolls",
                                            "start:Rolls",
                                            "move:2",
                                            "half:Change direction",
                                            "move:3",
                                            "move:4"};
    CHECK(halves == expected);
    // The frames agree: a 20 s hold shows the cue from 10 s left for five
    // seconds; a set of 4 during its third movement.
    std::vector<int> hold_left;
    std::vector<int> movements;
    for (const Frame& frame : display.frames) {
      if (!frame.halfway.empty() && frame.kind == SegmentKind::hold &&
          frame.detail == "left side") {
        hold_left.push_back(frame.remaining_seconds);
      }
      if (!frame.halfway.empty() && frame.kind == SegmentKind::count) {
        movements.push_back(frame.movement);
      }
    }
    REQUIRE_FALSE(hold_left.empty());
    CHECK(hold_left.front() == 10);
    CHECK(hold_left.back() == 6);
    REQUIRE_FALSE(movements.empty());
    CHECK(std::all_of(
      movements.begin(), movements.end(), [](int m) { return m == 3; }));
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
    for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM}) {
      CAPTURE(signal);
      Session s;
      FakeClock clock;
      ScriptedInput input(clock, {{7s, Event(Command::end, signal)}});
      RecordingDisplay display;
      RecordingCues cues;
      Engine engine(s.timeline, clock.now());
      const RunResult result = run_session(engine, clock, input, display, cues);
      CHECK(result.outcome == Outcome::interrupted);
      CHECK(result.signal == signal);
      CHECK(result.active == 7s);
    }
  }

  TEST_CASE("a stop from outside (SIGSTOP, then SIGCONT) is a pause")
  {
    // The loop last woke at 7 s, two seconds into the 10 s left hold; the
    // process is then stopped for 8 s and continued at 15 s.
    Session s;
    FakeClock clock;
    ScriptedInput input(clock, {{20s, Command::toggle_pause}});
    input.stop(7s, 15s);
    RecordingDisplay display;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    const RunResult result = run_session(engine, clock, input, display, cues);
    const auto first_paused =
      std::find_if(display.frames.begin(),
                   display.frames.end(),
                   [](const Frame& frame) { return frame.paused; });
    REQUIRE(first_paused != display.frames.end());
    CHECK(first_paused->headline == "Press");
    CHECK(first_paused->detail == "left side");
    CHECK(first_paused->remaining_seconds == 8);
    CHECK(result.outcome == Outcome::completed);
    CHECK(result.active == 41s);
    CHECK(clock.now() - TimePoint{} == 41s + 13s); // stopped and paused
  }

  TEST_CASE("the session ends when its display has gone (a closed pipe)")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock, {});
    RecordingDisplay display;
    display.gone_after = 3;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    const RunResult result = run_session(engine, clock, input, display, cues);
    CHECK(result.outcome == Outcome::interrupted);
    CHECK(result.signal == SIGPIPE);
    CHECK(display.frames.size() == 3);
    CHECK(result.active == 2s);
  }

  TEST_CASE("a display that fails otherwise (a full disk) ends the session "
            "without a signal")
  {
    Session s;
    FakeClock clock;
    ScriptedInput input(clock, {});
    RecordingDisplay display;
    display.gone_after = 2;
    display.pipe_closed = false;
    RecordingCues cues;
    Engine engine(s.timeline, clock.now());
    const RunResult result = run_session(engine, clock, input, display, cues);
    CHECK(result.outcome == Outcome::interrupted);
    CHECK(result.signal == 0);
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
