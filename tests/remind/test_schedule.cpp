#include "remind/schedule.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace knotrelief::remind;

namespace {

Schedule parsed(const ScheduleOptions& options)
{
  auto schedule = parse_schedule(options);
  REQUIRE(schedule.has_value());
  return *schedule;
}

std::string error_of(const ScheduleOptions& options)
{
  auto schedule = parse_schedule(options);
  REQUIRE_FALSE(schedule.has_value());
  return schedule.error();
}

// 2026-11-23, a Monday.
constexpr int monday = 20780;

std::vector<std::string> shown(const std::vector<Firing>& firings)
{
  std::vector<std::string> lines;
  lines.reserve(firings.size());
  for (const Firing& firing : firings) {
    lines.push_back(fmt::format("{}+{} {}{}",
                                weekday_name(weekday_of(firing.time.day)),
                                firing.time.day - monday,
                                clock_text(firing.time.second / 60),
                                firing.timer == Timer::breaks ? " break" : ""));
  }
  return lines;
}

} // namespace

TEST_SUITE("remind schedule")
{
  TEST_CASE("defaults: 09:00 every day, no breaks")
  {
    const Schedule schedule = parsed({});
    CHECK(schedule.at_minute == 9 * 60);
    CHECK(schedule.days == every_day);
    CHECK_FALSE(schedule.breaks);
    CHECK(schedule_arguments(schedule) == "--at 09:00 --days daily");
    CHECK(describe_reminder(schedule) == "at 09:00 every day");
  }

  TEST_CASE("days: keywords and lists")
  {
    CHECK(parsed({.days = "weekdays"}).days == weekdays);
    CHECK(parsed({.days = "weekends"}).days == 0x60);
    CHECK(parsed({.days = "mon,wed,fri"}).days == 0x15);
    CHECK(parsed({.days = "sun,mon"}).days == 0x41);
    CHECK(describe_reminder(parsed({.at = "18:30", .days = "mon,wed,fri"})) ==
          "at 18:30 on Mon, Wed, Fri");
  }

  TEST_CASE("bad values name the option and the value")
  {
    CHECK(error_of({.at = "25:00"}) ==
          "--at: '25:00' is not a time as HH:MM (00:00 to 23:59)");
    CHECK(error_of({.at = "7:30"}).starts_with("--at: '7:30'"));
    CHECK(error_of({.days = "mon,wdn"}) ==
          "--days: 'mon,wdn' has 'wdn', not a day; did you mean 'mon', 'wed' "
          "or 'sun'?; give daily, weekdays, weekends or days as mon,wed,fri");
    CHECK(error_of({.days = "mon,"}) == "--days: 'mon,' names no day");
    CHECK(error_of({.breaks = "5m"}) ==
          "--breaks: '5m' is not between 10m and 4h");
    CHECK(error_of({.breaks = "fifty"}) ==
          "--breaks: 'fifty' is not a time as 50m, 1h or 1h30m");
    CHECK(error_of({.breaks = "30m30h"}).starts_with("--breaks: '30m30h'"));
    CHECK(error_of({.breaks = "50m", .between = "18:00-09:00"}) ==
          "--between: '18:00-09:00' ends before it starts");
    CHECK(error_of({.breaks = "50m", .between = "09:00"})
            .starts_with("--between: '09:00' is not two times"));
    CHECK(error_of({.breaks = "2h", .between = "09:00-10:00"}) ==
          "--breaks: no break of every 2h fits in 09:00-10:00");
    CHECK(error_of({.between = "09:00-17:00"}) ==
          "--between: only goes with --breaks (say how often)");
  }

  TEST_CASE("breaks: every interval after the start, up to the end")
  {
    const Schedule schedule = parsed({.breaks = "1h30m"});
    REQUIRE(schedule.breaks);
    CHECK(*schedule.breaks == Breaks{90, 9 * 60, 18 * 60});
    CHECK(firing_minutes(schedule, Timer::breaks) ==
          std::vector<int>{630, 720, 810, 900, 990, 1080});
    CHECK(describe_breaks(*schedule.breaks) ==
          "a stretch every 1h30m from 09:00 to 18:00");
  }

  TEST_CASE("the arguments written give the same schedule back")
  {
    for (const ScheduleOptions& options :
         {ScheduleOptions{},
          ScheduleOptions{.at = "06:05", .days = "tue,sat"},
          ScheduleOptions{.days = "weekdays", .breaks = "50m"},
          ScheduleOptions{.breaks = "2h", .between = "08:30-12:00"}}) {
      const Schedule schedule = parsed(options);
      const auto again = parse_schedule_arguments(schedule_arguments(schedule));
      REQUIRE(again.has_value());
      CHECK(*again == schedule);
    }
    CHECK_FALSE(parse_schedule_arguments("--at 09:00 --colour red"));
  }

  TEST_CASE("next firings: strictly after now, on the schedule's days")
  {
    const Schedule weekday = parsed({.at = "07:30", .days = "weekdays"});
    // Monday 07:30 exactly has fired; Friday evening skips the weekend.
    CHECK(shown(next_firings(weekday, {monday, 7 * 3600 + 1800}, 2)) ==
          std::vector<std::string>{"Tue+1 07:30", "Wed+2 07:30"});
    CHECK(shown(next_firings(weekday, {monday, 7 * 3600 + 1799}, 1)) ==
          std::vector<std::string>{"Mon+0 07:30"});
    CHECK(shown(next_firings(weekday, {monday + 4, 20 * 3600}, 1)) ==
          std::vector<std::string>{"Mon+7 07:30"});
    const Schedule sunday = parsed({.days = "sun"});
    CHECK(shown(next_firings(sunday, {monday + 6, 10 * 3600}, 1)) ==
          std::vector<std::string>{"Sun+13 09:00"});
  }

  TEST_CASE("next firings merge the reminder and the breaks")
  {
    const Schedule schedule = parsed(
      {.at = "10:00", .days = "mon", .breaks = "1h", .between = "09:00-11:00"});
    CHECK(shown(next_firings(schedule, {monday, 0}, 4)) ==
          std::vector<std::string>{"Mon+0 10:00",
                                   "Mon+0 10:00 break",
                                   "Mon+0 11:00 break",
                                   "Mon+7 10:00"});
  }

  TEST_CASE("weekday_of: 1970-01-01 was a Thursday")
  {
    CHECK(weekday_name(weekday_of(0)) == "Thu");
    CHECK(weekday_name(weekday_of(monday)) == "Mon");
    CHECK(weekday_name(weekday_of(-1)) == "Wed");
  }
}
