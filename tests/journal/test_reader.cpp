#include "journal/reader.hpp"
#include "journal/writer.hpp"
#include "support/temp_dir.hpp"
#include "util/limits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sys/stat.h>

using namespace knotrelief;
using namespace knotrelief::journal;
using knotrelief::test::TempDir;

namespace {

std::string line_for(int day, const std::string& routine = "neck")
{
  return fmt::format("2026-11-{:02}T08:00:00+01:00 routine={} area=neck "
                     "status=completed actual_s=60",
                     day,
                     routine);
}

LatestQuery latest(std::size_t limit,
                   std::function<bool(const Entry&)> keep = {})
{
  LatestQuery query;
  query.limit = limit;
  query.keep = std::move(keep);
  return query;
}

struct Collected
{
  std::vector<Entry> entries;
  std::vector<Diagnostic> problems;
};

Collected read_forward(const std::filesystem::path& path,
                       const ReadLimits& limits = {})
{
  Collected collected;
  auto read = read_entries(
    path,
    [&](const Entry& e) { collected.entries.push_back(e); },
    [&](const Diagnostic& d) { collected.problems.push_back(d); },
    limits);
  REQUIRE(read.has_value());
  return collected;
}

Collected read_backward(const std::filesystem::path& path,
                        std::size_t limit,
                        const ReadLimits& limits = {})
{
  Collected collected;
  auto read = read_last_entries(
    path,
    latest(limit),
    [&](const Diagnostic& d) { collected.problems.push_back(d); },
    limits);
  REQUIRE(read.has_value());
  collected.entries = *read;
  return collected;
}

} // namespace

