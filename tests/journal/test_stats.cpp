#include "journal/stats.hpp"

#include <doctest/doctest.h>

using namespace knotrelief::journal;
using namespace std::chrono;

namespace {

const int today = days_from_civil(2026, 11, 21);

// An entry on `days_ago` days before today, at 08:00 UTC+1.
Entry on(int days_ago,
         std::string routine,
         std::string area,
         int seconds,
         std::optional<int> before = {},
         std::optional<int> after = {})
{
  Entry entry;
  entry.time = sys_days{days{today - days_ago}} + 7h;
  entry.utc_offset_minutes = 60;
  entry.routines = {std::move(routine)};
  entry.areas = {std::move(area)};
  entry.status = Status::completed;
  entry.actual_seconds = seconds;
  entry.pain_before = before;
  entry.pain_after = after;
  return entry;
}

} // namespace

TEST_SUITE("journal stats")
{
  TEST_CASE("totals, pain change, streaks and weeks on a small known journal")
  {
    StatsBuilder builder(today);
    builder.add(on(0, "neck", "neck", 300, 6, 3)); // today
    builder.add(on(1, "neck", "neck", 240, 5, 4)); // yesterday
    builder.add(on(2, "back", "back", 600));
    builder.add(on(4, "back", "back", 300, 2, 2)); // a gap on day 3
    builder.add(on(5, "neck", "neck", 180));
    builder.add(on(6, "neck", "neck", 180));
    builder.add(on(7, "neck", "neck", 180));
    builder.add(on(20, "calves", "calves", 60));
    Entry failed = on(0, "neck", "neck", 999);
    failed.status = Status::failed; // not counted
    builder.add(failed);
    const Stats stats = builder.finish();

    CHECK(stats.all.sessions == 8);
    CHECK(stats.all.seconds == 2040);
    CHECK(stats.by_routine.at("neck").sessions == 5);
    CHECK(stats.by_routine.at("neck").seconds == 1080);
    // (3-6) and (4-5): mean -2.
    CHECK(stats.by_routine.at("neck").average_pain_change() ==
          doctest::Approx(-2.0));
    CHECK(stats.by_routine.at("back").average_pain_change() ==
          doctest::Approx(0.0));
    CHECK_FALSE(
      stats.by_routine.at("calves").average_pain_change().has_value());
    CHECK(stats.by_area.size() == 3);

    CHECK(stats.current_streak == 3); // today, yesterday, 2 days ago
    CHECK(stats.longest_streak == 4); // days 7, 6, 5, 4 ago

    REQUIRE(stats.weeks.size() == week_count);
    CHECK(stats.weeks.back().first_day == today - 6);
    CHECK(stats.weeks.back().sessions == 6);          // 0..6 days ago
    CHECK(stats.weeks[week_count - 2].sessions == 1); // 7..13 days ago
    CHECK(stats.weeks[week_count - 3].sessions == 1); // 14..20 days ago
    CHECK(stats.recent_per_week == doctest::Approx(2.0));
    // Soreness before in the last two weeks: 6, 5, 2 -> 4.33: chronic.
    CHECK(*stats.recent_pain == doctest::Approx(13.0 / 3));
    CHECK(stats.chronic);
    CHECK(stats.red_flags.empty());
  }

  TEST_CASE("a streak that ended yesterday still counts, one that ended "
            "earlier does not")
  {
    StatsBuilder yesterday(today);
    yesterday.add(on(1, "neck", "neck", 60));
    yesterday.add(on(2, "neck", "neck", 60));
    CHECK(yesterday.finish().current_streak == 2);
    StatsBuilder older(today);
    older.add(on(2, "neck", "neck", 60));
    CHECK(older.finish().current_streak == 0);
    CHECK(older.finish().longest_streak == 1);
  }

  TEST_CASE("red flag: the same area painful for more than two weeks")
  {
    StatsBuilder builder(today);
    for (int days_ago : {16, 12, 8, 3, 1}) {
      builder.add(on(days_ago, "neck", "neck", 60, 5));
    }
    // Painful but only for 10 days: no flag.
    for (int days_ago : {10, 5, 0}) {
      builder.add(on(days_ago, "back", "back", 60, 6));
    }
    // Long ago, and pain-free lately: no flag.
    builder.add(on(25, "calves", "calves", 60, 7));
    builder.add(on(2, "calves", "calves", 60, 1));
    const Stats stats = builder.finish();
    REQUIRE(stats.red_flags.size() == 1);
    CHECK(stats.red_flags[0].area == "neck");
    CHECK(stats.red_flags[0].first_day == today - 16);
    CHECK(stats.red_flags[0].last_day == today - 1);
  }

  TEST_CASE("maintenance pace without pain is not chronic")
  {
    StatsBuilder builder(today);
    for (int days_ago = 0; days_ago < 28; days_ago += 2) {
      builder.add(on(days_ago, "neck", "neck", 60, 1, 0));
    }
    const Stats stats = builder.finish();
    CHECK(stats.recent_per_week == doctest::Approx(3.5));
    CHECK_FALSE(stats.chronic);
  }
}

TEST_SUITE("journal stats")
{
  TEST_CASE("25,000 days of 24 hours: totals do not overflow")
  {
    StatsBuilder builder(today);
    for (int day = 0; day < 25'000; ++day) {
      builder.add(on(day % 20'000, "neck", "neck", 86'400, 0, 10));
    }
    const Stats stats = builder.finish();
    CHECK(stats.all.seconds == std::int64_t{25'000} * 86'400);
    CHECK(stats.by_routine.at("neck").seconds == std::int64_t{2'160'000'000});
    CHECK(stats.all.pain_change_sum == 250'000);
    CHECK(stats.all.average_pain_change() == doctest::Approx(10.0));
    // Sums of pain changes are 64-bit too, whatever a journal holds.
    static_assert(sizeof(Totals::pain_change_sum) == 8);
    static_assert(sizeof(Totals::seconds) == 8);
  }
}
