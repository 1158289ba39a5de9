#include "session/record.hpp"
#include "support/routines.hpp"
#include "util/error.hpp"
#include "util/limits.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotrelief;
using namespace knotrelief::session;
using namespace std::chrono_literals;

namespace {

routine::Routine make_routine(std::string id, std::string area, int hold)
{
  return test::one_step_routine(std::move(id), std::move(area), hold, hold);
}

Timeline timeline_of(const std::vector<routine::Routine>& routines,
                     double scale = 1.0)
{
  TimelineOptions options;
  options.prep_seconds = 0;
  options.scale = scale;
  return build_timeline(routines, options);
}

} // namespace

TEST_SUITE("session record")
{
  TEST_CASE("whole seconds round to the nearest")
  {
    CHECK(whole_seconds(0ms) == 0);
    CHECK(whole_seconds(499ms) == 0);
    CHECK(whole_seconds(500ms) == 1);
    CHECK(whole_seconds(59'501ms) == 60);
    CHECK(whole_seconds(Millis{86'400'000LL * 30}) == 86'400LL * 30);
  }

  TEST_CASE("status: an error wins, then how the session ended")
  {
    struct Row
    {
      bool failed;
      Outcome outcome;
      journal::Status expected;
    };
    const Row rows[] = {
      {false, Outcome::completed, journal::Status::completed},
      {false, Outcome::quit, journal::Status::quit},
      {false, Outcome::interrupted, journal::Status::interrupted},
      {true, Outcome::completed, journal::Status::failed},
      {true, Outcome::interrupted, journal::Status::failed},
    };
    for (const Row& row : rows) {
      SessionRecord record;
      record.failed = row.failed;
      record.result.outcome = row.outcome;
      CHECK(session_status(record) == row.expected);
    }
  }

  TEST_CASE("the entry lists routines in order and each area once")
  {
    const std::vector<routine::Routine> routines = {
      make_routine("neck", "neck", 30),
      make_routine("traps", "neck", 20),
      make_routine("calf", "calves", 10)};
    const auto timeline = timeline_of(routines); // refers to `routines`
    SessionRecord record;
    record.result.active = 41'600ms;
    record.result.steps_completed = 2;
    record.result.steps_total = 3;
    record.pain_before = 6;
    record.pain_after = 4;
    record.tingling = true;
    record.note = "left side";
    const journal::Entry entry = make_entry(timeline, record);
    CHECK(entry.routines == std::vector<std::string>{"neck", "traps", "calf"});
    CHECK(entry.areas == std::vector<std::string>{"neck", "calves"});
    CHECK(entry.status == journal::Status::completed);
    CHECK(entry.planned_seconds == timeline.total_seconds());
    CHECK(entry.actual_seconds == 42);
    CHECK(entry.steps_done == 2);
    CHECK(entry.steps_total == 3);
    CHECK(entry.pain_before == 6);
    CHECK(entry.pain_after == 4);
    CHECK(entry.tingling);
    CHECK(entry.note == "left side");
  }

  TEST_CASE("the hold point goes in the entry: one, or one per routine")
  {
    const std::vector<routine::Routine> routines = {
      make_routine("neck", "neck", 30), make_routine("calf", "calves", 10)};
    TimelineOptions options;
    options.hold_point = HoldPoint::mid;
    const SessionRecord record;
    CHECK(make_entry(build_timeline(routines, options), record).holds ==
          std::vector<std::string>{"mid"});
    options.routine_hold_points = {HoldPoint::high, HoldPoint::low};
    CHECK(make_entry(build_timeline(routines, options), record).holds ==
          std::vector<std::string>{"high", "low"});
  }

  TEST_CASE("active time beyond the journal's limit is capped, not written")
  {
    const std::vector<routine::Routine> routines = {
      make_routine("neck", "neck", 30)};
    const auto timeline = timeline_of(routines);
    SessionRecord record;
    record.result.active = std::chrono::hours(30); // a clock gone wrong
    CHECK(make_entry(timeline, record).actual_seconds ==
          limits::max_session_seconds);
  }

  TEST_CASE("advice only when soreness rose or tingling was felt")
  {
    struct Row
    {
      std::optional<int> before;
      std::optional<int> after;
      bool tingling;
      bool rose;
      bool nerve;
    };
    const Row rows[] = {
      {5, 3, false, false, false},
      {5, 5, false, false, false},
      {std::nullopt, 7, false, false, false},
      {3, 5, false, true, false},
      {5, 3, true, false, true},
      {2, 6, true, true, true},
    };
    for (const Row& row : rows) {
      SessionRecord record;
      record.pain_before = row.before;
      record.pain_after = row.after;
      record.tingling = row.tingling;
      const std::string signs[] = {"Pain beyond two weeks.", "Tingling."};
      const std::string advice =
        safety_advice(record, "See a professional if", signs);
      CHECK((advice.find("Soreness went up") != std::string::npos) == row.rose);
      CHECK((advice.find("numbness, tingling or weakness. Stop") !=
             std::string::npos) == row.nerve);
      CHECK((advice.find("See a professional if:\n  - Pain beyond two "
                         "weeks.\n  - Tingling.\n") != std::string::npos) ==
            (row.rose || row.nerve));
    }
  }

  TEST_CASE("a session longer than a day is refused before it starts")
  {
    SessionRecord record;
    // 30 minutes x 10 (--scale) x 5 routines = 25 hours.
    std::vector<routine::Routine> routines(
      5, make_routine("long", "back", 30 * 60));
    CHECK_THROWS_AS(check_session_fits(timeline_of(routines, 10.0), record),
                    UsageError);
    routines.resize(4); // 20 hours and a few pauses
    CHECK_NOTHROW(check_session_fits(timeline_of(routines, 10.0), record));
  }
}