TEST_SUITE("journal reader")
{
  TEST_CASE("tolerant reading: BOM, CRLF, comments, blanks, no final newline")
  {
    TempDir dir;
    const auto path =
      dir.write("j.txt",
                "\xEF\xBB\xBF" + line_for(1) + "\r\n# comment\n\n   \n" +
                  line_for(2) + "\n" + line_for(3));
    for (auto collected : {read_forward(path), read_backward(path, 10)}) {
      CHECK(collected.problems.empty());
      REQUIRE(collected.entries.size() == 3);
      CHECK(collected.entries[0].local_day() == days_from_civil(2026, 11, 1));
      CHECK(collected.entries[2].local_day() == days_from_civil(2026, 11, 3));
    }
  }

  TEST_CASE(
    "malformed lines are reported once with their line number and skipped")
  {
    TempDir dir;
    // Lines 2, 4, 5, 6 and 8 are bad: garbage, a NUL byte, an unterminated
    // quote, 2 MB, a score of 99.
    std::string content = line_for(1) + "\n";
    content += "garbage line\n";
    content += line_for(2) + "\n";
    content += std::string(
      "2026-11-03T08:00:00+01:00 routine=neck\0x status=quit\n", 53);
    content +=
      "2026-11-04T08:00:00+01:00 routine=neck status=quit note=\"open\n";
    content += std::string(2 * 1024 * 1024, 'x') + "\n";
    content += line_for(7) + "\n";
    content +=
      "2026-11-08T08:00:00+01:00 routine=neck status=quit pain_before=99\n";
    const auto path = dir.write("j.txt", content);
    for (auto collected : {read_forward(path), read_backward(path, 100)}) {
      REQUIRE(collected.entries.size() == 3);
      CHECK(collected.entries[2].local_day() == days_from_civil(2026, 11, 7));
      REQUIRE(collected.problems.size() == 5);
      std::vector<int> lines;
      for (const auto& problem : collected.problems) {
        CHECK(problem.where.file == path.string());
        lines.push_back(problem.where.line);
      }
      std::sort(lines.begin(), lines.end());
      CHECK(lines == std::vector<int>{2, 4, 5, 6, 8});
    }
    const auto forward = read_forward(path);
    CHECK(forward.problems[3].message.find("longer than 64 KiB") !=
          std::string::npos);
    CHECK(to_string(forward.problems[0]).starts_with(path.string() + ":2: "));
  }

  TEST_CASE("the last N entries match the forward reading, whatever the block "
            "boundaries")
  {
    TempDir dir;
    std::string content;
    // Long notes push lines across 64 KiB blocks; a minute apart.
    for (int i = 0; i < 3000; ++i) {
      content += fmt::format(
        "2026-11-{:02}T{:02}:{:02}:00+01:00 routine=r{} status=completed "
        "note=\"{}\"\n",
        i / 1440 + 1,
        i / 60 % 24,
        i % 60,
        i,
        std::string(static_cast<std::size_t>(i % 97), 'n'));
    }
    const auto path = dir.write("j.txt", content);
    const auto all = read_forward(path).entries;
    REQUIRE(all.size() == 3000);
    for (std::size_t limit : {1u, 20u, 999u, 3000u, 5000u}) {
      CAPTURE(limit);
      const auto last = read_backward(path, limit).entries;
      const std::size_t expected = std::min<std::size_t>(limit, all.size());
      REQUIRE(last.size() == expected);
      CHECK(last.front() == all[all.size() - expected]);
      CHECK(last.back() == all.back());
    }
  }

  TEST_CASE("tiny blocks and a short line limit: both directions agree")
  {
    TempDir dir;
    const std::string content = "\xEF\xBB\xBF" + line_for(1) + "\r\n" +
                                std::string(300, 'x') + "\n\n# c\n" +
                                line_for(2) + "\ngarbage\n" + line_for(3);
    const auto path = dir.write("j.txt", content);
    for (std::size_t block : {1u, 2u, 3u, 7u, 64u, 4096u}) {
      for (std::size_t max_line : {90u, 100u, 299u, 300u, 1000u}) {
        CAPTURE(block);
        CAPTURE(max_line);
        ReadLimits limits;
        limits.block_bytes = block;
        limits.max_line_bytes = max_line;
        const auto forward = read_forward(path, limits);
        const auto backward = read_backward(path, 100, limits);
        CHECK(forward.entries.size() == 3);
        CHECK(backward.entries == forward.entries);
        std::vector<std::pair<int, std::string>> ahead, behind;
        for (const auto& p : forward.problems) {
          ahead.emplace_back(p.where.line, p.message);
        }
        for (const auto& p : backward.problems) {
          behind.emplace_back(p.where.line, p.message);
        }
        std::sort(behind.begin(), behind.end());
        CHECK(behind == ahead);
        // Line 2 (300 bytes) is too long below 300, else not a session;
        // line 6 is garbage.
        REQUIRE(ahead.size() == 2);
        CHECK(ahead[0].first == 2);
        CHECK((ahead[0].second == "line is longer than " +
                                    std::to_string(max_line) +
                                    " bytes; skipped") == (max_line < 300));
        CHECK(ahead[1].first == 6);
      }
    }
  }

  TEST_CASE("filters when reading from the end")
  {
    TempDir dir;
    std::string content;
    for (int day = 1; day <= 20; ++day) {
      content += line_for(day, day % 2 == 0 ? "neck" : "back") + "\n";
    }
    const auto path = dir.write("j.txt", content);
    auto backs = read_last_entries(
      path,
      latest(3, [](const Entry& e) { return e.routines[0] == "back"; }),
      [](const Diagnostic&) {});
    REQUIRE(backs.has_value());
    REQUIRE(backs->size() == 3);
    CHECK(backs->at(0).local_day() == days_from_civil(2026, 11, 15));
    CHECK(backs->at(2).local_day() == days_from_civil(2026, 11, 19));
  }

  TEST_CASE("back-filled entries: time order, the latest by time, --since")
  {
    TempDir dir;
    // Sessions of days 10 to 19 in order, then days 3 and 15 added later.
    std::string content;
    for (int day = 10; day <= 19; ++day) {
      content += line_for(day) + "\n";
    }
    content += line_for(3, "back") + "\n" + line_for(15, "back") + "\n";
    const auto path = dir.write("j.txt", content);
    const auto days = [](const std::vector<Entry>& entries) {
      std::vector<int> result;
      for (const auto& entry : entries) {
        result.push_back(entry.local_day() - days_from_civil(2026, 11, 0));
      }
      return result;
    };
    SUBCASE("all, oldest first; the same time keeps file order")
    {
      auto all = read_backward(path, 100).entries;
      CHECK(days(all) ==
            std::vector<int>{3, 10, 11, 12, 13, 14, 15, 15, 16, 17, 18, 19});
      CHECK(all[6].routines[0] == "neck");
      CHECK(all[7].routines[0] == "back");
    }
    SUBCASE("the latest N by time, not by place in the file")
    {
      CHECK(days(read_backward(path, 3).entries) ==
            std::vector<int>{17, 18, 19});
      CHECK(days(read_backward(path, 6).entries) ==
            std::vector<int>{15, 15, 16, 17, 18, 19});
    }
    SUBCASE("since")
    {
      LatestQuery query;
      query.since = read_backward(path, 100).entries[5].time; // day 14
      auto read = read_last_entries(path, query, [](const Diagnostic&) {});
      REQUIRE(read.has_value());
      CHECK(days(*read) == std::vector<int>{14, 15, 15, 16, 17, 18, 19});
    }
  }

  TEST_CASE("the look back ends after enough older entries in a row")
  {
    TempDir dir;
    // Day 20, then days 1 to 9 back-filled after it.
    std::string content = line_for(20) + "\n";
    for (int day = 1; day <= 9; ++day) {
      content += line_for(day) + "\n";
    }
    const auto path = dir.write("j.txt", content);
    ReadLimits limits;
    limits.lookback_entries = 8;
    // The latest two so far are days 9 and 8; days 7 to 1 are older (7 in a
    // row), so day 20 is still found.
    auto found = read_backward(path, 2, limits).entries;
    REQUIRE(found.size() == 2);
    CHECK(found[1].local_day() == days_from_civil(2026, 11, 20));
    // With a look back of 6, reading ends before it: the documented limit.
    limits.lookback_entries = 6;
    found = read_backward(path, 2, limits).entries;
    REQUIRE(found.size() == 2);
    CHECK(found[1].local_day() == days_from_civil(2026, 11, 9));
  }

  TEST_CASE("a missing journal is empty, a directory or FIFO is an error")
  {
    TempDir dir;
    CHECK(read_forward(dir.path() / "none.txt").entries.empty());
    CHECK(read_backward(dir.path() / "none.txt", 5).entries.empty());
    auto directory = read_entries(
      dir.path(), [](const Entry&) {}, [](const Diagnostic&) {});
    REQUIRE_FALSE(directory.has_value());
    CHECK(directory.error().find("directory") != std::string::npos);
    const auto fifo = dir.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto from_fifo =
      read_last_entries(fifo, latest(5), [](const Diagnostic&) {});
    REQUIRE_FALSE(from_fifo.has_value());
    CHECK(from_fifo.error().find("not a regular file") != std::string::npos);
  }
}

