#include "journal/since.hpp"

#include <doctest/doctest.h>

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
