#include "tools/codegen.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace knotrelief;
using namespace knotrelief::routine;
using namespace knotrelief::tools;

namespace {

bool contains(const std::string& text, std::string_view part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("built-in data as C++")
{
  TEST_CASE("string literals keep every byte")
  {
    CHECK(cpp_string_literal("") == R"("")");
    CHECK(cpp_string_literal("Hold 30 s.") == R"("Hold 30 s.")");
    CHECK(cpp_string_literal(R"(say "ah" \ now)") == R"("say \"ah\" \\ now")");
    CHECK(cpp_string_literal("a\nb\tc") == R"("a\012b\011c")");
    // UTF-8 bytes as octal: "é" is C3 A9.
    CHECK(cpp_string_literal("caf\xc3\xa9") == R"("caf\303\251")");
    // A digit after an escape must stay a separate character.
    CHECK(cpp_string_literal(std::string("\x01") + "7") == R"("\0017")");
  }

  TEST_CASE("every field of the model is written out")
  {
    Technique technique;
    technique.id = "press";
    technique.how = {"find it", "press it"};
    technique.hold = DurationRange{30, 90};
    technique.reps = RepRange{3, 5};
    technique.pressure = Pressure::firm;

    Routine routine;
    routine.id = "neck";
    routine.name = "Neck";
    routine.tools = {"ball"};
    routine.origin = Origin::builtin;
    routine.path = "data/routines/neck.yaml";
    routine.where = {"data/routines/neck.yaml", 1, 1};
    Step held;
    held.name = "Hold";
    held.hold = DurationRange{45, 45};
    held.sides = Sides::both;
    held.reps = 2;
    held.pressure = Pressure::gentle;
    held.where = {"data/routines/neck.yaml", 7, 5};
    held.spots = {"calf", "rhomboids"};
    Step counted;
    counted.count = 10;
    counted.pace_seconds = 4;
    routine.steps = {held, counted};

    const Technique techniques[] = {technique};
    const Routine routines[] = {routine};
    Guide guide;
    guide.sections.push_back({"before", "Before", {"warm up", "drink"}, ""});
    SpotLibrary spots;
    spots.outline.front = {"/#\\"};
    spots.outline.back = {"(#)"};
    spots.spots.push_back(
      {"calf", "Calf", "calves", true, View::back, {0, 1}, "Low."});
    const std::string source =
      generate_builtin_source(techniques, routines, guide, spots);
    CHECK(contains(source, R"(s.spots = {"calf", "rhomboids"};)"));
    CHECK(contains(source, R"(spots.outline.front = {"/#\\"};)"));
    CHECK(contains(source, "p.view = View::back;"));
    CHECK(contains(source, "p.cell = Cell{0, 1};"));
    CHECK(contains(source, "p.paired = true;"));
    CHECK(contains(source, "Guide builtin_guide()"));
    CHECK(contains(source, R"(g.points = {"warm up", "drink"};)"));
    CHECK(contains(source, "std::vector<Technique> techniques(1);"));
    CHECK(contains(source, R"(t.how = {"find it", "press it"};)"));
    CHECK(contains(source, "t.hold = DurationRange{30, 90};"));
    CHECK(contains(source, "t.reps = RepRange{3, 5};"));
    CHECK(contains(source, "t.pressure = Pressure::firm;"));
    CHECK(contains(source, R"(r.tools = {"ball"};)"));
    CHECK(contains(source, "r.safety = {};"));
    CHECK(contains(source, "r.origin = Origin::builtin;"));
    CHECK(contains(source,
                   R"(r.where = Location{"data/routines/neck.yaml", 1, 1};)"));
    CHECK(contains(source, "r.steps.resize(2);"));
    CHECK(contains(source, "s.sides = Sides::both;"));
    CHECK(contains(source, "s.reps = 2;"));
    CHECK(contains(source, "s.pressure = Pressure::gentle;"));
    CHECK(contains(source,
                   R"(s.where = Location{"data/routines/neck.yaml", 7, 5};)"));
    CHECK(contains(source, "s.hold = std::nullopt;"));
    CHECK(contains(source, "s.count = 10;"));
    CHECK(contains(source, "s.pace_seconds = 4;"));
    CHECK(contains(source, "routines.push_back(routine_0());"));
    CHECK_FALSE(contains(source, "routine_1"));
  }
}
