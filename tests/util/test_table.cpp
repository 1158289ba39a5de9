#include "util/table.hpp"

#include <doctest/doctest.h>

using knotrelief::text::Table;

TEST_SUITE("table")
{
  TEST_CASE("columns align to the widest cell")
  {
    Table table({"ID", "NAME"});
    table.add_row({"neck", "Neck"});
    table.add_row({"tennis-ball", "Ball"});
    const auto lines = table.render();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "ID           NAME");
    CHECK(lines[1] == "neck         Neck");
    CHECK(lines[2] == "tennis-ball  Ball");
  }

  TEST_CASE("the last column is cut to the width")
  {
    Table table({"ID", "NOTE"});
    table.add_row({"a", "a long note that does not fit"});
    const auto lines = table.render(12, false);
    CHECK(lines[1] == "a   a lon...");
  }

  TEST_CASE("cells are shown printable: a newline never starts a row")
  {
    Table table({"ID", "NOTE"});
    table.add_row({"a\x1b[2J", "first\nsecond\tthird \xc2\x9b\u202e"});
    const auto unicode = table.render(0, true);
    REQUIRE(unicode.size() == 2);
    CHECK(unicode[1] == "a\\e[2J  first\u23cesecond\\tthird \\x9b\\u202e");
    const auto ascii = table.render(0, false);
    CHECK(ascii[1] == "a\\e[2J  first\\nsecond\\tthird \\x9b\\u202e");
  }

  TEST_CASE("columns align in terminal cells: wide characters count two")
  {
    Table table({"NAME", "X"});
    table.add_row({"\u4e2d\u6587", "1"});
    table.add_row({"e\u0301t\u00e9", "2"});
    const auto lines = table.render();
    CHECK(lines[0] == "NAME  X");
    CHECK(lines[1] == "\u4e2d\u6587  1");
    CHECK(lines[2] == "e\u0301t\u00e9   2");
  }
}
