#include "journal/writer.hpp"
#include "support/fake_env.hpp"
#include "support/temp_dir.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace knotrelief;
using knotrelief::test::TempDir;

namespace {

mode_t mode_of(const std::filesystem::path& path)
{
  struct stat info
  {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777;
}

} // namespace

TEST_SUITE("journal writer")
{
  TEST_CASE("the journal path: option, then KNOTRELIEF_JOURNAL, then XDG")
  {
    CHECK(journal::journal_path(
            "/x/j.txt",
            knotrelief::test::fake_env({{"KNOTRELIEF_JOURNAL", "/y"}})) ==
          "/x/j.txt");
    CHECK(journal::journal_path(
            "",
            knotrelief::test::fake_env(
              {{"KNOTRELIEF_JOURNAL", "/y"}, {"HOME", "/h"}})) == "/y");
    CHECK(journal::journal_path(
            "", knotrelief::test::fake_env({{"XDG_DATA_HOME", "/d"}})) ==
          "/d/knotrelief/journal.txt");
    CHECK(
      journal::journal_path("", knotrelief::test::fake_env({{"HOME", "/h"}})) ==
      "/h/.local/share/knotrelief/journal.txt");
    CHECK_THROWS_AS(journal::journal_path("", knotrelief::test::fake_env({})),
                    Error);
  }

  TEST_CASE("appends whole lines, creating a private file in a private folder")
  {
    TempDir dir;
    const auto path = dir.path() / "a" / "b" / "journal.txt";
    REQUIRE(journal::append_line(path, "first").has_value());
    REQUIRE(journal::append_line(path, "second").has_value());
    CHECK(knotrelief::test::read_text(path) == "first\nsecond\n");
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(dir.path() / "a") == 0700);
    CHECK(mode_of(dir.path() / "a" / "b") == 0700);
  }

  TEST_CASE("never truncates what is there")
  {
    TempDir dir;
    const auto path = dir.write("journal.txt", "# my notes\nold line\n");
    REQUIRE(journal::append_line(path, "new line").has_value());
    CHECK(knotrelief::test::read_text(path) ==
          "# my notes\nold line\nnew line\n");
  }

  TEST_CASE("a FIFO in the way fails at once instead of blocking")
  {
    TempDir dir;
    const auto fifo = dir.path() / "journal.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto written = journal::append_line(fifo, "line");
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error() ==
          "cannot write " + fifo.string() + ": not a regular file");
  }

  TEST_CASE("failures say why")
  {
    TempDir dir;
    auto full = journal::append_line("/dev/full", "line");
    REQUIRE_FALSE(full.has_value());
    CHECK(full.error().find("No space left on device") != std::string::npos);
    auto folder = journal::append_line(dir.path(), "line");
    REQUIRE_FALSE(folder.has_value());
    CHECK(folder.error() ==
          "cannot write " + dir.path().string() + ": it is a directory");
    dir.write("file", "x");
    auto under_file =
      journal::append_line(dir.path() / "file" / "journal.txt", "line");
    REQUIRE_FALSE(under_file.has_value());
    CHECK(under_file.error().find("cannot") != std::string::npos);
  }
}

TEST_SUITE("journal writer")
{
  TEST_CASE(
    "concurrent appends from many processes: every line intact, none lost")
  {
    TempDir dir;
    const auto path = dir.path() / "journal.txt";
    constexpr int processes = 8;
    constexpr int lines_each = 250;
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
      const pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        int failures = 0;
        for (int i = 0; i < lines_each; ++i) {
          // Lines of different lengths, some longer than a pipe buffer.
          const std::string line = fmt::format(
            "p{} i{} {}",
            p,
            i,
            std::string(static_cast<std::size_t>((i * 37) % 5000), 'x'));
          failures += journal::append_line(path, line).has_value() ? 0 : 1;
        }
        ::_exit(failures == 0 ? 0 : 1);
      }
      children.push_back(pid);
    }
    for (pid_t child : children) {
      int status = 0;
      ::waitpid(child, &status, 0);
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
    }
    std::map<std::string, int> seen;
    std::istringstream content(knotrelief::test::read_text(path));
    std::string line;
    int count = 0;
    while (std::getline(content, line)) {
      ++count;
      const auto space = line.find(' ', line.find(' ') + 1);
      const std::string id = line.substr(0, space);
      int p = 0;
      int i = 0;
      REQUIRE(std::sscanf(id.c_str(), "p%d i%d", &p, &i) == 2);
      // The line is whole: its tail has exactly the length it was written with.
      CHECK(line.size() -
              (space == std::string::npos ? line.size() : space + 1) ==
            static_cast<std::size_t>((i * 37) % 5000));
      ++seen[id];
    }
    CHECK(count == processes * lines_each);
    CHECK(seen.size() == static_cast<std::size_t>(processes * lines_each));
  }
}
