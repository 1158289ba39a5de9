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
}
