#include "journal/entry.hpp"

#include <doctest/doctest.h>

using namespace knotrelief::journal;
using namespace std::chrono;

TEST_SUITE("journal entry")
{
  TEST_CASE("status names round-trip, and others are refused")
  {
    for (Status status : {Status::completed,
                          Status::quit,
                          Status::interrupted,
                          Status::failed,
                          Status::manual}) {
      CHECK(parse_status(to_string(status)) == status);
    }
    CHECK(to_string(Status::interrupted) == "interrupted");
    CHECK_FALSE(parse_status("done").has_value());
    CHECK_FALSE(parse_status("").has_value());
    CHECK_FALSE(parse_status("Completed").has_value());
  }

  TEST_CASE("timestamps carry the UTC offset")
  {
    const auto time = sys_days{year{2026} / 11 / 21} + 7h + 30min + 12s;
    CHECK(format_timestamp(time, 60) == "2026-11-21T08:30:12+01:00");
    CHECK(format_timestamp(time, 0) == "2026-11-21T07:30:12+00:00");
    CHECK(format_timestamp(time, -330) == "2026-11-21T02:00:12-05:30");
  }

  TEST_CASE("values are quoted only when needed")
  {
    CHECK(quote_value("neck") == "neck");
    CHECK(quote_value("left side tight") == "\"left side tight\"");
    CHECK(quote_value("say \"hi\" \\ there") ==
          "\"say \\\"hi\\\" \\\\ there\"");
    CHECK(quote_value("a=b") == "\"a=b\"");
    CHECK(quote_value("two\nlines") == "\"two\\nlines\"");
    CHECK(quote_value("") == "\"\"");
    CHECK(quote_value("caf\xc3\xa9") == "caf\xc3\xa9");
  }

  TEST_CASE("a whole line as in the spec")
  {
    Entry entry;
    entry.time = sys_days{year{2026} / 11 / 21} + 7h + 30min + 12s;
    entry.utc_offset_minutes = 60;
    entry.routines = {"neck"};
    entry.areas = {"neck"};
    entry.status = Status::completed;
    entry.planned_seconds = 360;
    entry.actual_seconds = 372;
    entry.steps_done = 8;
    entry.steps_total = 8;
    entry.pain_before = 6;
    entry.pain_after = 3;
    entry.note = "left side tight";
    CHECK(format_entry(entry) == "2026-11-21T08:30:12+01:00 routine=neck "
                                 "area=neck status=completed planned_s=360 "
                                 "actual_s=372 steps=8/8 pain_before=6 "
                                 "pain_after=3 note=\"left side tight\"");
  }

  TEST_CASE("several routines, no pain scores, tingling")
  {
    Entry entry;
    entry.routines = {"neck", "shoulders"};
    entry.areas = {"neck", "shoulders"};
    entry.status = Status::interrupted;
    entry.tingling = true;
    const std::string line = format_entry(entry);
    CHECK(line.find(
            " routine=neck,shoulders area=neck,shoulders status=interrupted") !=
          std::string::npos);
    CHECK(line.find("pain_") == std::string::npos);
    CHECK(line.ends_with(" tingling=yes"));
  }
}
