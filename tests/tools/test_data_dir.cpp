#include "support/temp_dir.hpp"
#include "tools/data_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace knotrelief;
using namespace knotrelief::routine;
using namespace knotrelief::tools;
using knotrelief::test::TempDir;

namespace {

constexpr std::string_view techniques_yaml = "techniques:\n"
                                             "  - id: press\n"
                                             "    name: Press\n"
                                             "    what: Pressing on a knot.\n";

// A guide with every section the program needs, one point each.
// A one-cell body with one spot on it.
constexpr std::string_view spots_yaml =
  "front: ['(#)']\nback: ['(#)']\nspots:\n"
  "  - {id: middle, name: M, area: a, sides: none, view: back, row: 0, "
  "column: 1, find: Here.}\n";

std::string guide_yaml(std::string_view leave_out = "")
{
  std::string text = "sections:\n";
  for (std::string_view id : required_guide_sections) {
    if (id != leave_out) {
      text += "  - {id: " + std::string(id) + ", title: T, points: [p]}\n";
    }
  }
  return text;
}

std::string routine_yaml(std::string_view id,
                         std::string_view technique = "press")
{
  return "id: " + std::string(id) + "\nname: A routine\nsteps:\n" +
         "  - {name: a, cue: b, hold: 30s, technique: " +
         std::string(technique) + "}\n";
}

bool has_problem(const std::vector<Diagnostic>& problems,
                 const Location& where,
                 std::string_view words)
{
  return std::any_of(
    problems.begin(), problems.end(), [&](const Diagnostic& p) {
      return p.where == where && p.message.find(words) != std::string::npos;
    });
}

} // namespace

TEST_SUITE("data folder")
{
  TEST_CASE("a good folder loads, named by its last component")
  {
    TempDir dir;
    dir.write("stock/techniques.yaml", techniques_yaml);
    dir.write("stock/guide.yaml", guide_yaml());
    dir.write("stock/spots.yaml", spots_yaml);
    dir.write("stock/routines/b.yaml", routine_yaml("beta"));
    dir.write("stock/routines/a.yaml", routine_yaml("alpha"));
    dir.write("stock/routines/notes.txt", "not a routine");

    auto data = load_data_dir(dir.path() / "stock/");
    REQUIRE(data.has_value());
    CHECK(data->spots.ids() == std::vector<std::string>{"middle"});
    REQUIRE(data->techniques.size() == 1);
    CHECK(data->techniques[0].id == "press");
    REQUIRE(data->routines.size() == 2);
    CHECK(data->routines[0].id == "alpha"); // file-name order
    CHECK(data->routines[0].path == "stock/routines/a.yaml");
    CHECK(data->routines[0].where == Location{"stock/routines/a.yaml", 1, 1});
    CHECK(data->routines[1].origin == Origin::builtin);
    REQUIRE(data->guide.sections.size() == std::size(required_guide_sections));
    CHECK(data->guide.section("before").points ==
          std::vector<std::string>{"p"});
  }

  TEST_CASE("the guide must have every section the program uses")
  {
    TempDir dir;
    dir.write("stock/techniques.yaml", techniques_yaml);
    dir.write("stock/guide.yaml", guide_yaml("habit"));
    auto data = load_data_dir(dir.path() / "stock");
    REQUIRE_FALSE(data.has_value());
    CHECK(has_problem(data.error(),
                      {"stock/guide.yaml", 1, 1},
                      "exactly one section 'habit' (found 0)"));
  }

  TEST_CASE("a guide section without points, or with an unknown key, is "
            "refused where it is")
  {
    TempDir dir;
    dir.write("stock/techniques.yaml", techniques_yaml);
    dir.write("stock/guide.yaml",
              guide_yaml() + "  - {id: extra, title: T, points: []}\n"
                             "  - {id: more, title: T, points: [p], tip: x}\n");
    auto data = load_data_dir(dir.path() / "stock");
    REQUIRE_FALSE(data.has_value());
    CHECK(has_problem(data.error(),
                      {"stock/guide.yaml", 9, 35},
                      "'points' needs at least one item"));
    CHECK(has_problem(
      data.error(), {"stock/guide.yaml", 10, 39}, "unknown key 'tip'"));
  }

  TEST_CASE("every problem of every file is reported")
  {
    TempDir dir;
    dir.write("stock/techniques.yaml", techniques_yaml);
    dir.write("stock/guide.yaml", guide_yaml());
    dir.write("stock/spots.yaml", spots_yaml);
    dir.write("stock/routines/a.yaml", routine_yaml("alpha"));

    SUBCASE("a broken routine, with its line and column")
    {
      dir.write(
        "stock/routines/b.yaml",
        "id: beta\nname: B\nsteps:\n  - {name: a, cue: b, hold: soon}\n");
      dir.write("stock/routines/c.yaml", routine_yaml("gamma", "kneading"));
      auto data = load_data_dir(dir.path() / "stock");
      REQUIRE_FALSE(data.has_value());
      CHECK(
        has_problem(data.error(), {"stock/routines/b.yaml", 4, 29}, "soon"));
      CHECK(has_problem(
        data.error(), {"stock/routines/c.yaml", 4, 45}, "kneading"));
    }
    SUBCASE("an id used twice")
    {
      dir.write("stock/routines/b.yaml", routine_yaml("alpha"));
      auto data = load_data_dir(dir.path() / "stock");
      REQUIRE_FALSE(data.has_value());
      CHECK(has_problem(data.error(),
                        {"stock/routines/b.yaml", 1, 1},
                        "routine id 'alpha' is used twice (also at "
                        "stock/routines/a.yaml:1:1)"));
    }
    SUBCASE("a technique id used twice")
    {
      dir.write("stock/techniques.yaml",
                std::string(techniques_yaml) +
                  "  - {id: press, name: Again, what: Twice.}\n");
      auto data = load_data_dir(dir.path() / "stock");
      REQUIRE_FALSE(data.has_value());
      CHECK(has_problem(data.error(),
                        {"stock/techniques.yaml", 0, 0},
                        "'press' is used twice"));
    }
    SUBCASE("no techniques file")
    {
      std::filesystem::remove(dir.path() / "stock/techniques.yaml");
      auto data = load_data_dir(dir.path() / "stock");
      REQUIRE_FALSE(data.has_value());
      CHECK(has_problem(data.error(), {"stock/techniques.yaml", 0, 0}, ""));
    }
  }

  TEST_CASE("a folder without routines is a problem")
  {
    TempDir dir;
    dir.write("stock/techniques.yaml", techniques_yaml);
    dir.write("stock/guide.yaml", guide_yaml());
    dir.write("stock/spots.yaml", spots_yaml);
    auto data = load_data_dir(dir.path() / "stock");
    REQUIRE_FALSE(data.has_value());
    CHECK(data.error().front().message.find("cannot read folder") !=
          std::string::npos);
  }
}
