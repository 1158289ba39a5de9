#include "support/process.hpp"

#include <doctest/doctest.h>

#include <regex>

using knotrelief::test::run_knotrelief;

TEST_SUITE("cli app")
{
  TEST_CASE("--help and --version into a full output: status 1, said why")
  {
    for (const char* option : {"--version", "--help", "list --help"}) {
      CAPTURE(option);
      auto result = knotrelief::test::run_process(
        {"/bin/sh",
         "-c",
         std::string("exec \"$0\" ") + option + " > /dev/full",
         KNOTRELIEF_BINARY});
      CHECK(result.status == 1);
      CHECK(result.err.find("cannot write output") != std::string::npos);
    }
  }

  TEST_CASE("--version prints the project version")
  {
    auto result = run_knotrelief({"--version"});
    CHECK(result.status == 0);
    // "knotrelief 0.1.0", then the commit and its date when built from git.
    CHECK(std::regex_match(
      result.out,
      std::regex(
        R"(knotrelief \d+\.\d+\.\d+( \(git [^ ,()]+, \d{4}-\d\d-\d\d\))?\n)")));
  }

  TEST_CASE("--help lists the commands, a command's --help its options")
  {
    auto result = run_knotrelief({"--help"});
    CHECK(result.status == 0);
    for (const char* text :
         {"list", "show", "check", "--journal", "--no-color", "--routines"}) {
      CAPTURE(text);
      CHECK(result.out.find(text) != std::string::npos);
    }
    auto list = run_knotrelief({"list", "--help"});
    CHECK(list.status == 0);
    CHECK(list.out.find("--techniques") != std::string::npos);
  }

  TEST_CASE("no command runs today: with no journal, it asks for an area")
  {
    auto result = run_knotrelief({});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out.find("knotrelief today --area AREA") != std::string::npos);
  }

  TEST_CASE("usage errors name the option and exit 2")
  {
    auto unknown = run_knotrelief({"list", "--bogus"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("knotrelief: error: ") == 0);
    CHECK(unknown.err.find("--bogus") != std::string::npos);
    auto folder = run_knotrelief({"--routines", "/nonexistent", "list"});
    CHECK(folder.status == 2);
    CHECK(folder.err.find("--routines: no such folder: /nonexistent") !=
          std::string::npos);
  }

  TEST_CASE("a mistyped command is named, with the closest commands")
  {
    auto top = run_knotrelief({"--journal", "j.txt", "lst"});
    CHECK(top.status == 2);
    CHECK(top.err.starts_with(
      "knotrelief: error: unknown command 'lst'; did you mean 'list'?\n"));
    auto nested = run_knotrelief({"log", "stat"});
    CHECK(nested.status == 2);
    CHECK(nested.err.starts_with(
      "knotrelief: error: unknown command 'log stat'; did you mean 'stats'?"));
    auto far = run_knotrelief({"frobnicate"});
    CHECK(far.status == 2);
    CHECK(
      far.err.starts_with("knotrelief: error: unknown command 'frobnicate'\n"));
    // An extra word after a command without commands is not called one.
    auto extra = run_knotrelief({"list", "extra"});
    CHECK(extra.status == 2);
    CHECK(extra.err.find("not expected: extra") != std::string::npos);
  }

  TEST_CASE("every command has its options, whatever else is on the line")
  {
    // Only commands named on the line are set up in full (start-up time).
    for (const char* command : {"list", "show", "check", "run", "log"}) {
      CAPTURE(command);
      auto help = run_knotrelief({command, "--help"});
      CHECK(help.status == 0);
      CHECK(help.out.find("Options:") != std::string::npos);
      CHECK(help.out.find("--") != std::string::npos);
    }
    auto run_help = run_knotrelief({"--journal", "list", "run", "--help"});
    CHECK(run_help.status == 0);
    CHECK(run_help.out.find("--prep") != std::string::npos);
    auto log_add = run_knotrelief({"log", "add", "--help"});
    CHECK(log_add.out.find("--pain-before") != std::string::npos);
  }

  TEST_CASE("a bad option value names the option and the command's help")
  {
    auto prep = run_knotrelief({"run", "neck", "--prep", "5x"});
    CHECK(prep.status == 2);
    CHECK(prep.err == "knotrelief: error: --prep: must be a whole number from "
                      "0 to 600, not '5x'\n"
                      "Run 'knotrelief run --help' for usage.\n");
    auto pain = run_knotrelief({"log", "add", "neck", "--pain-before", "11"});
    CHECK(pain.status == 2);
    CHECK(pain.err.find("--pain-before: must be a whole number from 0 to 10, "
                        "not '11'\nRun 'knotrelief log add --help'") !=
          std::string::npos);
  }

  TEST_CASE("global options work after the subcommand too")
  {
    auto result = run_knotrelief({"list", "--no-color", "--routines", "/"});
    CHECK(result.status == 0);
  }

  TEST_CASE("an output that cannot be written is an error")
  {
    auto result = knotrelief::test::run_process(
      {"/bin/sh", "-c", "exec \"$0\" list > /dev/full", KNOTRELIEF_BINARY},
      {.env = {{"HOME", "/nonexistent"}}});
    CHECK(result.status == 1);
    CHECK(result.err.find("cannot write output: No space left on device") !=
          std::string::npos);
  }
}
