// What a newcomer meets first: --help, --version, mistyped options and
// folders, and the hidden lists the shell completions read.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using knotrelief::test::fixture;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

TEST_SUITE("cli help and errors")
{
  TEST_CASE("every --help has examples and none of CLI11's own words")
  {
    const std::vector<std::vector<std::string>> helps{
      {"--help"},
      {"list", "--help"},
      {"show", "--help"},
      {"check", "--help"},
      {"run", "--help"},
      {"log", "--help"},
      {"log", "add", "--help"},
      {"log", "stats", "--help"},
      {"log", "path", "--help"},
      {"remind", "--help"},
      {"remind", "enable", "--help"},
      {"remind", "disable", "--help"},
      {"remind", "status", "--help"},
      {"remind", "next", "--help"},
      {"remind", "check", "--help"}};
    for (const auto& args : helps) {
      CAPTURE(args.front());
      CAPTURE(args.size());
      auto result = run_knotrelief(args);
      REQUIRE(result.status == 0);
      const auto examples = result.out.find("\nExamples:\n");
      REQUIRE(examples != std::string::npos);
      std::istringstream after(result.out.substr(examples + 11));
      int count = 0;
      for (std::string line;
           std::getline(after, line) && line.starts_with("  knotrelief ");) {
        ++count;
      }
      CHECK(count >= 2);
      CHECK(count <= 3);
      for (const char* noise :
           {"REQUIRED", "NAME TEXT", "Option Group", "Excludes:", "Needs:"}) {
        CAPTURE(noise);
        CHECK(result.out.find(noise) == std::string::npos);
      }
    }
    auto run = run_knotrelief({"run", "--help"});
    for (const char* key : {"space pause",
                            "n next",
                            "b back",
                            "+ or -",
                            "10 s",
                            "q or Esc quit",
                            "? help"}) {
      CAPTURE(key);
      CHECK(run.out.find(key) != std::string::npos);
    }
    CHECK(run_knotrelief({"show", "--help"}).out.find("\n  NAME  ") !=
          std::string::npos);
  }

  TEST_CASE("an unknown option gets the closest ones")
  {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"list", "--jsn"},
       "unknown option '--jsn' for 'list'; did you mean '--json'?"},
      {{"log", "stats", "--sinse", "3d"},
       "unknown option '--sinse' for 'log stats'; did you mean '--since'?"},
      {{"log", "--limt=3"},
       "unknown option '--limt' for 'log'; did you mean '--limit'?"},
      {{"list", "--jurnal", "x"},
       "unknown option '--jurnal' for 'list'; did you mean '--journal'?"}};
    for (const auto& [args, message] : cases) {
      CAPTURE(message);
      auto result = run_knotrelief(args);
      CHECK(result.status == 2);
      CHECK(result.err.starts_with("knotrelief: error: " + message + "\n"));
    }
  }

  TEST_CASE("global options work after the command too")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    auto added =
      run_knotrelief({"log", "add", "neck", "--journal", journal.string()});
    REQUIRE(added.status == 0);
    auto stats =
      run_knotrelief({"log", "stats", "--journal", journal.string(), "--json"});
    CHECK(stats.status == 0);
    CHECK(nlohmann::json::parse(stats.out)["total"]["sessions"] == 1);
    auto path = run_knotrelief({"log", "path", "--journal", journal.string()});
    CHECK(path.out == journal.string() + "\n");
    auto desk = run_knotrelief({"show",
                                "desk",
                                "--routines",
                                fixture("routines/override").string(),
                                "--no-color"});
    CHECK(desk.status == 0);
  }

  TEST_CASE("--routines: a missing folder and a file are named as such")
  {
    TempDir dir;
    const auto file = dir.write("file.yaml", "x");
    auto missing = run_knotrelief({"--routines", "/nonexistent", "list"});
    CHECK(missing.status == 2);
    CHECK(missing.err.starts_with(
      "knotrelief: error: --routines: no such folder: /nonexistent\n"));
    auto not_folder = run_knotrelief({"list", "--routines", file.string()});
    CHECK(not_folder.status == 2);
    CHECK(not_folder.err.starts_with(
      "knotrelief: error: --routines: not a folder: " + file.string() + "\n"));
  }

  TEST_CASE("list --techniques into a pipe is whole, with reps, and --json has "
            "every field")
  {
    auto table =
      run_knotrelief({"list", "--techniques"}, {.env = {{"COLUMNS", "40"}}});
    REQUIRE(table.status == 0);
    CHECK(table.out.find("Neck (scalenes, upper trapezius); Shoulders "
                         "(levator scapulae); Mid-back (rhomboids)") !=
          std::string::npos);
    CHECK(table.out.find("\u2026") == std::string::npos);
    // A technique done a number of times says so.
    const auto row = table.out.find("\nstretch-and-release ");
    REQUIRE(row != std::string::npos);
    const auto row_end = table.out.find('\n', row + 1);
    CHECK(table.out.substr(row, row_end - row).find(" -       3-5 times  ") !=
          std::string::npos);
    CHECK(run_knotrelief({"show", "stretch-and-release"})
            .out.find("Reps: 3-5 times") != std::string::npos);
    auto json = nlohmann::json::parse(
      run_knotrelief({"list", "--techniques", "--json"}).out);
    for (const char* field : {"id",
                              "name",
                              "what",
                              "how",
                              "best_for",
                              "example",
                              "hold",
                              "reps",
                              "pressure",
                              "advice"}) {
      CAPTURE(field);
      CHECK(json[0].contains(field));
    }
  }

  TEST_CASE("list --areas and --tools: the values the completions offer")
  {
    auto areas = run_knotrelief({"list", "--areas"});
    CHECK(areas.status == 0);
    CHECK(areas.out == "back\ncalves\nglutes\nneck\nshoulders\nthighs\n");
    auto tools = run_knotrelief({"list", "--tools"});
    CHECK(tools.out.find("hands\n") != std::string::npos);
    CHECK(tools.out.find("tennis-ball\n") != std::string::npos);
    auto help = run_knotrelief({"list", "--help"});
    CHECK(help.out.find("--areas") == std::string::npos);
    CHECK(help.out.find("--ids") == std::string::npos);
  }
}
