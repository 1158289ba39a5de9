#include "journal/time.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

using namespace knotrelief::journal;
using namespace std::chrono;

TEST_SUITE("journal since")
{
  const auto now = sys_days{year{2026} / 11 / 21} + 12h;

  TEST_CASE("relative times")
  {
    CHECK(*parse_since("3d", now, 0) == now - days(3));
    CHECK(*parse_since("2w", now, 0) == now - days(14));
    CHECK(*parse_since("1m", now, 0) == now - days(30));
  }

  TEST_CASE("a date is local midnight")
  {
    CHECK(*parse_since("2026-11-01", now, 0) == sys_days{year{2026} / 11 / 1});
    CHECK(*parse_since("2026-11-01", now, 60) ==
          sys_days{year{2026} / 11 / 1} - 1h);
    CHECK(*parse_since("2026-11-01", now, -300) ==
          sys_days{year{2026} / 11 / 1} + 5h);
  }

  TEST_CASE("bad values")
  {
    for (const char* text : {"",
                             "3",
                             "d",
                             "3y",
                             "-3d",
                             "2026-13-01",
                             "2026/11/01",
                             "yesterday",
                             "99999999d"}) {
      CAPTURE(text);
      auto parsed = parse_since(text, now, 0);
      REQUIRE_FALSE(parsed.has_value());
      CHECK(parsed.error().find("bad time") != std::string::npos);
    }
  }
}

namespace {

// Sets TZ for one test and puts the old one back.
class TimeZone
{
public:
  explicit TimeZone(const char* zone)
  {
    if (const char* old = std::getenv("TZ")) {
      m_old = old;
    }
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~TimeZone()
  {
    if (m_old) {
      ::setenv("TZ", m_old->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

private:
  std::optional<std::string> m_old;
};

} // namespace

TEST_SUITE("journal time")
{
  const auto now = sys_days{year{2026} / 11 / 21} + 12h;

  TEST_CASE("local times for --at: the accepted shapes")
  {
    const TimeZone utc("UTC");
    struct Row
    {
      const char* text;
      sys_seconds expected;
    };
    const Row rows[] = {
      {"2026-11-20T08:30", sys_days{year{2026} / 11 / 20} + 8h + 30min},
      {"2026-11-20 08:30:15",
       sys_days{year{2026} / 11 / 20} + 8h + 30min + 15s},
      {"2026-11-20", sys_days{year{2026} / 11 / 20} + 12h},
      {"08:30", sys_days{year{2026} / 11 / 21} + 8h + 30min},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      const auto parsed = parse_local_time(row.text, now);
      REQUIRE(parsed.has_value());
      CHECK(*parsed == row.expected);
    }
  }

  TEST_CASE("local times for --at: what is refused, and why")
  {
    const TimeZone utc("UTC");
    struct Row
    {
      const char* text;
      const char* reason;
    };
    const Row rows[] = {
      {"2026-11-21T08:30:-1", "bad time"},
      {" 2026-11-21T08:30", "bad time"},
      {"2026-11-21T08:30 ", "bad time"},
      {"2026-02-30", "bad time"},
      {"25:00", "bad time"},
      {"+8:30", "bad time"},
      {"1969-12-31", "bad time"},
      {"2026-11-22T08:00", "is in the future"},
      {"9999-01-01", "is in the future"},
      {"", "bad time"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      const auto parsed = parse_local_time(row.text, now);
      REQUIRE_FALSE(parsed.has_value());
      CHECK(parsed.error().find(row.reason) != std::string::npos);
    }
  }

  TEST_CASE("a local time in a change to summer time names the gap")
  {
    const TimeZone berlin("Europe/Berlin");
    const auto parsed = parse_local_time("2026-03-29T02:30", now);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error() == "'2026-03-29T02:30' does not exist in local time: "
                            "the clocks went forward from 02:00 to 03:00 "
                            "that day");
    CHECK(parse_local_time("2026-03-29T03:30", now).has_value());
    // 02:30 comes twice when the clocks go back: the later one, winter time.
    const auto twice = parse_local_time("2026-10-25T02:30", now);
    REQUIRE(twice.has_value());
    CHECK(*twice == sys_days{year{2026} / 10 / 25} + 1h + 30min);
  }

  TEST_CASE("local days, offsets and ISO dates")
  {
    const auto time = sys_days{year{2026} / 11 / 21} + 23h + 30min;
    const int day = days_from_civil(2026, 11, 21);
    CHECK(local_day(time, 0) == day);
    CHECK(local_day(time, 60) == day + 1);
    CHECK(local_day(sys_days{year{1969} / 12 / 31} + 1h, 0) == -1);
    CHECK(iso_date(day) == "2026-11-21");
    CHECK(iso_date(days_from_civil(987, 1, 2)) == "0987-01-02");
    const TimeZone tokyo("Asia/Tokyo");
    CHECK(local_utc_offset_minutes(time) == 9 * 60);
    CHECK(local_today(time) == day + 1);
  }

  TEST_CASE("timestamps round-trip at any offset")
  {
    const auto time = sys_days{year{2026} / 11 / 21} + 8h + 30min + 12s;
    for (int offset : {0, 60, -300, 330, 14 * 60, -14 * 60}) {
      CAPTURE(offset);
      const std::string text = format_timestamp(time, offset);
      const auto parsed = parse_timestamp(text);
      REQUIRE(parsed.has_value());
      CHECK(parsed->time == time);
      CHECK(parsed->utc_offset_minutes == offset);
    }
    CHECK(format_timestamp(time, 60) == "2026-11-21T09:30:12+01:00");
  }
}
