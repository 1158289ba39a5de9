#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using knotrelief::test::fixture;
using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;

namespace {

// The body map in `show` output: from its header to the mirror line.
std::string map_of(const std::string& out)
{
  const auto start = out.find("\nL ");
  const std::string last = "as in a mirror\n";
  const auto end = out.find(last);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  return out.substr(start + 1, end + last.size() - start - 1);
}

} // namespace

TEST_SUITE("cli spots")
{
  TEST_CASE("the maps of show neck, show glutes and show upper-trapezius at "
            "80 columns, UTF-8 and ASCII (golden)")
  {
    for (const char* name : {"neck", "glutes", "upper-trapezius"}) {
      for (const char* charset : {"utf8", "ascii"}) {
        CAPTURE(name);
        CAPTURE(charset);
        const std::string lang =
          std::string(charset) == "utf8" ? "C.UTF-8" : "C";
        auto result = run_knotrelief({"show", name}, {.env = {{"LANG", lang}}});
        REQUIRE(result.status == 0);
        CHECK(map_of(result.out) ==
              read_text(fixture(std::string("golden/map_") + name + "." +
                                charset + ".txt")));
      }
    }
  }

  TEST_CASE("show SPOT: the hint, the map with the spot, the routines")
  {
    auto result = run_knotrelief({"show", "upper-trapezius"});
    REQUIRE(result.status == 0);
    CHECK(result.out.starts_with("Upper trapezius (upper-trapezius)\n"
                                 "Area: neck   Sides: left and right   "
                                 "On the map: back\n\nFind it\n"));
    CHECK(result.out.find("\u25cf") != std::string::npos);
    CHECK(result.out.ends_with("\nWorked in: neck, shoulders\n"));
    auto json = run_knotrelief({"show", "upper-trapezius", "--json"});
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["kind"] == "spot");
    CHECK(parsed["view"] == "back");
    CHECK(parsed["routines"] == nlohmann::json::array({"neck", "shoulders"}));
  }

  TEST_CASE("show spot:ID means the spot even when a routine has the id")
  {
    knotrelief::test::TempDir dir;
    dir.write("calf.yaml",
              "id: calf\nname: My calf\nsteps:\n  - {name: a, cue: b, "
              "count: 8}\n");
    auto routine =
      run_knotrelief({"--routines", dir.path().string(), "show", "calf"});
    CHECK(routine.out.starts_with("My calf (calf)\n"));
    CHECK(routine.err == "knotrelief: warning: 'calf' is a routine of yours "
                         "and a spot: this is the routine (knotrelief show "
                         "spot:calf for the spot)\n");
    auto spot =
      run_knotrelief({"--routines", dir.path().string(), "show", "spot:calf"});
    CHECK(spot.out.starts_with("Calf (calf)\n"));
  }

  TEST_CASE("an unknown name suggests spots too")
  {
    auto result = run_knotrelief({"show", "rhomboid"});
    CHECK(result.status == 2);
    CHECK(result.err.find("unknown routine, technique or spot 'rhomboid'; "
                          "did you mean 'rhomboids'?") != std::string::npos);
    auto prefixed = run_knotrelief({"show", "spot:neck"});
    CHECK(prefixed.status == 2);
  }

  TEST_CASE("show ROUTINE numbers the spots by step, and no colour in a pipe")
  {
    auto result = run_knotrelief({"show", "neck"});
    REQUIRE(result.status == 0);
    // Wrapped to 80 columns, under the step's name.
    CHECK(result.out.find("     technique: trigger-point-compression, spot: "
                          "upper-trapezius, pressure:\n     gentle\n") !=
          std::string::npos);
    CHECK(result.out.find("spots: scalenes + levator-scapulae") !=
          std::string::npos);
    CHECK(result.out.find("Where (numbers are steps)") != std::string::npos);
    CHECK(result.out.find('\x1b') == std::string::npos);
  }

  TEST_CASE("list --spots: a table, ids and JSON")
  {
    auto table = run_knotrelief({"list", "--spots"});
    CHECK(table.status == 0);
    CHECK(table.out.starts_with("ID "));
    CHECK(table.out.find("\nspine-and-blade ") != std::string::npos);
    auto ids = run_knotrelief({"list", "--spots", "--ids"});
    CHECK(ids.out.starts_with("suboccipitals\nscalenes\n"));
    auto json = run_knotrelief({"list", "--spots", "--json"});
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed.size() >= 18);
    CHECK(parsed[0]["find"].is_string());
    auto both = run_knotrelief({"list", "--spots", "--techniques"});
    CHECK(both.status == 2);
    auto filtered = run_knotrelief({"list", "--spots", "--area", "neck"});
    CHECK(filtered.status == 2);
  }
}
