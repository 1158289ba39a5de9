#include "journal/entry.hpp"
#include "journal/parse.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

using namespace knotrelief::journal;
using namespace std::chrono;

namespace {

Entry sample()
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
  return entry;
}

} // namespace

TEST_SUITE("journal parse")
{
  TEST_CASE("the spec's example line reads back")
  {
    auto entry = parse_entry(
      "2026-11-21T08:30:12+01:00 routine=neck status=completed planned_s=360 "
      "actual_s=372 steps=8/8 pain_before=6 pain_after=3 note=\"left side "
      "tight\"");
    REQUIRE(entry.has_value());
    CHECK(entry->time == sys_days{year{2026} / 11 / 21} + 7h + 30min + 12s);
    CHECK(entry->utc_offset_minutes == 60);
    CHECK(entry->routines == std::vector<std::string>{"neck"});
    CHECK(entry->status == Status::completed);
    CHECK(entry->actual_seconds == 372);
    CHECK(entry->steps_done == 8);
    CHECK(entry->pain_after == 3);
    CHECK(entry->note == "left side tight");
    CHECK(entry->local_day() == days_from_civil(2026, 11, 21));
  }

  TEST_CASE("round trip: any note survives writing and reading")
  {
    const char* notes[] = {
      "plain",
      "with \"quotes\" inside",
      "back\\slash and \\\" both",
      "a=b c=d",
      "# not a comment",
      "tab\there",
      "two\nlines\r\nand more",
      "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x92\xaa \xe6\x97\xa5\xe6\x9c\xac",
      "trailing space ",
      " leading space",
      "\"",
      "\\",
      "=",
    };
    for (const char* note : notes) {
      CAPTURE(note);
      Entry entry = sample();
      entry.note = note;
      const std::string line = format_entry(entry);
      auto parsed = parse_entry(line);
      REQUIRE_MESSAGE(parsed.has_value(), line);
      CHECK(*parsed == entry);
      CHECK(format_entry(*parsed) == line);
    }
  }

  TEST_CASE(
    "round trip: negative offsets, several routines, unknown fields kept")
  {
    Entry entry = sample();
    entry.utc_offset_minutes = -330;
    entry.routines = {"neck", "shoulders"};
    entry.areas = {"neck", "shoulders"};
    entry.tingling = true;
    entry.pain_before.reset();
    entry.extra = {{"mood", "good"}, {"place", "the office"}};
    auto parsed = parse_entry(format_entry(entry));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == entry);
    CHECK(parse_entry("2026-11-21T08:30:12Z routine=a status=quit")
            ->utc_offset_minutes == 0);
  }

  TEST_CASE("checked=clear|signs: the answer to the check reads back")
  {
    for (const Checked checked : {Checked::clear, Checked::signs}) {
      Entry entry = sample();
      entry.checked = checked;
      const std::string line = format_entry(entry);
      CHECK(line.find(fmt::format(" checked={}", to_string(checked))) !=
            std::string::npos);
      auto parsed = parse_entry(line);
      REQUIRE(parsed.has_value());
      CHECK(*parsed == entry);
    }
    CHECK_FALSE(parse_entry(format_entry(sample()))->checked.has_value());
  }

  TEST_CASE("tighter=left|right|same: the tighter side reads back")
  {
    for (const Tighter tighter :
         {Tighter::left, Tighter::right, Tighter::same}) {
      Entry entry = sample();
      entry.tighter = tighter;
      const std::string line = format_entry(entry);
      CHECK(line.find(fmt::format(" tighter={}", to_string(tighter))) !=
            std::string::npos);
      auto parsed = parse_entry(line);
      REQUIRE(parsed.has_value());
      CHECK(*parsed == entry);
    }
    CHECK_FALSE(parse_entry(format_entry(sample()))->tighter.has_value());
  }

  TEST_CASE("hold=: one point, or one per routine, reads back")
  {
    Entry entry = sample();
    entry.routines = {"neck", "calf"};
    for (const auto& holds : {std::vector<std::string>{"mid"},
                              std::vector<std::string>{"high", "low"}}) {
      entry.holds = holds;
      const std::string line = format_entry(entry);
      CHECK(line.find(" hold=" + holds.front()) != std::string::npos);
      auto parsed = parse_entry(line);
      REQUIRE(parsed.has_value());
      CHECK(*parsed == entry);
    }
    CHECK(entry.hold_of(0) == "high");
    CHECK(entry.hold_of(1) == "low");
    entry.holds = {"mid"};
    CHECK(entry.hold_of(1) == "mid");
    entry.holds.clear();
    CHECK(entry.hold_of(0).empty());
    const std::string base =
      "2026-11-21T08:30:12+01:00 routine=neck,calf status=completed ";
    CHECK(parse_entry(base + "hold=deep").error().find("low, mid or high") !=
          std::string::npos);
    CHECK(parse_entry(base + "hold=low,mid,high").error() ==
          "hold= names 3 points for 2 routines");
    CHECK(parse_entry(base + "hold=low,").has_value() == false);
  }

  TEST_CASE("malformed lines say what is wrong")
  {
    const struct
    {
      std::string line;
      const char* reason;
    } cases[] = {
      {"2026-13-21T08:30:12+01:00 routine=neck status=quit", "bad time"},
      {"2026-02-30T08:30:12+01:00 routine=neck status=quit", "bad time"},
      {"yesterday routine=neck status=quit", "bad time"},
      {"9999-11-21T08:30:12+01:00 routine=neck status=quit", "bad time"},
      {"1969-12-31T23:59:59+00:00 routine=neck status=quit", "bad time"},
      {"2026-11-21T08:30:12+15:00 routine=neck status=quit", "bad time"},
      {"2026-11-21 08:30 routine=neck status=quit", "bad time"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit note=\"open",
       "unterminated"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit note=\"bad \\q\"",
       "unknown escape"},
      {std::string("2026-11-21T08:30:12+01:00 routine=neck\0 status=quit", 51),
       "NUL"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit pain_before=11",
       "pain_before='11'"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit pain_after=-1",
       "pain_after='-1'"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit "
       "actual_s=99999999999",
       "actual_s="},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit actual_s=100000",
       "actual_s="},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit steps=9/8",
       "steps='9/8'"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit steps=8",
       "steps='8'"},
      {"2026-11-21T08:30:12+01:00 status=quit", "no routine"},
      {"2026-11-21T08:30:12+01:00 routine=neck", "no status"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=exploded",
       "unknown status"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit status=completed",
       "duplicate field"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit just words",
       "expected key=value"},
      {"2026-11-21T08:30:12+01:00 routine=ne\"ck status=quit", "stray"},
      {"2026-11-21T08:30:12+01:00 routine=neck,,back status=quit",
       "empty name"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit tingling=maybe",
       "tingling"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit checked=yes",
       "checked must be clear or signs"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit tighter=both",
       "tighter must be left, right or same"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit tighter=left "
       "tighter=right",
       "duplicate field"},
      {"2026-11-21T08:30:12+01:00 routine=neck status=quit note=caf\xe9",
       "UTF-8"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.line);
      auto parsed = parse_entry(c.line);
      REQUIRE_FALSE(parsed.has_value());
      CHECK_MESSAGE(parsed.error().find(c.reason) != std::string::npos,
                    parsed.error());
    }
  }

  TEST_CASE("raw control characters are refused in every field")
  {
    // In the note, the routine, the area and an unknown extra key; the
    // escaped \n, \r and \t stay fine.
    const std::string start = "2026-11-21T08:30:12+01:00 ";
    const char* fields[] = {"note=\"a{}b\" routine=neck status=quit",
                            "routine=ne{}ck status=quit",
                            "routine=neck area=ne{}ck status=quit",
                            "routine=neck status=quit mood=\"a{}b\""};
    const char* controls[] = {
      "\x1b]0;x\a", "\a", "\xc2\x9b", "\u202e", "\x7f", "\r", "\x01"};
    for (const char* field : fields) {
      for (const char* control : controls) {
        CAPTURE(field);
        CAPTURE(control);
        const std::string line =
          start + fmt::format(fmt::runtime(field), control);
        const auto parsed = parse_entry(line);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().starts_with("control character \\"));
        CHECK_FALSE(knotrelief::text::find_control_character(parsed.error()));
      }
    }
    const auto escaped =
      parse_entry(start + "routine=neck status=quit note=\"a\\nb\\rc\\td\"");
    REQUIRE(escaped);
    CHECK(escaped->note == "a\nb\rc\td");
  }

  TEST_CASE("field_text_problem: what a note may hold")
  {
    CHECK_FALSE(field_text_problem("two\nlines\r\nand\ta tab"));
    CHECK_FALSE(field_text_problem("caf\xc3\xa9 \xe6\x97\xa5"));
    CHECK(field_text_problem("\x1b[2J") == "control character \\e");
    CHECK(field_text_problem("\a") == "control character \\x07");
    CHECK(field_text_problem("\xc2\x9b") == "control character \\x9b");
    CHECK(field_text_problem("\u202e") == "control character \\u202e");
    CHECK(field_text_problem("caf\xe9") == "invalid UTF-8");
  }

  TEST_CASE("tabs separate fields like spaces")
  {
    auto entry =
      parse_entry("2026-11-21T08:30:12+01:00\troutine=neck\tstatus=quit");
    REQUIRE(entry.has_value());
    CHECK(entry->status == Status::quit);
  }

  TEST_CASE("comments and blank lines")
  {
    CHECK(is_comment(""));
    CHECK(is_comment("   "));
    CHECK(is_comment("# a note"));
    CHECK(is_comment("  # indented"));
    CHECK_FALSE(
      is_comment("2026-11-21T08:30:12+01:00 routine=neck status=quit"));
  }
}
