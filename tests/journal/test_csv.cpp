#include "journal/csv.hpp"
#include "journal/entry.hpp"

#include <doctest/doctest.h>

using knotrelief::journal::csv_field;

TEST_SUITE("journal csv")
{
  TEST_CASE("free text that a spreadsheet would run as a formula gets a '")
  {
    using knotrelief::journal::csv_text;
    for (const std::string_view formula : {"=HYPERLINK(\"http://x\",\"y\")",
                                           "+cmd|calc",
                                           "-2+3",
                                           "@SUM(1)",
                                           "\tx",
                                           "\rx"}) {
      CAPTURE(formula);
      CHECK(csv_text(formula) == "'" + std::string(formula));
    }
    for (const std::string_view text : {"", "plain", "a=b", " =x", "'quoted"}) {
      CAPTURE(text);
      CHECK(csv_text(text) == text);
    }
  }

  TEST_CASE("a routine or area written by hand is neutralised like a note")
  {
    knotrelief::journal::Entry entry;
    entry.routines = {"=1+2"};
    entry.areas = {"@x", "neck"};
    entry.note = "-note";
    const std::string row = knotrelief::journal::csv_row(entry);
    CHECK(row.find(",'=1+2,\"'@x,neck\",") != std::string::npos);
    CHECK(row.find(",'-note,") != std::string::npos);
  }

  TEST_CASE("a field is quoted only when RFC 4180 needs it, quotes doubled")
  {
    const struct
    {
      std::string_view value;
      std::string_view field;
    } cases[] = {
      {"", ""},
      {"plain words", "plain words"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {" lead", "\" lead\""},
      {"trail ", "\"trail \""},
      {"=1+1", "=1+1"}, // csv_text neutralises formulas, not csv_field
      {"caf\xc3\xa9", "caf\xc3\xa9"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.value);
      CHECK(csv_field(c.value) == c.field);
    }
  }
}
