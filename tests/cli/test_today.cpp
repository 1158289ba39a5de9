#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using knotrelief::test::fixture;
using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// `knotrelief ARGS` on the journal `name` of tests/data/journals, as of
// 2026-11-23.
knotrelief::test::ProcessResult today_on(const std::string& journal,
                                         std::vector<std::string> args)
{
  args.insert(args.begin(), {"--journal", journal});
  return run_knotrelief(args,
                        {.env = {{"TZ", "UTC"},
                                 {"KNOTRELIEF_TODAY", "2026-11-23"},
                                 {"COLUMNS", "80"}}});
}

std::string journal_fixture(const std::string& name)
{
  return fixture("journals/" + name).string();
}

} // namespace

TEST_SUITE("cli today")
{
  TEST_CASE("today on a fixture journal prints the expected plan")
  {
    const auto result = today_on(journal_fixture("coach.txt"), {"today"});
    CHECK(result.status == 0);
    CHECK(result.err == "");
    CHECK(result.out == read_text(fixture("golden/today_plan.txt")));
    // Bare knotrelief is `today`; the plan does not change between runs.
    CHECK(today_on(journal_fixture("coach.txt"), {}).out == result.out);
  }

  TEST_CASE("today --json carries the plan")
  {
    const auto result =
      today_on(journal_fixture("coach.txt"), {"today", "--json"});
    REQUIRE(result.status == 0);
    const auto json = nlohmann::json::parse(result.out);
    CHECK(json["today"] == "2026-11-23");
    CHECK(json["budget_seconds"] == 600);
    REQUIRE(json["areas"].size() == 3);
    CHECK(json["areas"][0]["area"] == "neck");
    CHECK(json["areas"][0]["state"] == "planned");
    CHECK(json["areas"][0]["chronic"] == true);
    CHECK(json["areas"][0]["routine"]["id"] == "neck");
    CHECK(json["areas"][0]["routine"]["hold"] == "mid");
    CHECK(json["areas"][2]["area"] == "calves");
    CHECK(json["areas"][2]["state"] == "stopped");
    CHECK(json["areas"][2]["routine"].is_null());
    CHECK(json["next_due"].is_null());
  }

  TEST_CASE("nothing due: the day of the next session, exit 0")
  {
    const auto result = today_on(journal_fixture("coach_done.txt"), {"today"});
    CHECK(result.status == 0);
    CHECK(result.out.starts_with(
      "Nothing due today; the next session is due 2026-11-24.\n"));
    const auto json = nlohmann::json::parse(
      today_on(journal_fixture("coach_done.txt"), {"today", "--json"}).out);
    CHECK(json["next_due"] == "2026-11-24");
  }

  TEST_CASE("an empty journal: a first-run plan needs an area")
  {
    TempDir dir;
    const std::string empty = (dir.path() / "journal.txt").string();
    const auto asked = today_on(empty, {});
    CHECK(asked.status == 0);
    CHECK(asked.out.find("knotrelief today --area AREA") != std::string::npos);
    const auto neck = today_on(empty, {"today", "--area", "neck"});
    CHECK(neck.status == 0);
    CHECK(neck.out.find("first session for this area: starting gently") !=
          std::string::npos);
    CHECK(neck.out.find("hold: low (a first time starts gently)") !=
          std::string::npos);
  }

  TEST_CASE("bad input: an unknown area, a bad KNOTRELIEF_TODAY, --run "
            "with --no-run, a budget out of range")
  {
    const std::string journal = journal_fixture("coach.txt");
    const auto area = today_on(journal, {"today", "--area", "nek"});
    CHECK(area.status == 2);
    CHECK(area.err.find("no routine works the area 'nek'; did you mean "
                        "'neck'?") != std::string::npos);
    const auto both = today_on(journal, {"today", "--run", "--no-run"});
    CHECK(both.status == 2);
    CHECK(today_on(journal, {"today", "--minutes", "0"}).status == 2);
    const auto day =
      run_knotrelief({"--journal", journal, "today"},
                     {.env = {{"KNOTRELIEF_TODAY", "2026-02-30"}}});
    CHECK(day.status == 2);
    CHECK(day.err.find("KNOTRELIEF_TODAY='2026-02-30' is not a date") !=
          std::string::npos);
  }

  TEST_CASE("run writes hold= and says how today went against the usual")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    const auto result = run_knotrelief({"--journal",
                                        journal.string(),
                                        "run",
                                        fixture("routines/session/tiny.yaml"),
                                        "--prep",
                                        "0",
                                        "--hold",
                                        "mid",
                                        "--pain-before",
                                        "3",
                                        "--pain-after",
                                        "2",
                                        "--no-intro"});
    CHECK(result.status == 0);
    CHECK(read_text(journal).find(" hold=mid pain_before=3") !=
          std::string::npos);
    CHECK(result.out.find("Soreness went from 3 to 2 (-1): the first scored "
                          "session of tiny.\nNext calves session due "
                          "tomorrow.\n") != std::string::npos);
  }
}
