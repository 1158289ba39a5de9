#include "routine/builtin.hpp"
#include "routine/library.hpp"
#include "routine/loader.hpp"
#include "tools/data_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>

using namespace knotrelief::routine;

namespace {

const Library& library()
{
  static const Library instance = Library::builtin();
  return instance;
}

const Routine& routine(std::string_view id)
{
  const Routine* found = library().find_routine(id);
  REQUIRE_MESSAGE(found != nullptr, id);
  return *found;
}

DurationRange seconds(int low, int high = 0)
{
  return {low, high == 0 ? low : high};
}

bool mentions(const std::string& text, std::string_view word)
{
  return text.find(word) != std::string::npos;
}

bool any_mentions(const std::vector<std::string>& texts, std::string_view word)
{
  return std::any_of(
    texts.begin(), texts.end(), [&](auto& t) { return mentions(t, word); });
}

} // namespace

TEST_SUITE("built-in data")
{
  TEST_CASE("the compiled-in data is what the loader reads from data/")
  {
    auto data = knotrelief::tools::load_data_dir(
      std::filesystem::path(KNOTRELIEF_SOURCE_DIR) / "data");
    REQUIRE(data.has_value());
    CHECK(data->techniques.size() == 4);
    CHECK(data->routines.size() == 9);
    CHECK(builtin_techniques() == data->techniques);
    CHECK(builtin_routines() == data->routines);
    CHECK(builtin_guide() == data->guide);
    CHECK(builtin_spots() == data->spots);
  }

  TEST_CASE("the fixed ids exist and everything loads")
  {
    std::vector<std::string> expected{"back",
                                      "calves",
                                      "glutes",
                                      "neck",
                                      "shoulders",
                                      "tennis-ball",
                                      "tennis-ball-wall",
                                      "thighs",
                                      "travel"};
    CHECK(library().routine_ids() == expected);
    const auto techniques = library().technique_ids();
    CHECK(std::vector<std::string>(techniques.begin(), techniques.end()) ==
          std::vector<std::string>{"trigger-point-compression",
                                   "ball-release",
                                   "foam-roller-release",
                                   "stretch-and-release"});
    for (const Routine& r : library().routines()) {
      CAPTURE(r.id);
      CHECK(r.origin == Origin::builtin);
      CHECK_FALSE(r.area.empty());
      CHECK_FALSE(r.summary.empty());
      CHECK_FALSE(r.tools.empty());
      CHECK_FALSE(r.safety.empty());
    }
  }

  TEST_CASE("techniques carry the guide's hold times and pressure advice")
  {
    CHECK(library().find_technique("trigger-point-compression")->hold ==
          seconds(30, 60));
    CHECK(mentions(
      library().find_technique("trigger-point-compression")->advice, "20%"));
    CHECK(library().find_technique("ball-release")->hold == seconds(30, 45));
    CHECK(library().find_technique("foam-roller-release")->hold ==
          seconds(20, 30));
    CHECK(any_mentions(library().find_technique("stretch-and-release")->how,
                       "3 to 5"));
    for (const Technique& technique : library().techniques()) {
      CAPTURE(technique.id);
      CHECK(technique.how.size() >= 3);
      CHECK(technique.best_for.size() == 3);
      CHECK_FALSE(technique.example.empty());
      CHECK_FALSE(technique.advice.empty());
    }
  }

  TEST_CASE(
    "A. neck: 30 s warm-up, 45 s per side, two 15 s stretches, finisher")
  {
    const auto& steps = routine("neck").steps;
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].hold == seconds(30));
    CHECK(steps[1].technique == "trigger-point-compression");
    CHECK(steps[1].hold == seconds(45));
    CHECK(steps[1].sides == Sides::both);
    CHECK(mentions(steps[1].advice, "20%"));
    CHECK(steps[2].technique == "stretch-and-release");
    CHECK(steps[2].hold == seconds(15));
    CHECK(steps[2].reps == 2);
    CHECK(mentions(steps[3].cue, "skull"));
  }

  TEST_CASE("B. shoulders: 10 rolls each way, 1-2 min per side, 30 s press, 15 "
            "s stretch")
  {
    const auto& steps = routine("shoulders").steps;
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].count == 10);
    CHECK(steps[1].count == 10);
    CHECK(steps[2].technique == "ball-release");
    CHECK(steps[2].hold == seconds(60, 120));
    CHECK(steps[2].sides == Sides::both);
    CHECK(mentions(steps[3].cue, "infraspinatus"));
    CHECK(steps[3].hold == seconds(30));
    CHECK(steps[4].hold == seconds(15));
  }

  TEST_CASE("C. back: 10 cat-cows, 1 min roller, 1 min per side on the ball, "
            "30 s child's pose")
  {
    const auto& steps = routine("back").steps;
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].count == 10);
    CHECK(steps[1].technique == "foam-roller-release");
    CHECK(steps[1].hold == seconds(60));
    CHECK(steps[2].hold == seconds(60));
    CHECK(steps[2].sides == Sides::both);
    CHECK(mentions(steps[3].name, "Child"));
    CHECK(steps[3].hold == seconds(30));
  }

  TEST_CASE("D. glutes: 10 hip circles each way, 45 s per side, 15 s stretch, "
            "1 min pigeon")
  {
    const auto& steps = routine("glutes").steps;
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].count == 10);
    CHECK(steps[1].count == 10);
    CHECK(steps[2].hold == seconds(45));
    CHECK(steps[2].sides == Sides::both);
    CHECK(steps[3].hold == seconds(15));
    CHECK(mentions(steps[4].name, "Pigeon"));
    CHECK(steps[4].hold == seconds(60));
  }

  TEST_CASE("E. calves: 10 reps warm-up, 1 min roller per leg, 30 s press, 5 "
            "slow movements")
  {
    const auto& steps = routine("calves").steps;
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].count == 10);
    CHECK(steps[1].count == 10);
    CHECK(steps[2].hold == seconds(60));
    CHECK(steps[2].sides == Sides::both);
    CHECK(steps[3].hold == seconds(30));
    CHECK(steps[4].count == 5);
  }

  TEST_CASE("the tennis-ball routines: floor, gentler wall, and travel seat")
  {
    const Routine& floor = routine("tennis-ball");
    const Routine& wall = routine("tennis-ball-wall");
    const Routine& travel = routine("travel");
    CHECK(any_mentions(floor.safety, "spine"));
    CHECK(std::find(wall.tools.begin(), wall.tools.end(), "wall") !=
          wall.tools.end());
    CHECK(std::find(travel.tools.begin(), travel.tools.end(), "seat") !=
          travel.tools.end());
    CHECK(any_mentions(travel.safety, "driving"));
    for (const Step& step : floor.steps) {
      CHECK(step.sides == Sides::both);
      CHECK(mentions(step.breathing, "breath"));
    }
    // The wall variant is the gentler one: never more pressure than the floor.
    REQUIRE(wall.steps.size() == floor.steps.size());
    for (std::size_t i = 0; i < wall.steps.size(); ++i) {
      CHECK(wall.steps[i].pressure == Pressure::gentle);
      CHECK(wall.steps[i].hold == floor.steps[i].hold);
    }
  }

  TEST_CASE("every routine warns about bone or the spine, and the signs that "
            "call for a professional are the guide's, said once")
  {
    for (const Routine& r : library().routines()) {
      CAPTURE(r.id);
      CHECK((any_mentions(r.safety, "spine") ||
             any_mentions(r.safety, "bone") ||
             any_mentions(r.safety, "Achilles") ||
             any_mentions(r.safety, "tingling")));
      // Each fact once: the two-week sign is the guide's, shown with every
      // routine's safety list (tests/cli/test_show.cpp).
      CHECK_FALSE(any_mentions(r.safety, "two weeks"));
    }
    const Guide guide = builtin_guide();
    const auto& signs = guide.section("professional").points;
    REQUIRE(signs.size() == 4);
    CHECK(mentions(signs[0], "two weeks"));
    CHECK(mentions(signs[1], "numbness"));
    CHECK(mentions(signs[1], "tingling"));
    CHECK(mentions(signs[1], "weakness"));
    CHECK(mentions(signs[2], "hot"));
    CHECK(mentions(signs[2], "swollen"));
    CHECK(mentions(signs[3], "torn"));
  }

  TEST_CASE("ball steps start gentle and say how to go deeper")
  {
    int ball_steps = 0;
    for (const Routine& r : library().routines()) {
      for (const Step& step : r.steps) {
        if (step.technique != "ball-release") {
          continue;
        }
        CAPTURE(r.id);
        CAPTURE(step.name);
        ++ball_steps;
        CHECK(step.pressure == Pressure::gentle);
        CHECK(mentions(step.advice, "deeper"));
      }
    }
    CHECK(ball_steps >= 10);
    const Technique* ball = library().find_technique("ball-release");
    REQUIRE(ball != nullptr);
    CHECK(ball->pressure == Pressure::gentle);
    CHECK(mentions(ball->advice, "deeper"));
  }

  TEST_CASE("the neck stretch works each side, and says which way to tilt")
  {
    const Routine neck = library().resolve_routine("neck");
    const auto stretch =
      std::find_if(neck.steps.begin(), neck.steps.end(), [](const Step& s) {
        return s.technique == "stretch-and-release";
      });
    REQUIRE(stretch != neck.steps.end());
    // The compression before it works both sides; so does the stretch.
    CHECK(std::prev(stretch)->sides == Sides::both);
    CHECK(stretch->sides == Sides::both);
    CHECK(mentions(stretch->cue, "side shown"));
    CHECK(mentions(stretch->cue, "away from it"));
  }

  TEST_CASE("a step whose cue changes something halfway has a halfway cue")
  {
    int halfway_steps = 0;
    for (const Routine& r : library().routines()) {
      for (const Step& step : r.steps) {
        const bool changes = mentions(step.cue, "direction halfway") ||
                             mentions(step.cue, "switch feet halfway");
        CAPTURE(r.id);
        CAPTURE(step.name);
        CHECK(changes == !step.halfway.empty());
        halfway_steps += changes ? 1 : 0;
      }
    }
    CHECK(halfway_steps == 2); // neck circles, ankle circles
  }
}
