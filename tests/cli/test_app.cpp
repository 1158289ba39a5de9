#include "support/process.hpp"

#include <doctest/doctest.h>

using knotrelief::test::run_knotrelief;

TEST_SUITE("cli app")
{
  TEST_CASE("--version prints the project version")
  {
    auto result = run_knotrelief({"--version"});
    CHECK(result.status == 0);
    CHECK(result.out.starts_with("0.1.0"));
  }

  TEST_CASE("--help lists the commands; a command's --help its options")
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

  TEST_CASE("no command: usage on stderr, exit 2")
  {
    auto result = run_knotrelief({});
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("Usage:") != std::string::npos);
  }

  TEST_CASE("usage errors name the option and exit 2")
  {
    auto unknown = run_knotrelief({"list", "--bogus"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("knotrelief: error: ") == 0);
    CHECK(unknown.err.find("--bogus") != std::string::npos);
    auto folder = run_knotrelief({"--routines", "/nonexistent", "list"});
    CHECK(folder.status == 2);
    CHECK(
      folder.err.find("--routines: Directory does not exist: /nonexistent") !=
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
