#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using knotrelief::test::fixture;
using knotrelief::test::run_knotrelief;

TEST_SUITE("cli list")
{
  TEST_CASE("lists every built-in routine with area, time, tools and source")
  {
    auto result = run_knotrelief({"list"});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out.starts_with("ID "));
    for (const char* id : {"neck",
                           "shoulders",
                           "back",
                           "glutes",
                           "calves",
                           "tennis-ball",
                           "tennis-ball-wall",
                           "thighs",
                           "travel"}) {
      CAPTURE(id);
      CHECK(result.out.find(std::string("\n") + id + " ") != std::string::npos);
    }
    CHECK(result.out.find("neck              Neck and upper trapezius") !=
          std::string::npos);
    CHECK(result.out.find("4m") != std::string::npos);
    CHECK(result.out.find("Times include 5s to get ready") !=
          std::string::npos);
    CHECK(result.out.find("built-in") != std::string::npos);
  }

  TEST_CASE("--json gives the same routines as data")
  {
    auto result = run_knotrelief({"list", "--json"});
    REQUIRE(result.status == 0);
    auto json = nlohmann::json::parse(result.out);
    REQUIRE(json.is_array());
    CHECK(json.size() == 9);
    auto neck = std::find_if(
      json.begin(), json.end(), [](auto& r) { return r["id"] == "neck"; });
    REQUIRE(neck != json.end());
    CHECK((*neck)["total_s"] == 240);
    CHECK((*neck)["prep_s"] == 5);
    CHECK((*neck)["source"] == "built-in");
    CHECK((*neck)["tools"] == nlohmann::json::array({"hands"}));
  }

  TEST_CASE("filters by area and tool, case-insensitively")
  {
    auto back = run_knotrelief({"list", "--area", "BACK", "--json"});
    REQUIRE(back.status == 0);
    auto json = nlohmann::json::parse(back.out);
    CHECK(json.size() == 4);
    for (auto& routine : json) {
      CHECK(routine["area"] == "back");
    }
    auto wall = run_knotrelief({"list", "--tool", "wall", "--json"});
    REQUIRE(wall.status == 0);
    CHECK(nlohmann::json::parse(wall.out).size() == 2);
  }

  TEST_CASE("an unknown filter value is a usage error with a suggestion")
  {
    auto result = run_knotrelief({"list", "--area", "nek"});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("knotrelief: error: --area: no routine has 'nek'; "
                          "did you mean 'neck'?") != std::string::npos);
  }

  TEST_CASE("--techniques lists the four techniques")
  {
    auto result = run_knotrelief({"list", "--techniques"});
    CHECK(result.status == 0);
    CHECK(result.out.find("trigger-point-compression") != std::string::npos);
    CHECK(result.out.find("30-60s") != std::string::npos);
    auto json = run_knotrelief({"list", "--techniques", "--json"});
    CHECK(nlohmann::json::parse(json.out).size() == 4);
  }

  TEST_CASE(
    "user routines from XDG and --routines are listed with their source")
  {
    knotrelief::test::TempDir config;
    config.write("knotrelief/routines/stretch-break.yaml",
                 "id: stretch-break\nname: Stretch break\narea: "
                 "shoulders\nsteps:\n  - {name: a, cue: b, count: 8}\n");
    auto result = run_knotrelief(
      {"--routines", fixture("routines/override").string(), "list"},
      {.env = {{"XDG_CONFIG_HOME", config.path().string()}}});
    CHECK(result.status == 0);
    CHECK(result.out.find("My own neck routine") != std::string::npos);
    CHECK(result.out.find("(replaces built-in)") != std::string::npos);
    CHECK(
      result.out.find(
        (config.path() / "knotrelief/routines/stretch-break.yaml").string()) !=
      std::string::npos);
  }

  TEST_CASE("a broken user file is a warning naming it, the list still shows "
            "the rest, exit 1")
  {
    knotrelief::test::TempDir dir;
    dir.write("broken.yaml",
              "id: broken\nname: Broken\nsteps:\n  - {name: a, cue: b, hold: "
              "45 sec}\n");
    auto result = run_knotrelief({"list", "--routines", dir.path().string()});
    CHECK(result.status == 1);
    CHECK(result.out.find("neck") != std::string::npos);
    CHECK(result.err.find(
            "knotrelief: warning: " + (dir.path() / "broken.yaml").string() +
            ":4:") != std::string::npos);
    CHECK(result.err.find("(file skipped)") != std::string::npos);
  }
}
