#include "routine/duration.hpp"

#include <doctest/doctest.h>

using namespace knotrelief::routine;

TEST_SUITE("duration")
{
  TEST_CASE("accepted forms")
  {
    const struct
    {
      const char* text;
      int low;
      int high;
    } cases[] = {
      {"45", 45, 45},
      {"45s", 45, 45},
      {"1m", 60, 60},
      {"1m30s", 90, 90},
      {"90s", 90, 90},
      {"1h", 3600, 3600},
      {"30-60s", 30, 60},
      {"1-2m", 60, 120},
      {"45s-1m30s", 45, 90},
      {"30-90", 30, 90},
      {"1m-1m30s", 60, 90},
      {"0m30s", 30, 30},
      {"20-20s", 20, 20},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto parsed = parse_duration(c.text);
      REQUIRE(parsed.has_value());
      CHECK(parsed->low == c.low);
      CHECK(parsed->high == c.high);
    }
  }

  TEST_CASE("rejected forms say why")
  {
    const struct
    {
      const char* text;
      const char* reason;
    } cases[] = {
      {"", "empty duration"},
      {"45 sec", "bad duration '45 sec'"},
      {"45sec", "bad duration"},
      {"1.5m", "bad duration"},
      {"0", "longer than zero"},
      {"0s-30s", "longer than zero"},
      {"-5", "negative"},
      {"-30s", "negative"},
      {"60-30s", "reversed"},
      {"2-1m", "reversed"},
      {"1m90s", "too many after a larger unit"},
      {"30s1m", "in that order"},
      {"1m1m", "in that order"},
      {"1m30", "bad duration"},
      {"2h", "too long"},
      {"99999999999999999999", "too long"},
      {"30-", "bad duration"},
      {"30--60", "bad duration"},
      {"m", "bad duration"},
      {"1x", "bad duration"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto parsed = parse_duration(c.text);
      REQUIRE_FALSE(parsed.has_value());
      CHECK_MESSAGE(parsed.error().find(c.reason) != std::string::npos,
                    parsed.error());
    }
  }

  TEST_CASE("formatting")
  {
    CHECK(format_duration(45) == "45s");
    CHECK(format_duration(60) == "1m");
    CHECK(format_duration(90) == "1m30s");
    CHECK(format_duration(605) == "10m05s");
    CHECK(format_duration(3600) == "1h00m");
    CHECK(format_duration(3725) == "1h02m05s");
    CHECK(format_duration(DurationRange{30, 60}) == "30-60s");
    CHECK(format_duration(DurationRange{60, 120}) == "1-2m");
    CHECK(format_duration(DurationRange{45, 90}) == "45-90s");
    CHECK(format_duration(DurationRange{90, 150}) == "1m30s-2m30s");
  }

  TEST_CASE("formatting round-trips through the parser")
  {
    for (int seconds : {1, 45, 59, 60, 61, 90, 599, 600, 3599, 3600}) {
      CAPTURE(seconds);
      auto parsed = parse_duration(format_duration(seconds));
      REQUIRE(parsed.has_value());
      CHECK(parsed->low == seconds);
    }
    for (DurationRange range : {DurationRange{30, 60},
                                DurationRange{60, 120},
                                DurationRange{45, 90},
                                DurationRange{90, 150}}) {
      auto parsed = parse_duration(format_duration(range));
      REQUIRE(parsed.has_value());
      CHECK(*parsed == range);
    }
  }
}
