#include "routine/library.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>

using namespace knotrelief;
using namespace knotrelief::routine;
using knotrelief::test::fixture;
using knotrelief::test::TempDir;

namespace {

constexpr std::string_view neck_override =
  "id: neck\nname: {}\nsteps:\n  - {{name: a, cue: b, hold: 10s}}\n";

std::string named_neck(std::string_view name)
{
  return fmt::format(fmt::runtime(neck_override), name);
}

} // namespace

TEST_SUITE("routine library")
{
  TEST_CASE(
    "sources override in order: built-in, user folder, each --routines folder")
  {
    TempDir dir;
    dir.write("user/neck.yaml", named_neck("User neck"));
    dir.write("extra1/neck.yaml", named_neck("First extra neck"));
    dir.write("extra2/neck.yaml", named_neck("Second extra neck"));
    dir.write("extra2/notes.txt", "not a routine");
    dir.write("extra2/.hidden.yaml", "not: valid");

    std::vector<Diagnostic> problems;
    SUBCASE("user folder replaces built-in")
    {
      auto library = Library::load({dir.path() / "user", {}}, problems);
      CHECK(library.find_routine("neck")->name == "User neck");
      CHECK(library.find_routine("neck")->origin == Origin::user);
      CHECK(library.find_routine("neck")->replaces_builtin);
      CHECK(library.find_routine("back")->origin == Origin::builtin);
    }
    SUBCASE("the last --routines folder wins")
    {
      auto library = Library::load(
        {dir.path() / "user", {dir.path() / "extra1", dir.path() / "extra2"}},
        problems);
      CHECK(library.find_routine("neck")->name == "Second extra neck");
      CHECK(library.find_routine("neck")->replaces_builtin);
      CHECK(library.routines().size() == 9);
    }
    SUBCASE("a missing user folder is fine")
    {
      auto library = Library::load({dir.path() / "nope", {}}, problems);
      CHECK(library.find_routine("neck")->origin == Origin::builtin);
    }
    CHECK(problems.empty());
  }

  TEST_CASE("new user routines are added in id order")
  {
    std::vector<Diagnostic> problems;
    auto library =
      Library::load({std::nullopt, {fixture("routines/override")}}, problems);
    CHECK(problems.empty());
    CHECK(library.routine_ids().front() == "back");
    CHECK(library.find_routine("desk") != nullptr);
    CHECK(library.find_routine("desk")->replaces_builtin == false);
    CHECK(library.find_routine("neck")->name == "My own neck routine");
  }

  TEST_CASE("bad files are reported and skipped, the rest still load")
  {
    TempDir dir;
    dir.write(
      "a.yaml",
      "id: good\nname: Good\nsteps:\n  - {name: a, cue: b, hold: 10s}\n");
    dir.write("b.yaml", "id: broken\nname: Broken\nsteps: []\n");
    dir.write(
      "c.yaml",
      "id: good\nname: Again\nsteps:\n  - {name: a, cue: b, hold: 10s}\n");
    std::vector<Diagnostic> problems;
    auto library = Library::load({dir.path(), {}}, problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where.file == (dir.path() / "b.yaml").string());
    CHECK(problems[1].message.find("duplicate id 'good'") != std::string::npos);
    CHECK(problems[1].where.line == 1);
    CHECK(library.find_routine("good")->name == "Good");
    CHECK(library.find_routine("broken") == nullptr);
  }

  TEST_CASE("resolving names and paths")
  {
    const Library library = Library::builtin();
    CHECK(library.resolve_routine("neck").id == "neck");
    CHECK(
      library.resolve_routine(fixture("routines/good/full.yaml").string()).id ==
      "full-example");
    SUBCASE("an unknown id is a usage error with suggestions")
    {
      try {
        library.resolve_routine("nek");
        FAIL("no error");
      } catch (const UsageError& e) {
        CHECK(std::string(e.what()) ==
              "unknown routine 'nek'; did you mean 'neck'?");
        CHECK(e.status() == ExitStatus::usage);
        CHECK(e.next_step() == "Run 'knotrelief list' to see every routine.");
      }
      try {
        library.resolve_routine("qqqqqq");
        FAIL("no error");
      } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "unknown routine 'qqqqqq'");
      }
    }
    SUBCASE("a bad file is an error naming each problem")
    {
      try {
        library.resolve_routine(
          fixture("routines/bad/zero-hold.yaml").string());
        FAIL("no error");
      } catch (const UsageError&) {
        FAIL("wrong error type");
      } catch (const Error& e) {
        CHECK(std::string(e.what()).find("zero-hold.yaml':") !=
              std::string::npos);
        REQUIRE(e.details().size() == 1);
        CHECK(e.details()[0].find("zero-hold.yaml:6:11:") != std::string::npos);
        CHECK(e.status() == ExitStatus::failure);
      }
    }
    CHECK(looks_like_path("x.yaml"));
    CHECK(looks_like_path("./x"));
    CHECK_FALSE(looks_like_path("neck"));
  }
}