TEST_SUITE("journal reader")
{
  TEST_CASE("a journal that shrinks while read from the end: a message, not "
            "'Success'")
  {
    TempDir dir;
    std::string text;
    for (int day = 1; day <= 20; ++day) {
      text += line_for(day) + "\n";
    }
    const auto path = dir.write("journal.txt", text);
    ReadLimits limits;
    limits.block_bytes = 256;
    // Another program cuts the file down after its size was taken.
    limits.read_at = [&](int fd, void* data, std::size_t size, off_t at) {
      std::filesystem::resize_file(path, 100);
      return ::pread(fd, data, size, at);
    };
    auto read = read_last_entries(
      path, latest(5), [](const Diagnostic&) {}, limits);
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().find("got shorter while being read") !=
          std::string::npos);
    CHECK(read.error().find("Success") == std::string::npos);
  }

  TEST_CASE(
    "the writer's longest note reads back, and one byte more is refused "
    "before writing")
  {
    TempDir dir;
    const auto path = dir.path() / "journal.txt";
    Entry entry;
    entry.routines = {"neck"};
    entry.status = Status::manual;
    entry.planned_seconds = entry.actual_seconds = limits::max_session_seconds;
    // Quotes are escaped: the longest note of quotes is half the limit.
    entry.note = std::string(limits::max_note_bytes / 2 - 1, '"');
    CHECK_FALSE(note_problem(entry.note));
    CHECK(note_problem(entry.note + "\""));
    // A note without spaces or quotes is written bare.
    CHECK(note_problem(std::string(limits::max_note_bytes, 'x')) ==
          std::nullopt);
    CHECK(note_problem(std::string(limits::max_note_bytes + 1, 'x')));
    REQUIRE(append_line(path, format_entry(entry)).has_value());
    const auto read = read_forward(path);
    CHECK(read.problems.empty());
    REQUIRE(read.entries.size() == 1);
    CHECK(read.entries.front() == entry);
  }
}
