// One figure for a routine's length, the get-ready included, wherever it is
// shown: list, show, check, run's header, the journal's planned_s, log add
// and log stats; and the end of a run says where it was logged.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using knotrelief::test::fixture;
using knotrelief::test::ProcessResult;
using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

TEST_SUITE("cli length")
{
  TEST_CASE("list, show, check, run, the journal and log stats agree")
  {
    TempDir home;
    const std::string routines = fixture("routines/session").string();
    const auto knotrelief = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {"--routines", routines});
      // The journal under $HOME, so that its path shows as ~/...
      return run_knotrelief(
        args,
        {.env = {{"HOME", home.path().string()},
                 {"XDG_DATA_HOME", (home.path() / "data").string()},
                 {"TZ", "UTC"}}});
    };
    // tiny: one hold of 1s, and 5s to get ready.
    const ProcessResult list = knotrelief({"list", "--json"});
    REQUIRE(list.status == 0);
    for (const auto& routine : nlohmann::json::parse(list.out)) {
      if (routine["id"] == "tiny") {
        CHECK(routine["total_s"] == 6);
        CHECK(routine["prep_s"] == 5);
      }
    }
    const ProcessResult table = knotrelief({"list", "--area", "calves"});
    CHECK(table.out.find("Tiny routine           calves  6s ") !=
          std::string::npos);
    CHECK(table.out.find("Times include 5s to get ready") != std::string::npos);
    CHECK(knotrelief({"show", "tiny"})
            .out.find("Time: 6s (with 5s to get ready)") != std::string::npos);
    CHECK(knotrelief({"check", routines + "/tiny.yaml"})
            .out.find("6s (with 5s to get ready)") != std::string::npos);

    const ProcessResult run = knotrelief({"run", "tiny", "--pain-before", "2"});
    REQUIRE(run.status == 0);
    CHECK(run.out.find("6s in all (with 5s to get ready), 1 step.") !=
          std::string::npos);
    CHECK(run.out.find("\nLogged to ~/data/knotrelief/journal.txt\n") !=
          std::string::npos);
    const auto journal = home.path() / "data/knotrelief/journal.txt";
    CHECK(read_text(journal).find("planned_s=6 actual_s=6 ") !=
          std::string::npos);

    REQUIRE(knotrelief({"log", "add", "tiny"}).status == 0);
    CHECK(read_text(journal).find("status=manual actual_s=6") !=
          std::string::npos);
    CHECK(knotrelief({"log", "stats"})
            .out.starts_with("2 sessions, 12s in all.\n"));
    auto stats =
      nlohmann::json::parse(knotrelief({"log", "stats", "--json"}).out);
    CHECK(stats["by_routine"]["tiny"]["minutes"] == 0.2);
  }
}
