#include "routine/builtin.hpp"
#include "routine/library.hpp"
#include "routine/loader.hpp"
#include "routine/spots.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace knotrelief;
using namespace knotrelief::routine;

namespace {

const std::vector<std::string> spot_ids{"upper-trapezius", "calf", "rhomboids"};

Loaded<Routine> parse_with_spots(std::string_view spot_value)
{
  const std::string text = "id: r\nname: R\nsteps:\n  - name: S\n    spot: " +
                           std::string(spot_value) +
                           "\n    cue: C.\n"
                           "    hold: 30s\n";
  return parse_routine(text, "r.yaml", {}, spot_ids);
}

// A small outline: a 3x5 body with its inside in the middle.
const char* const small_outline = "front: ['/###\\', '|###|', '\\___/']\n"
                                  "back: ['/###\\', '|###|', '\\___/']\n";

Loaded<SpotLibrary> parse_spot(std::string_view fields)
{
  const std::string text = std::string(small_outline) +
                           "spots:\n  - id: s\n    name: S\n    area: a\n" +
                           std::string(fields) + "    find: Here.\n";
  return parse_spots(text, "spots.yaml");
}

std::string first_problem(const auto& loaded)
{
  REQUIRE_FALSE(loaded.has_value());
  return to_string(loaded.error().front());
}

std::string all_problems(const auto& loaded)
{
  REQUIRE_FALSE(loaded.has_value());
  std::string all;
  for (const auto& problem : loaded.error()) {
    all += to_string(problem) + "\n";
  }
  return all;
}

} // namespace

TEST_SUITE("routine spots")
{
  TEST_CASE("a step names one spot or a list of them")
  {
    auto one = parse_with_spots("calf");
    REQUIRE(one.has_value());
    CHECK(one->steps[0].spots == std::vector<std::string>{"calf"});
    auto two = parse_with_spots("[rhomboids, upper-trapezius]");
    REQUIRE(two.has_value());
    CHECK(two->steps[0].spots ==
          std::vector<std::string>{"rhomboids", "upper-trapezius"});
  }

  TEST_CASE("an unknown spot is located, with a suggestion")
  {
    CHECK(first_problem(parse_with_spots("upper-trap")) ==
          "r.yaml:5:11: unknown spot 'upper-trap'; did you mean "
          "'upper-trapezius'?");
    CHECK(first_problem(parse_with_spots("[calf, rhomboid]")) ==
          "r.yaml:5:18: unknown spot 'rhomboid'; did you mean 'rhomboids'?");
    CHECK(first_problem(parse_with_spots("{a: b}"))
            .starts_with(
              "r.yaml:5:11: 'spot' must be a spot id or a list of them"));
    CHECK(first_problem(parse_with_spots("[calf, [x]]")) ==
          "r.yaml:5:18: each item of 'spot' must be text, not a list");
  }

  TEST_CASE("the spots file: a spot outside its outline is refused")
  {
    auto good = parse_spot("    sides: both\n    view: back\n    row: 1\n"
                           "    column: 1\n");
    REQUIRE(good.has_value());
    CHECK(good->spots[0].cell == Cell{1, 1});
    CHECK(spot_cell(good->spots[0], good->outline, Side::right) == Cell{1, 3});
    CHECK(first_problem(parse_spot("    sides: none\n    view: front\n"
                                   "    row: 0\n    column: 0\n")) ==
          "spots.yaml:9:10: spot 's' at row 0, column 0 is not inside the "
          "front outline");
    CHECK(first_problem(parse_spot("    sides: two\n    view: back\n"
                                   "    row: 1\n    column: 1\n"))
            .find("'sides' must be both") != std::string::npos);
    CHECK(first_problem(parse_spot("    sides: both\n    view: side\n"
                                   "    row: 1\n    column: 1\n"))
            .find("'view' must be front or back, not 'side'") !=
          std::string::npos);
  }

  TEST_CASE("the spots file: outlines of one width and size")
  {
    CHECK(all_problems(parse_spots("front: ['ab', 'abc']\nback: ['ab', "
                                   "'ab']\nspots: []\n",
                                   "spots.yaml"))
            .find("as wide as the first") != std::string::npos);
    CHECK(all_problems(parse_spots("front: ['ab']\nback: ['ab', 'ab']\n"
                                   "spots: []\n",
                                   "spots.yaml"))
            .find("as many rows and columns as 'front'") != std::string::npos);
  }
}

TEST_SUITE("built-in spots")
{
  const Library& library()
  {
    static const Library instance = Library::builtin();
    return instance;
  }

  TEST_CASE("every muscle of the sources has a spot, inside its outline")
  {
    const SpotLibrary& spots = library().spots();
    CHECK(spots.spots.size() >= 18);
    for (const char* id : {"suboccipitals",
                           "scalenes",
                           "upper-trapezius",
                           "levator-scapulae",
                           "rhomboids",
                           "thoracic-paraspinals",
                           "pectoralis-major",
                           "infraspinatus",
                           "piriformis",
                           "gluteals",
                           "hip-flexors",
                           "quadriceps",
                           "it-band",
                           "adductors",
                           "hamstrings",
                           "calf",
                           "lower-back",
                           "spine-and-blade"}) {
      CAPTURE(id);
      const Spot* spot = spots.find(id);
      REQUIRE(spot != nullptr);
      for (Side side : {Side::left, Side::right}) {
        CHECK(spots.outline.is_inside(spot->view,
                                      spot_cell(*spot, spots.outline, side)));
      }
      CHECK_FALSE(spot->find.empty());
    }
  }

  TEST_CASE("every spot is used by a routine, and every step's spot is known")
  {
    const SpotLibrary& spots = library().spots();
    std::vector<std::string> used;
    for (const Routine& routine : library().routines()) {
      for (const std::string& id : routine_spots(routine)) {
        CHECK_MESSAGE(spots.find(id) != nullptr, routine.id, ": ", id);
        used.push_back(id);
      }
    }
    for (const Spot& spot : spots.spots) {
      CHECK_MESSAGE(std::find(used.begin(), used.end(), spot.id) != used.end(),
                    "no routine uses ",
                    spot.id);
    }
  }

  TEST_CASE("every step that works a muscle names its spot")
  {
    for (const Routine& routine : library().routines()) {
      for (const Step& step : routine.steps) {
        CHECK_MESSAGE(!step.spots.empty(), routine.id, ": ", step.name);
      }
    }
  }

  TEST_CASE("spot ids clash with no routine or technique id")
  {
    const auto routines = library().routine_ids();
    const auto techniques = library().technique_ids();
    for (const std::string& id : library().spot_ids()) {
      CAPTURE(id);
      CHECK(std::find(routines.begin(), routines.end(), id) == routines.end());
      CHECK(std::find(techniques.begin(), techniques.end(), id) ==
            techniques.end());
      CHECK(id != "guide");
    }
  }
}
