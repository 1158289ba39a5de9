#include "cli/journal_json.hpp"
#include "journal/parse.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// Lines as knotrelief writes them, every field used at least once.
const char* const journal_lines =
  "2026-11-01T08:30:12+01:00 routine=neck area=neck status=completed "
  "planned_s=200 actual_s=198 steps=4/4 hold=low pain_before=5 pain_after=3 "
  "checked=clear tighter=left\n"
  "2026-11-02T21:05:00-05:30 routine=neck,back area=neck,back status=quit "
  "planned_s=900 actual_s=61 steps=1/9 hold=mid,high pain_before=7 "
  "pain_after=8 tingling=yes checked=signs tighter=same "
  "note=\"first, \\\"second\\\"\\nthird\\tend\" later=\"a b\" more=1\n"
  "2026-11-03T07:00:00+00:00 routine=calves status=manual actual_s=600 "
  "note=caf\xc3\xa9\n";

struct Exported
{
  TempDir dir;
  std::filesystem::path journal = dir.path() / "journal.txt";

  Exported() { std::ofstream(journal) << journal_lines; }

  knotrelief::test::ProcessResult run(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"--journal", journal.string(), "log", "export"});
    return run_knotrelief(args, {.env = {{"TZ", "UTC"}}});
  }
};

} // namespace

