#include "journal/writer.hpp"
#include "support/fake_env.hpp"
#include "support/temp_dir.hpp"
#include "util/error.hpp"
#include "util/limits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/file.h>
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

  TEST_CASE("a line the reader would refuse is not written")
  {
    TempDir dir;
    const auto path = dir.write("journal.txt", "old line\n");
    for (const char* line : {"routine=x area=neck\x85 status=manual",
                             "note=\xff",
                             "bell \a",
                             "esc \x1b[2J"}) {
      CAPTURE(line);
      const auto written = journal::append_line(path, line);
      REQUIRE_FALSE(written.has_value());
      CHECK(written.error().message.find("would not read back") !=
            std::string::npos);
    }
    CHECK(knotrelief::test::read_text(path) == "old line\n");
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
    CHECK(written.error().message ==
          "cannot write " + fifo.string() + ": not a regular file");
  }

  TEST_CASE("failures say why")
  {
    TempDir dir;
    auto full = journal::append_line("/dev/full", "line");
    REQUIRE_FALSE(full.has_value());
    CHECK(full.error().message.find("No space left on device") !=
          std::string::npos);
    auto folder = journal::append_line(dir.path(), "line");
    REQUIRE_FALSE(folder.has_value());
    CHECK(folder.error().message ==
          "cannot write " + dir.path().string() + ": it is a directory");
    dir.write("file", "x");
    auto under_file =
      journal::append_line(dir.path() / "file" / "journal.txt", "line");
    REQUIRE_FALSE(under_file.has_value());
    CHECK(under_file.error().message.find("cannot") != std::string::npos);
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

namespace {

// A child process that holds the journal's lock until killed.
struct LockHolder
{
  pid_t pid = -1;

  explicit LockHolder(const std::filesystem::path& path)
  {
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const int fd = ::open(path.c_str(), O_RDWR | O_CREAT, 0600);
      ::flock(fd, LOCK_EX);
      [[maybe_unused]] auto n = ::write(ready[1], "x", 1);
      ::pause();
      ::_exit(0);
    }
    char c = 0;
    ::close(ready[1]);
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::close(ready[0]);
  }
  ~LockHolder()
  {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }
};

} // namespace

TEST_SUITE("journal writer")
{
  TEST_CASE("a journal without a final newline: the next line starts on a "
            "line of its own")
  {
    TempDir dir;
    const auto path = dir.write("journal.txt", "old line");
    REQUIRE(journal::append_line(path, "new line").has_value());
    CHECK(knotrelief::test::read_text(path) == "old line\nnew line\n");
    // An empty journal gets no blank line.
    const auto empty = dir.write("empty.txt", "");
    REQUIRE(journal::append_line(empty, "first").has_value());
    CHECK(knotrelief::test::read_text(empty) == "first\n");
  }

  TEST_CASE("a short write is cut back off: the file keeps its size")
  {
    TempDir dir;
    const auto path = dir.write("journal.txt", "old line\n");
    journal::AppendOptions options;
    options.write = [](int fd, const void* data, std::size_t size) {
      return ::write(fd, data, size / 2); // the disk fills up halfway
    };
    auto written = journal::append_line(path, "a long new line", options);
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().message.find("short write") != std::string::npos);
    CHECK(knotrelief::test::read_text(path) == "old line\n");
    // Failing outright after writing part is cut back as well.
    options.write = [](int fd, const void* data, std::size_t) {
      [[maybe_unused]] auto n = ::write(fd, data, 3);
      errno = ENOSPC;
      return ssize_t{-1};
    };
    written = journal::append_line(path, "another line", options);
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().message.find("No space") != std::string::npos);
    CHECK(knotrelief::test::read_text(path) == "old line\n");
  }

  TEST_CASE("a line longer than the reader accepts is refused")
  {
    TempDir dir;
    const auto path = dir.path() / "journal.txt";
    const std::string longest(limits::max_journal_line_bytes, 'x');
    CHECK(journal::append_line(path, longest).has_value());
    auto written = journal::append_line(path, longest + "x");
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().message.find("limit of 64 KiB") != std::string::npos);
  }

  TEST_CASE("a journal of another user, or a symlink into a folder of "
            "another user, is refused")
  {
    TempDir dir;
    const auto path = dir.write("journal.txt", "old\n");
    journal::AppendOptions someone_else;
    someone_else.owner = ::geteuid() + 4242;
    auto written = journal::append_line(path, "line", someone_else);
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().message.find("belongs to another user") !=
          std::string::npos);

    const auto link = dir.path() / "link.txt";
    std::filesystem::create_symlink(path, link);
    written = journal::append_line(link, "line", someone_else);
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().message.find("a symlink into") != std::string::npos);
    CHECK(knotrelief::test::read_text(path) == "old\n");

    // A symlink into a folder of one's own is followed.
    REQUIRE(journal::append_line(link, "line").has_value());
    CHECK(knotrelief::test::read_text(path) == "old\nline\n");

    const auto dangling = dir.path() / "dangling.txt";
    std::filesystem::create_symlink(dir.path() / "missing", dangling);
    written = journal::append_line(dangling, "line");
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().message.find("missing file") != std::string::npos);
  }

  TEST_CASE("a journal others may read is made private")
  {
    TempDir dir;
    const auto path = dir.write("journal.txt", "old\n");
    REQUIRE(::chmod(path.c_str(), 0666) == 0);
    REQUIRE(journal::append_line(path, "line").has_value());
    CHECK(mode_of(path) == 0600);
  }

  TEST_CASE("a lock held by another process: bounded wait, told, and a "
            "signal ends it")
  {
    TempDir dir;
    const auto path = dir.path() / "journal.txt";
    LockHolder holder(path);
    journal::AppendOptions options;
    options.lock_wait = std::chrono::milliseconds(400);
    options.quiet_wait = std::chrono::milliseconds(50);
    int told = 0;
    options.on_waiting = [&](std::chrono::milliseconds bound) {
      ++told;
      CHECK(bound == std::chrono::milliseconds(400));
    };
    const auto start = std::chrono::steady_clock::now();
    auto written = journal::append_line(path, "line", options);
    REQUIRE_FALSE(written.has_value());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
    CHECK(told == 1);
    CHECK(written.error().signal == 0);
    CHECK(written.error().message.find("kept it locked") != std::string::npos);

    int polls = 0;
    options.lock_wait = std::chrono::seconds(30);
    options.stop_signal = [&] { return ++polls == 3 ? SIGTERM : 0; };
    written = journal::append_line(path, "line", options);
    REQUIRE_FALSE(written.has_value());
    CHECK(written.error().signal == SIGTERM);
    CHECK(knotrelief::test::read_text(path).empty());
  }
}
