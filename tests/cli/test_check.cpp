#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>

using knotrelief::test::fixture;
using knotrelief::test::run_knotrelief;

TEST_SUITE("cli check")
{
  TEST_CASE("good files: ok lines, exit 0")
  {
    auto result =
      run_knotrelief({"check",
                      fixture("routines/good/full.yaml").string(),
                      fixture("routines/good/bom-crlf.yaml").string()});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    CHECK(result.out.find("full.yaml: ok (routine 'full-example', 3 steps,") !=
          std::string::npos);
    CHECK(result.out.find("bom-crlf.yaml: ok") != std::string::npos);
    auto single =
      run_knotrelief({"check", fixture("routines/session/tiny.yaml").string()});
    CHECK(single.out.find(
            "tiny.yaml: ok (routine 'tiny', 1 step, 6s (with 5s to get "
            "ready))") != std::string::npos);
  }

  TEST_CASE("the built-in data files pass")
  {
    auto result = run_knotrelief(
      {"check",
       "-q",
       (std::filesystem::path(KNOTRELIEF_SOURCE_DIR) / "data/routines")
         .string()});
    CHECK(result.status == 0);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
  }

  TEST_CASE("every problem in every file is reported, then exit 1")
  {
    const auto folder = fixture("routines/bad");
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      files += entry.path().extension() == ".yaml";
    }
    auto result = run_knotrelief({"check", folder.string()});
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    // One problem per fixture, each as FILE:LINE:COL: message.
    std::size_t lines = 0;
    for (std::size_t start = 0; start < result.err.size();) {
      std::size_t end = result.err.find('\n', start);
      std::string line = result.err.substr(start, end - start);
      if (line.find(" problems in ") == std::string::npos) {
        CHECK_MESSAGE(line.starts_with(folder.string() + "/"), line);
        ++lines;
      }
      start = end + 1;
    }
    CHECK(lines == files);
    CHECK(result.err.find(fmt::format(
            "{} problems in {} of {} files", files, files, files)) !=
          std::string::npos);
    CHECK(result.err.find(
            "bad-sides.yaml:7:12: 'sides' must be both, left or right") !=
          std::string::npos);
    CHECK(result.err.find("unknown-spot.yaml:5:12: unknown spot 'upper-trap'; "
                          "did you mean 'upper-trapezius'?") !=
          std::string::npos);
  }

  TEST_CASE("duplicate ids across the files checked")
  {
    knotrelief::test::TempDir dir;
    const std::string routine =
      "id: same\nname: Same\nsteps:\n  - {name: a, cue: b, hold: 5}\n";
    const auto first = dir.write("a.yaml", routine);
    const auto second = dir.write("b.yaml", routine);
    auto result = run_knotrelief({"check", first.string(), second.string()});
    CHECK(result.status == 1);
    CHECK(result.err.find(second.string() +
                          ":1:1: duplicate id 'same' (also at " +
                          first.string() + ":1:1)") != std::string::npos);
  }

  TEST_CASE("missing file and missing argument")
  {
    auto missing = run_knotrelief({"check", "/nonexistent/x.yaml"});
    CHECK(missing.status == 1);
    CHECK(missing.err.find(
            "/nonexistent/x.yaml: cannot open: No such file or directory") !=
          std::string::npos);
    auto none = run_knotrelief({"check"});
    CHECK(none.status == 2);
    CHECK(none.err.find("FILE is required") != std::string::npos);
  }
}
