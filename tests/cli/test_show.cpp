#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using knotrelief::test::fixture;
using knotrelief::test::run_knotrelief;

TEST_SUITE("cli show")
{
  TEST_CASE(
    "a routine: steps with holds, sides, reps, pressure, breathing, safety")
  {
    auto result = run_knotrelief({"show", "neck"});
    REQUIRE(result.status == 0);
    const auto& out = result.out;
    CHECK(out.starts_with("Neck and upper trapezius (neck)\n"));
    CHECK(out.find("Time: 4m (with 5s to get ready)") != std::string::npos);
    CHECK(out.find("Tools: hands") != std::string::npos);
    CHECK(out.find("1. Neck circles - 30s") != std::string::npos);
    CHECK(out.find("2. Upper-trap compression - 45s each side") !=
          std::string::npos);
    CHECK(out.find("3. Stretch and release - 15s x 2") != std::string::npos);
    CHECK(out.find("pressure: gentle") != std::string::npos);
    CHECK(out.find("Breathing:") != std::string::npos);
    CHECK(out.find("Safety") != std::string::npos);
  }

  TEST_CASE("every routine's safety list ends with the signs that call for "
            "a professional")
  {
    for (const char* id : {"neck", "travel", "tennis-ball-wall"}) {
      CAPTURE(id);
      auto result = run_knotrelief({"show", id});
      REQUIRE(result.status == 0);
      const auto safety = result.out.find("\nSafety\n");
      const auto signs = result.out.find("  - See a professional instead if:\n"
                                         "    - The pain has lasted more than "
                                         "two weeks.\n",
                                         safety);
      REQUIRE(safety != std::string::npos);
      CHECK(signs != std::string::npos);
      CHECK(result.out.find("    - A knot is hot or swollen.\n", signs) !=
            std::string::npos);
    }
  }

  TEST_CASE("show guide covers every fact of the guide's sources")
  {
    auto result = run_knotrelief({"show", "guide"});
    REQUIRE(result.status == 0);
    // Sections apart by a blank line, never by an escaped one.
    CHECK(result.out.find("\\n") == std::string::npos);
    CHECK(result.out.find("\n\nWhy knots form\n  - ") != std::string::npos);
    const auto near = run_knotrelief({"show", "guid"});
    CHECK(near.status == 2);
    CHECK(near.err.find("did you mean 'guide'") != std::string::npos);
    // Every run of words that can wrap is checked without line breaks.
    std::string out;
    bool space = false;
    for (char c : result.out) {
      if (c == '\n' || c == ' ') {
        space = true;
        continue;
      }
      if (space && !out.empty()) {
        out += ' ';
      }
      space = false;
      out += c;
    }
    // Preparation, aftercare, habit, what a knot is, causes, benefits and
    // warnings: each fact of the two articles, by the words that carry it.
    const std::vector<std::vector<const char*>> facts = {
      {"Before you start", "Warm up", "hot shower", "five minutes", "marching"},
      {"Heat on the area before"},
      {"quiet room", "soft light", "neither cold nor hot"},
      {"tennis or lacrosse ball", "foam roller", "oil or balm"},
      {"Drink some water"},
      {"Start gently", "light pressure"},
      {"After a session", "cool it afterwards", "cold"},
      {"Drink a glass of water"},
      {"move during the day", "standing stretch"},
      {"posture", "stronger muscles", "coming back"},
      {"Keep it up", "again and again"},
      {"every day"},
      {"three to five sessions a week"},
      {"Two or three minutes per area", "once or twice a day"},
      {"journal"},
      {"What a knot is", "trigger point", "contracted", "cramp"},
      {"tender", "lump or a taut band"},
      {"headache", "referred pain"},
      {"stiffens", "range"},
      {"Why knots form",
       "Posture",
       "desk",
       "Overuse",
       "Stress",
       "little movement",
       "weak"},
      {"Why self-massage helps",
       "blood",
       "fascia",
       "nervous system",
       "pain signals",
       "habits of moving",
       "sleep"},
      {"See a professional instead if",
       "more than two weeks",
       "numbness, tingling or weakness",
       "hot or swollen",
       "torn a muscle"},
      {"physiotherapist", "no medical advice"},
    };
    for (const auto& fact : facts) {
      for (const char* words : fact) {
        CAPTURE(words);
        CHECK(out.find(words) != std::string::npos);
      }
    }
    auto json = run_knotrelief({"show", "guide", "--json"});
    REQUIRE(json.status == 0);
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["sections"].size() == 7);
    CHECK(parsed["sections"][6]["id"] == "professional");
  }

  TEST_CASE("every routine and spot page fits 80 columns")
  {
    std::vector<std::string> ids;
    for (const auto& list :
         {std::vector<std::string>{"list", "--ids"},
          std::vector<std::string>{"list", "--spots", "--ids"}}) {
      std::istringstream listed(run_knotrelief(list).out);
      for (std::string id; listed >> id;) {
        ids.push_back(id);
      }
    }
    REQUIRE(ids.size() > 20);
    for (const auto& id : ids) {
      CAPTURE(id);
      const auto result = run_knotrelief({"show", id});
      REQUIRE(result.status == 0);
      std::istringstream lines(result.out);
      for (std::string line; std::getline(lines, line);) {
        CHECK_MESSAGE(knotrelief::text::display_width(line) <= 80, line);
      }
    }
  }

  TEST_CASE("counted steps and ranges are described")
  {
    auto result = run_knotrelief({"show", "shoulders"});
    REQUIRE(result.status == 0);
    CHECK(result.out.find("Shoulder rolls forward - 10 movements, 3s each") !=
          std::string::npos);
    CHECK(result.out.find("1-2m each side") != std::string::npos);
  }

  TEST_CASE("a technique: what, how, best for, example, pressure")
  {
    auto result = run_knotrelief({"show", "trigger-point-compression"});
    REQUIRE(result.status == 0);
    for (const char* heading : {"What it is",
                                "How",
                                "Best for",
                                "Example",
                                "Pressure",
                                "Used in: "}) {
      CAPTURE(heading);
      CHECK(result.out.find(heading) != std::string::npos);
    }
    CHECK(result.out.find("Hold: 30-60s") != std::string::npos);
    CHECK(result.out.find("suboccipitals") != std::string::npos);
  }

  TEST_CASE("--json for a routine and a technique")
  {
    auto routine = run_knotrelief({"show", "neck", "--json"});
    REQUIRE(routine.status == 0);
    auto json = nlohmann::json::parse(routine.out);
    CHECK(json["kind"] == "routine");
    CHECK(json["steps"].size() == 4);
    CHECK(json["steps"][1]["hold"]["min_s"] == 45);
    CHECK(json["steps"][1]["sides"] == "both");
    CHECK(json["steps"][2]["reps"] == 2);
    auto technique = run_knotrelief({"show", "ball-release", "--json"});
    REQUIRE(technique.status == 0);
    auto tjson = nlohmann::json::parse(technique.out);
    CHECK(tjson["kind"] == "technique");
    CHECK(tjson["hold"]["max_s"] == 45);
  }

  TEST_CASE("a routine file by path")
  {
    auto result =
      run_knotrelief({"show", fixture("routines/good/full.yaml").string()});
    CHECK(result.status == 0);
    CHECK(result.out.find("Full example (full-example)") != std::string::npos);
    CHECK(result.out.find("From: ") != std::string::npos);
  }

  TEST_CASE("an unknown name: exit 2 with the closest names")
  {
    auto result = run_knotrelief({"show", "nek"});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "knotrelief: error: unknown routine, technique or "
                        "spot 'nek'; did you mean 'neck'?\n"
                        "Run 'knotrelief list', 'knotrelief list "
                        "--techniques' or 'knotrelief list --spots' to see "
                        "them all.\n");
    auto technique = run_knotrelief({"show", "ball-relase"});
    CHECK(technique.status == 2);
    CHECK(technique.err.find("did you mean 'ball-release'?") !=
          std::string::npos);
  }

  TEST_CASE("a bad routine file: exit 1 with FILE:LINE:COL")
  {
    auto result = run_knotrelief(
      {"show", fixture("routines/bad/bad-duration.yaml").string()});
    CHECK(result.status == 1);
    CHECK(result.err.find(
            "bad-duration.yaml:6:11: 'hold': bad duration '45 sec'") !=
          std::string::npos);
  }

  TEST_CASE("works from any directory")
  {
    auto result = run_knotrelief({"show", "travel"}, {.cwd = "/"});
    CHECK(result.status == 0);
    CHECK(result.out.find("Travel seat release") != std::string::npos);
  }
}