TEST_SUITE("cli log export")
{
  TEST_CASE("JSON export, back into journal lines: the same bytes")
  {
    Exported exported;
    const auto result = exported.run({"--format", "json"});
    REQUIRE(result.status == 0);
    const auto json = knotrelief::cli::Json::parse(result.out);
    CHECK(json["format"] == "knotrelief-journal/1");
    REQUIRE(json["entries"].size() == 3);
    std::string lines;
    for (const auto& object : json["entries"]) {
      auto entry = knotrelief::cli::entry_from_json(object);
      REQUIRE_MESSAGE(entry.has_value(), entry.error());
      lines += knotrelief::journal::format_entry(*entry) + "\n";
    }
    CHECK(lines == journal_lines);
    CHECK(json["entries"][1]["extra"] ==
          knotrelief::cli::Json::parse(R"([["later","a b"],["more","1"]])"));
  }

  TEST_CASE("CSV export: a header, one row an entry, CRLF, quoted as needed")
  {
    Exported exported;
    const auto result = exported.run({});
    REQUIRE(result.status == 0);
    CHECK(result.out.starts_with(
      "time,routine,area,status,planned_s,actual_s,steps_done,steps_total,"
      "hold,pain_before,pain_after,tingling,checked,tighter,note,extra\r\n"
      "2026-11-01T08:30:12+01:00,neck,neck,completed,200,198,4,4,low,5,3,no,"
      "clear,left,,\r\n"
      "2026-11-02T21:05:00-05:30,\"neck,back\",\"neck,back\",quit,900,61,1,9,"
      "\"mid,high\",7,8,yes,signs,same,\"first, \"\"second\"\"\nthird\tend\","
      "\"later=\"\"a b\"\" more=1\"\r\n"));
    CHECK(result.out.ends_with(
      "2026-11-03T07:00:00+00:00,calves,,manual,,600,,,,,,no,,,caf\xc3\xa9,"
      "\r\n"));
  }

  TEST_CASE("--since, -o FILE and -o -")
  {
    Exported exported;
    const auto since = exported.run({"--since", "2026-11-02"});
    CHECK(since.out.find("2026-11-01T") == std::string::npos);
    CHECK(since.out.find("2026-11-03T") != std::string::npos);
    const auto file = exported.dir.path() / "out.json";
    const auto written =
      exported.run({"--format", "json", "-o", file.string()});
    CHECK(written.status == 0);
    CHECK(written.out.empty());
    CHECK(read_text(file) == exported.run({"--format", "json", "-o", "-"}).out);
    // Nothing but the export is left in the folder.
    CHECK(std::distance(
            std::filesystem::directory_iterator(exported.dir.path()), {}) == 2);
  }

  TEST_CASE("errors: the journal as -o, a folder that cannot be written, a "
            "bad --format, and nothing half written")
  {
    Exported exported;
    const std::string before = read_text(exported.journal);
    const auto over = exported.run({"-o", exported.journal.string()});
    CHECK(over.status == 2);
    CHECK(over.err.find("is the journal itself") != std::string::npos);
    CHECK(read_text(exported.journal) == before);

    const auto locked = exported.dir.path() / "locked";
    std::filesystem::create_directory(locked);
    ::chmod(locked.c_str(), 0500);
    if (::access(locked.c_str(), W_OK) != 0) { // not when running as root
      const auto denied = exported.run({"-o", (locked / "out.csv").string()});
      CHECK(denied.status == 1);
      CHECK(denied.err.find("cannot write ") != std::string::npos);
      CHECK(denied.err.find("out.csv: Permission denied") != std::string::npos);
    }
    ::chmod(locked.c_str(), 0700);

    const auto bad = exported.run({"--format", "xml"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--format") != std::string::npos);

    const auto empty = exported.run({"-o", ""});
    CHECK(empty.status == 2);
    CHECK(empty.err.find("--output: must not be empty") != std::string::npos);
  }

  TEST_CASE("-o the journal before it exists is still the journal")
  {
    TempDir dir;
    const auto journal = dir.path() / "not-yet.txt";
    for (const std::string& output :
         {journal.string(), (dir.path() / "./sub/../not-yet.txt").string()}) {
      CAPTURE(output);
      const auto result = run_knotrelief(
        {"--journal", journal.string(), "log", "export", "-o", output});
      CHECK(result.status == 2);
      CHECK(result.err.find("is the journal itself") != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(journal));
    }
  }

  TEST_CASE("-o /dev/stdout and /dev/fd/1 write to the descriptor, appended "
            "to as the shell opened it")
  {
    Exported exported;
    const std::string expected = exported.run({}).out;
    for (const std::string name :
         {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
      CAPTURE(name);
      CHECK(exported.run({"-o", name}).out == expected);
      const auto file = exported.dir.path() / "appended.csv";
      std::ofstream(file) << "PREVIOUS\n";
      const std::string command =
        fmt::format("TZ=UTC '{}' --journal '{}' log export -o {} >> '{}'",
                    KNOTRELIEF_BINARY,
                    exported.journal.string(),
                    name,
                    file.string());
      CHECK(std::system(command.c_str()) == 0);
      CHECK(read_text(file) == "PREVIOUS\n" + expected);
    }
  }

  TEST_CASE("-o a link to a file not there yet: the file is made, the link "
            "kept")
  {
    Exported exported;
    const auto& dir = exported.dir.path();
    std::filesystem::create_symlink("made.csv", dir / "dangling.csv");
    CHECK(exported.run({"-o", (dir / "dangling.csv").string()}).status == 0);
    CHECK(std::filesystem::is_symlink(dir / "dangling.csv"));
    CHECK(read_text(dir / "made.csv") == exported.run({}).out);
  }

  TEST_CASE("-o a link, a FIFO or a device: written through, never replaced")
  {
    Exported exported;
    const auto& dir = exported.dir.path();
    const std::string expected = exported.run({}).out;
    // A link: the file it names gets the export, and keeps its mode.
    std::ofstream(dir / "target.csv") << "old";
    ::chmod((dir / "target.csv").c_str(), 0640);
    std::filesystem::create_symlink("target.csv", dir / "link.csv");
    CHECK(exported.run({"-o", (dir / "link.csv").string()}).status == 0);
    CHECK(std::filesystem::is_symlink(dir / "link.csv"));
    CHECK(read_text(dir / "target.csv") == expected);
    struct stat target = {};
    REQUIRE(::stat((dir / "target.csv").c_str(), &target) == 0);
    CHECK((target.st_mode & 0777) == 0640);
    // A new file is private: health data.
    CHECK(exported.run({"-o", (dir / "new.csv").string()}).status == 0);
    REQUIRE(::stat((dir / "new.csv").c_str(), &target) == 0);
    CHECK((target.st_mode & 0777) == 0600);
    // A FIFO: its reader gets the export, and it stays a FIFO.
    const auto fifo = dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string read_back;
    std::thread reader([&] { read_back = read_text(fifo); });
    CHECK(exported.run({"-o", fifo.string()}).status == 0);
    reader.join();
    CHECK(read_back == expected);
    CHECK(std::filesystem::is_fifo(fifo));
    // A device (a copy of /dev/full, where we may make one): the write
    // error is reported and the device is still a device.
    const auto full = dir / "full";
    if (::mknod(full.c_str(), S_IFCHR | 0600, ::makedev(1, 7)) == 0) {
      const auto result = exported.run({"-o", full.string()});
      CHECK(result.status == 1);
      CHECK(result.err.find("No space left on device") != std::string::npos);
      CHECK(std::filesystem::is_character_file(full));
    }
  }

  TEST_CASE("a signal during an export to a file leaves no temporary behind")
  {
    Exported exported;
    std::string lines;
    for (int i = 0; i < 200'000; ++i) {
      lines += "2026-11-01T08:30:12+01:00 routine=neck area=neck "
               "status=completed note=\"a longer note to make it slow\"\n";
    }
    std::ofstream(exported.journal) << lines;
    const auto dir = exported.dir.path().string();
    // Sends SIGTERM as soon as the temporary exists.
    const auto result = knotrelief::test::run_process(
      {"/bin/sh",
       "-c",
       "\"$0\" --journal \"$1\" log export --format json -o \"$2/out.json\" "
       "& pid=$!; until ls \"$2\"/out.json.* >/dev/null 2>&1; do :; done; "
       "kill -TERM $pid; wait $pid; echo \"status $?\"",
       KNOTRELIEF_BINARY,
       exported.journal.string(),
       dir});
    CHECK(result.out == "status 143\n");
    CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
  }

  TEST_CASE("a malformed line is reported and left out, the rest exported")
  {
    Exported exported;
    std::ofstream(exported.journal, std::ios::app) << "not a line\n";
    const auto result = exported.run({"--format", "json"});
    CHECK(result.status == 1);
    CHECK(result.err.find(":4:") != std::string::npos);
    CHECK(knotrelief::cli::Json::parse(result.out)["entries"].size() == 3);
  }
}
