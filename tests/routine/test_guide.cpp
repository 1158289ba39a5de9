#include "routine/builtin.hpp"
#include "routine/guide.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace knotrelief::routine;

namespace {

Guide small_guide()
{
  Guide guide;
  guide.sections = {{"before", "Before you start", {"b0", "b1", "b2"}, ""},
                    {"after", "After a session", {"a0", "a1"}, ""},
                    {"habit", "Keep it up", {"h0", "h1", "h2", "h3"}, ""}};
  return guide;
}

} // namespace

TEST_SUITE("guide")
{
  TEST_CASE("the intro is whole the first time, then one line taking turns")
  {
    struct Row
    {
      std::size_t sessions;
      std::vector<std::string> lines;
    };
    const Row rows[] = {
      {0, {"b0", "b1", "b2"}},
      {1, {"b1"}},
      {2, {"b2"}},
      {3, {"b0"}},
      {4, {"b1"}},
      {3001, {"b1"}},
    };
    const Guide guide = small_guide();
    for (const Row& row : rows) {
      CAPTURE(row.sessions);
      const Panel panel = intro_panel(guide, row.sessions);
      CHECK(panel.title == "Before you start");
      CHECK(panel.lines == row.lines);
    }
  }

  TEST_CASE("the closing panel: one aftercare and one habit line in turn")
  {
    struct Row
    {
      std::size_t sessions;
      std::vector<std::string> lines;
    };
    const Row rows[] = {
      {0, {"a0", "h0"}},
      {1, {"a1", "h1"}},
      {2, {"a0", "h2"}},
      {5, {"a1", "h1"}},
    };
    const Guide guide = small_guide();
    for (const Row& row : rows) {
      CAPTURE(row.sessions);
      CHECK(closing_panel(guide, row.sessions).lines == row.lines);
    }
  }

  TEST_CASE("a section that is not there is a programming error, not a crash")
  {
    CHECK_THROWS_AS(small_guide().section("professional"), std::logic_error);
    CHECK(builtin_guide().section("professional").points.size() == 4);
  }
}
