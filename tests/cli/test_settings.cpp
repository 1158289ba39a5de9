#include "cli/run_dialog.hpp"
#include "cli/settings.hpp"
#include "support/fake_env.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using knotrelief::Error;
using knotrelief::cli::parse_settings;
using knotrelief::cli::read_settings;
using knotrelief::test::fixture;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

TEST_SUITE("cli settings")
{
  TEST_CASE("key = value lines, comments and blanks skipped")
  {
    const auto none = parse_settings("", "config");
    CHECK_FALSE(none.plain);
    CHECK_FALSE(none.reduce_motion);
    const auto both = parse_settings(
      "# mine\n\n  reduce-motion = yes\r\nplain=on # for me\n", "config");
    CHECK(both.plain);
    CHECK(both.reduce_motion);
    const auto off =
      parse_settings("plain = true\nplain = no\nreduce-motion = 0", "c");
    CHECK_FALSE(off.plain);
    CHECK_FALSE(off.reduce_motion);
  }

  TEST_CASE("a wrong line is an error naming the file and line")
  {
    const auto message = [](const char* text) {
      try {
        parse_settings(text, "/home/me/.config/knotrelief/config");
      } catch (const Error& error) {
        return std::string(error.what());
      }
      return std::string("no error");
    };
    CHECK(message("plain = yes\nreduce_motion = yes\n") ==
          "/home/me/.config/knotrelief/config:2: unknown setting "
          "\"reduce_motion\" (known: plain, reduce-motion)");
    CHECK(message("\n\nplain yes") ==
          "/home/me/.config/knotrelief/config:3: expected key = value");
    CHECK(message("reduce-motion = sometimes") ==
          "/home/me/.config/knotrelief/config:1: reduce-motion: "
          "\"sometimes\" is not yes or no");
  }

  TEST_CASE("no file: the defaults")
  {
    TempDir dir;
    const auto settings = read_settings(dir.path() / "config");
    CHECK_FALSE(settings.plain);
    CHECK_FALSE(read_settings(std::nullopt).reduce_motion);
  }

  TEST_CASE("a byte-order mark is skipped, a folder or FIFO refused")
  {
    CHECK(parse_settings("\xef\xbb\xbfplain = yes\n", "config").plain);
    TempDir dir;
    for (const bool fifo : {false, true}) {
      CAPTURE(fifo);
      const auto path = dir.path() / (fifo ? "fifo" : "folder");
      if (fifo) {
        REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
      } else {
        std::filesystem::create_directories(path);
      }
      std::string message = "no error";
      try {
        read_settings(path); // a FIFO must not wait for a writer
      } catch (const Error& error) {
        message = error.what();
      }
      CHECK(message ==
            path.string() + ": not a regular file, not a settings file");
    }
  }

  TEST_CASE("run stops on a wrong settings file, before anything starts")
  {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "knotrelief");
    std::ofstream(dir.path() / "knotrelief" / "config") << "motion = less\n";
    const auto result = run_knotrelief(
      {"run", fixture("routines/session/tiny.yaml").string(), "--no-log"},
      {.env = {{"XDG_CONFIG_HOME", dir.path().string()}}});
    CHECK(result.status == 1);
    CHECK(result.err.find("knotrelief/config:1: unknown setting \"motion\"") !=
          std::string::npos);
    CHECK(result.out.find("Step 1") == std::string::npos);
  }

  TEST_CASE("ACCESSIBLE asks for plain lines unless empty or 0")
  {
    using knotrelief::cli::accessible_requested;
    using knotrelief::test::fake_env;
    CHECK(accessible_requested(fake_env({{"ACCESSIBLE", "1"}})));
    CHECK(accessible_requested(fake_env({{"ACCESSIBLE", "yes"}})));
    CHECK_FALSE(accessible_requested(fake_env({{"ACCESSIBLE", "0"}})));
    CHECK_FALSE(accessible_requested(fake_env({{"ACCESSIBLE", ""}})));
    CHECK_FALSE(accessible_requested(fake_env({})));
  }
}
