#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using knotrelief::test::read_text;
using knotrelief::test::run_process;
using knotrelief::test::TempDir;

namespace {

knotrelief::test::ProcessResult generate(const std::filesystem::path& data,
                                         const std::filesystem::path& output)
{
  return run_process({KNOTRELIEF_GENERATOR, data.string(), output.string()});
}

} // namespace

TEST_SUITE("knotrelief-generate-builtin")
{
  TEST_CASE("turns the project's data/ into C++")
  {
    TempDir dir;
    const auto output = dir.path() / "builtin.cpp";
    auto result =
      generate(std::filesystem::path(KNOTRELIEF_SOURCE_DIR) / "data", output);
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const std::string source = read_text(output);
    CHECK(source.find("std::vector<Routine> builtin_routines()") !=
          std::string::npos);
    CHECK(source.find(R"(r.id = "neck";)") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(output.string() + ".tmp"));

    // A second run with the same data leaves the file alone.
    std::filesystem::last_write_time(output, std::filesystem::file_time_type{});
    CHECK(
      generate(std::filesystem::path(KNOTRELIEF_SOURCE_DIR) / "data", output)
        .status == 0);
    CHECK(std::filesystem::last_write_time(output) ==
          std::filesystem::file_time_type{});
  }

  TEST_CASE("invalid data fails with located messages and writes nothing")
  {
    TempDir dir;
    dir.write("data/techniques.yaml",
              "techniques:\n  - {id: press, name: P, what: W}\n");
    dir.write(
      "data/routines/neck.yaml",
      "id: neck\nname: Neck\nsteps:\n  - {name: a, cue: b, hold: -5}\n");
    const auto output = dir.write("builtin.cpp", "previous text");
    auto result = generate(dir.path() / "data", output);
    CHECK(result.status == 1);
    CHECK(result.err.find("data/routines/neck.yaml:4:29: ") !=
          std::string::npos);
    CHECK(result.err.find("not written") != std::string::npos);
    CHECK(read_text(output) == "previous text");
  }

  TEST_CASE("wrong arguments are a usage error")
  {
    auto result = run_process({KNOTRELIEF_GENERATOR, "only-one"});
    CHECK(result.status == 2);
    CHECK(result.err.find("usage:") != std::string::npos);
  }
}
