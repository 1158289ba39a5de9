#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// A journal line `days_ago` days before now, at 08:00 UTC.
std::string line_days_ago(int days_ago, const std::string& rest)
{
  const auto day =
    std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
    std::chrono::days(days_ago);
  return fmt::format("{:%Y-%m-%d}T08:00:00+00:00 {}\n", day, rest);
}

// The date `days_ago` days before now, as log stats shows dates (UTC).
std::string journal_date(int days_ago)
{
  const auto day =
    std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
    std::chrono::days(days_ago);
  return fmt::format("{:%Y-%m-%d}", day);
}

struct Journal
{
  TempDir dir;
  std::filesystem::path path = dir.path() / "journal.txt";

  knotrelief::test::ProcessResult run(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"--journal", path.string()});
    return run_knotrelief(args, {.env = {{"TZ", "UTC"}}});
  }
};

} // namespace

TEST_SUITE("cli log")
{
  TEST_CASE(
    "log add writes a manual entry, log shows it, log path prints the file")
  {
    Journal journal;
    auto added = journal.run({"log",
                              "add",
                              "neck",
                              "--pain-before",
                              "6",
                              "--pain-after",
                              "3",
                              "--minutes",
                              "12",
                              "--note",
                              "left side \"tight\" = sore",
                              "--at",
                              "2026-11-20T08:30"});
    REQUIRE(added.status == 0);
    const std::string written = read_text(journal.path);
    CHECK(written == "2026-11-20T08:30:00+00:00 routine=neck area=neck "
                     "status=manual actual_s=720 pain_before=6 "
                     "pain_after=3 note=\"left side \\\"tight\\\" = sore\"\n");
    auto shown = journal.run({"log"});
    CHECK(shown.status == 0);
    CHECK(shown.out.find("2026-11-20 08:30  neck     manual  12m   6 -> 3  "
                         "left side \"tight\" = sore") != std::string::npos);
    auto path = journal.run({"log", "path"});
    CHECK(path.out == journal.path.string() + "\n");
  }

  TEST_CASE(
    "log add: bad values are usage errors, unknown routines get suggestions")
  {
    Journal journal;
    const std::vector<std::vector<std::string>> bad{
      {"log", "add", "nek"},
      {"log", "add", "neck", "--pain-before", "11"},
      {"log", "add", "neck", "--pain-after", "x"},
      {"log", "add", "neck", "--minutes", "0"},
      {"log", "add", "neck", "--at", "2026-02-30"},
      {"log", "add", "neck", "--at", "25:00"},
      {"log", "add", "neck", "--at", "2999-01-01"},
      {"log", "add"},
    };
    for (const auto& args : bad) {
      CAPTURE(args.back());
      auto result = journal.run(args);
      CHECK(result.status == 2);
      CHECK(result.err.starts_with("knotrelief: error: "));
    }
    CHECK(journal.run({"log", "add", "nek"}).err.find("did you mean 'neck'?") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(journal.path));
  }

  TEST_CASE("log add to a journal that cannot be written: exit 1, line printed")
  {
    auto result =
      run_knotrelief({"--journal", "/dev/full", "log", "add", "back"});
    CHECK(result.status == 1);
    CHECK(result.err.find("No space left on device") != std::string::npos);
    CHECK(result.out.find(" routine=back area=back status=manual") !=
          std::string::npos);
  }

  TEST_CASE("log: --limit, --routine, --since, --json")
  {
    Journal journal;
    std::string content = "# my journal\n";
    for (int days_ago = 30; days_ago >= 0; --days_ago) {
      content +=
        line_days_ago(days_ago,
                      fmt::format("routine={} status=completed actual_s=60",
                                  days_ago % 3 == 0 ? "back" : "neck"));
    }
    journal.dir.write("journal.txt", content);
    auto limited = journal.run({"log", "--limit", "5", "--json"});
    REQUIRE(limited.status == 0);
    auto json = nlohmann::json::parse(limited.out);
    CHECK(json.size() == 5);
    auto backs = nlohmann::json::parse(
      journal.run({"log", "--routine", "back", "--limit", "100", "--json"})
        .out);
    CHECK(backs.size() == 11);
    // Since local midnight two days ago: the sessions of 2, 1 and 0 days ago.
    const std::string two_days_ago = line_days_ago(2, "").substr(0, 10);
    auto recent = nlohmann::json::parse(
      journal.run({"log", "--since", two_days_ago, "--json"}).out);
    CHECK(recent.size() == 3);
    auto table = journal.run({"log"});
    CHECK(std::count(table.out.begin(), table.out.end(), '\n') ==
          21); // header + 20
    CHECK(journal.run({"log", "--since", "yesterday"}).status == 2);
  }

  TEST_CASE("an empty or missing journal")
  {
    Journal journal;
    auto result = journal.run({"log"});
    CHECK(result.status == 0);
    CHECK(result.out.empty());
    CHECK(result.err.find("No sessions logged yet") != std::string::npos);
    CHECK(journal.run({"log", "--json"}).out == "[]\n");
  }

  TEST_CASE(
    "malformed lines: FILE:LINE on stderr, skipped, never deleted, exit 1")
  {
    Journal journal;
    const std::string content =
      line_days_ago(1, "routine=neck status=completed") + "not a session\n" +
      line_days_ago(0, "routine=back status=quit note=\"unterminated");
    journal.dir.write("journal.txt", content);
    auto result = journal.run({"log"});
    CHECK(result.status == 1);
    CHECK(result.out.find("neck") != std::string::npos);
    CHECK(result.err.find(journal.path.string() + ":2: bad time 'not'") !=
          std::string::npos);
    CHECK(result.err.find(journal.path.string() + ":3: unterminated") !=
          std::string::npos);
    auto stats = journal.run({"log", "stats"});
    CHECK(stats.status == 1);
    CHECK(stats.out.find("1 session, ") != std::string::npos);
    CHECK(read_text(journal.path) == content);
  }

  TEST_CASE("many malformed lines: the first 20 in file order, then a count")
  {
    Journal journal;
    std::string content = line_days_ago(1, "routine=neck status=completed");
    for (int i = 0; i < 30; ++i) {
      content += "garbage\n";
    }
    journal.dir.write("journal.txt", content);
    for (const char* command : {"log", "stats"}) {
      CAPTURE(command);
      auto result = std::string(command) == "log"
                      ? journal.run({"log"})
                      : journal.run({"log", "stats"});
      CHECK(result.status == 1);
      const std::string prefix = journal.path.string() + ":";
      // `log` reads from the end: its 20 are the last lines, still in order.
      const int first = std::string(command) == "log" ? 12 : 2;
      CHECK(result.err.starts_with(prefix + std::to_string(first) + ": "));
      CHECK(result.err.find(prefix + std::to_string(first + 19) + ": ") !=
            std::string::npos);
      CHECK(result.err.find(prefix + std::to_string(first + 20) + ": ") ==
            std::string::npos);
      CHECK(result.err.find(journal.path.string() +
                            ": 10 more malformed lines skipped\n") !=
            std::string::npos);
    }
  }

  TEST_CASE("a journal that is a directory is an error")
  {
    TempDir dir;
    auto result = run_knotrelief({"--journal", dir.path().string(), "log"});
    CHECK(result.status == 1);
    CHECK(result.err.find("is a directory") != std::string::npos);
  }

  TEST_CASE("log stats: exact figures, the weekly advice and the red flag")
  {
    Journal journal;
    std::string content;
    // neck: painful (5) on sessions spread over 16 days, still this week.
    for (int days_ago : {16, 12, 8, 3, 1}) {
      content += line_days_ago(days_ago,
                               "routine=neck area=neck status=completed "
                               "actual_s=300 pain_before=5 pain_after=3");
    }
    content +=
      line_days_ago(0, "routine=back area=back status=quit actual_s=120");
    journal.dir.write("journal.txt", content);
    auto result = journal.run({"log", "stats"});
    REQUIRE(result.status == 0);
    CHECK(result.out.find("6 sessions, 27m in all.") != std::string::npos);
    CHECK(result.out.find("neck     5         25       5       -2.0") !=
          std::string::npos);
    CHECK(result.out.find("Streak: 2 days now, longest 2 days.") !=
          std::string::npos);
    CHECK(result.out.find("Last 4 weeks: 1.5 sessions a week.") !=
          std::string::npos);
    CHECK(result.out.find(
            "while pain is chronic, the guide suggests a session every day") !=
          std::string::npos);
    CHECK(result.out.find("\nWarning: see a physiotherapist or doctor") !=
          std::string::npos);
    CHECK(result.out.find("  - neck: logged as painful for 16 days (since " +
                          journal_date(16) + ")\n") != std::string::npos);
    CHECK(result.out.find("Sessions per week (each row: the 7 days from that "
                          "date; the last ends today)\n  " +
                          journal_date(55) + "  ") != std::string::npos);
    auto json =
      nlohmann::json::parse(journal.run({"log", "stats", "--json"}).out);
    CHECK(json["total"]["sessions"] == 6);
    CHECK(json["by_area"]["neck"]["average_pain_change"] == -2.0);
    CHECK(json["red_flags"][0]["area"] == "neck");
    CHECK(json["red_flags"][0]["since"] == journal_date(16));
    CHECK(json["weeks"][7]["first_day"] == journal_date(6));
    CHECK(json["tingling_sessions"] == 0);
    CHECK(json["last_tingling"].is_null());
    CHECK(json["current_streak_days"] == 2);
    auto since = nlohmann::json::parse(
      journal.run({"log", "stats", "--since", "5d", "--json"}).out);
    CHECK(since["total"]["sessions"] == 3);
  }
}

namespace {

// The value of `key=` in the journal's last line.
std::string last_field(const std::filesystem::path& path,
                       const std::string& key)
{
  const std::string text = read_text(path);
  const std::size_t line = text.rfind('\n', text.size() - 2);
  const std::size_t at =
    text.find(" " + key + "=", line == std::string::npos ? 0 : line);
  if (at == std::string::npos) {
    return {};
  }
  const std::size_t start = at + key.size() + 2;
  return text.substr(start, text.find_first_of(" \n", start) - start);
}

} // namespace

TEST_SUITE("cli log")
{
  TEST_CASE("a journal without a final newline: log add keeps both entries")
  {
    Journal journal;
    {
      std::ofstream(journal.path)
        << "2026-11-19T08:00:00+00:00 routine=neck status=manual actual_s=60";
    }
    REQUIRE(
      journal.run({"log", "add", "neck", "--at", "2026-11-20T08:30"}).status ==
      0);
    const auto listed = journal.run({"log", "--json"});
    CHECK(listed.status == 0);
    CHECK(listed.err.empty());
    CHECK(nlohmann::json::parse(listed.out).size() == 2);
  }

  TEST_CASE("log add to a full output says the entry was written")
  {
    Journal journal;
    auto result = knotrelief::test::run_process(
      {"/bin/sh",
       "-c",
       "exec \"$0\" --journal \"$1\" log add neck > /dev/full",
       KNOTRELIEF_BINARY,
       journal.path.string()});
    CHECK(result.status == 1);
    CHECK(result.err.find("logged to " + journal.path.string() +
                          ", but cannot write output") != std::string::npos);
    CHECK(result.err.find("do not log it again") != std::string::npos);
    // Said once, not a second time by the generic check.
    CHECK(result.err.find("error:") == result.err.rfind("error:"));
    CHECK(read_text(journal.path).find("routine=neck") != std::string::npos);
  }

  TEST_CASE("--note - takes a note at the limit followed by its newline")
  {
    Journal journal;
    auto result = knotrelief::test::run_knotrelief(
      {"--journal", journal.path.string(), "log", "add", "neck", "--note", "-"},
      {.input = std::string(16 * 1024, 'x') + "\n"});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    auto longer = knotrelief::test::run_knotrelief(
      {"--journal", journal.path.string(), "log", "add", "neck", "--note", "-"},
      {.input = std::string(16 * 1024 + 1, 'x') + "\n"});
    CHECK(longer.status == 2);
  }

  TEST_CASE("a journal at the file-size limit: exit 1 and the line printed, "
            "not a death by SIGXFSZ")
  {
    Journal journal;
    const std::string line =
      "2026-11-19T08:00:00+00:00 routine=neck status=manual actual_s=60\n";
    std::string content;
    while (content.size() + line.size() <= 7 * 1024) {
      content += line;
    }
    content += "#" + std::string(7 * 1024 - content.size() - 2, '-') + "\n";
    REQUIRE(content.size() == 7 * 1024);
    {
      std::ofstream(journal.path) << content;
    }
    std::filesystem::permissions(journal.path,
                                 std::filesystem::perms::owner_read |
                                   std::filesystem::perms::owner_write);
    auto result = knotrelief::test::run_process(
      {"/bin/bash",
       "-c",
       "ulimit -f 7; exec \"$0\" --journal \"$1\" log add neck",
       KNOTRELIEF_BINARY,
       journal.path.string()});
    CHECK(result.status == 1);
    CHECK(result.err.find("this is the journal line, to keep by hand") !=
          std::string::npos);
    CHECK(result.out.find(" routine=neck area=neck status=manual") !=
          std::string::npos);
    CHECK(read_text(journal.path) == content);
  }

  TEST_CASE("numbers are decimal: 010 is ten, 08 is eight")
  {
    Journal journal;
    REQUIRE(journal
              .run({"log",
                    "add",
                    "neck",
                    "--pain-before",
                    "010",
                    "--pain-after",
                    "08",
                    "--minutes",
                    "010"})
              .status == 0);
    CHECK(last_field(journal.path, "pain_before") == "10");
    CHECK(last_field(journal.path, "pain_after") == "8");
    CHECK(last_field(journal.path, "actual_s") == "600");
    const auto listed = journal.run({"log", "--json", "--limit", "01"});
    CHECK(listed.status == 0);
    CHECK(nlohmann::json::parse(listed.out).size() == 1);
    const auto octal =
      journal.run({"log", "add", "neck", "--pain-before", "011"});
    CHECK(octal.status == 2);
    CHECK(octal.err.find("must be a whole number from 0 to 10, not '011'") !=
          std::string::npos);
  }

  TEST_CASE("--at refuses a negative field, a leading space and a time in a "
            "DST gap")
  {
    Journal journal;
    for (const char* bad : {"2026-11-21T08:30:-1",
                            " 2026-11-21T08:30",
                            "2026-11-21T08:30 ",
                            "2026-11-21T8:30",
                            "+8:30",
                            "2026-11-21T08:30:5"}) {
      CAPTURE(bad);
      const auto result = journal.run({"log", "add", "neck", "--at", bad});
      CHECK(result.status == 2);
      CHECK(result.err.find("--at: bad time") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(journal.path));
    const auto in_berlin = [&](const char* at) {
      return run_knotrelief(
        {"--journal", journal.path.string(), "log", "add", "neck", "--at", at},
        {.env = {{"TZ", "Europe/Berlin"}}});
    };
    const auto gap = in_berlin("2026-03-29T02:30");
    CHECK(gap.status == 2);
    CHECK(gap.err.find("'2026-03-29T02:30' does not exist in local time: the "
                       "clocks went forward from 02:00 to 03:00") !=
          std::string::npos);
    const auto fine = in_berlin("2026-03-29T03:30:07");
    CHECK(fine.status == 0);
    CHECK(read_text(journal.path).starts_with("2026-03-29T03:30:07+02:00 "));
  }

  TEST_CASE("--note: the longest note the journal holds, one byte more is a "
            "usage error, and - reads it from stdin")
  {
    Journal journal;
    const std::string longest(16 * 1024, 'n');
    REQUIRE(journal.run({"log", "add", "neck", "--note", longest}).status == 0);
    CHECK(last_field(journal.path, "note") == longest);
    const auto too_long =
      journal.run({"log", "add", "neck", "--note", longest + "n"});
    CHECK(too_long.status == 2);
    CHECK(too_long.err.find("more than the limit of 16384 bytes") !=
          std::string::npos);
    const auto from_stdin = run_knotrelief(
      {"--journal", journal.path.string(), "log", "add", "neck", "--note", "-"},
      {.input = "typed, not in ps\n"});
    CHECK(from_stdin.status == 0);
    CHECK(read_text(journal.path).find("note=\"typed, not in ps\"\n") !=
          std::string::npos);
  }

  TEST_CASE("a journal of another user, or a symlink into their folder, is "
            "refused, and a readable one is made private")
  {
    // The tests may run as root: another user is nobody (65534).
    Journal journal;
    const auto theirs = journal.dir.path() / "theirs";
    std::filesystem::create_directory(theirs);
    const auto target = journal.dir.write("theirs/journal.txt", "");
    const auto link = journal.dir.path() / "link.txt";
    std::filesystem::create_symlink(target, link);
    if (::geteuid() == 0) {
      REQUIRE(::chown(theirs.c_str(), 65534, 65534) == 0);
    }
    auto result =
      run_knotrelief({"--journal", link.string(), "log", "add", "neck"});
    if (::geteuid() == 0) {
      CHECK(result.status == 1);
      CHECK(result.err.find("a folder that belongs to another user") !=
            std::string::npos);
      CHECK(read_text(target).empty());
      REQUIRE(::chown(target.c_str(), 65534, 65534) == 0);
      result =
        run_knotrelief({"--journal", target.string(), "log", "add", "neck"});
      CHECK(result.status == 1);
      CHECK(result.err.find("belongs to another user (uid 65534)") !=
            std::string::npos);
      CHECK(read_text(target).empty());
    }
    journal.dir.write("journal.txt", "");
    REQUIRE(::chmod(journal.path.c_str(), 0666) == 0);
    REQUIRE(journal.run({"log", "add", "neck"}).status == 0);
    struct stat info
    {};
    ::stat(journal.path.c_str(), &info);
    CHECK((info.st_mode & 0777) == 0600);
  }
}

TEST_SUITE("cli log")
{
  TEST_CASE("log stats: trend verdicts, techniques and the soreness chart")
  {
    Journal journal;
    std::string content;
    // neck: 6, 6, 6 then 4, 4, 3 before; each session eased it by 2.
    for (auto [days_ago, before] : std::vector<std::pair<int, int>>{
           {50, 6}, {45, 6}, {40, 6}, {20, 4}, {10, 4}, {5, 3}}) {
      content += line_days_ago(
        days_ago,
        fmt::format("routine=neck area=neck status=completed actual_s=300 "
                    "pain_before={} pain_after={}",
                    before,
                    before - 2));
    }
    // back: three sessions, each a point worse after.
    for (int days_ago : {3, 2, 1}) {
      content += line_days_ago(days_ago,
                               "routine=back area=back status=completed "
                               "actual_s=300 pain_before=5 pain_after=6");
    }
    journal.dir.write("journal.txt", content);
    auto result = journal.run({"log", "stats"});
    REQUIRE(result.status == 0);
    const std::string& out = result.out;
    CHECK(
      out.find("AREA  SCORED  BASELINE  RECENT  VERDICT\n"
               "back  3       5.0       5.0     too few sessions\n"
               "neck  6       6.0       3.7     meaningful improvement\n") !=
      std::string::npos);
    CHECK(out.find("the usual minimal clinically important difference on the "
                   "0-10 scale. Under 6 scored sessions is too few to tell.") !=
          std::string::npos);
    CHECK(out.find("TECHNIQUE                  SCORED  PAIN CHANGE\n"
                   "ball-release               3       +1.0\n"
                   "foam-roller-release        3       +1.0\n"
                   "stretch-and-release        6       -2.0\n"
                   "trigger-point-compression  6       -2.0\n") !=
          std::string::npos);
    CHECK(out.find("neck     6         30       6       -2.0") !=
          std::string::npos);
    // Blocks as high as the mean: 6 is the fifth of eight, 4 the fourth, 3
    // the third; a week without scores is blank.
    CHECK(out.find("  neck  \u2585\u2585\u2585  \u2584\u2584\u2583  6.0 6.0 "
                   "6.0 - - 4.0 4.0 3.0\n") != std::string::npos);
    CHECK(out.find("  back         \u2585  - - - - - - - 5.0\n") !=
          std::string::npos);
    // Without UTF-8, characters of "_.-=+*#@" from low to high.
    auto ascii =
      run_knotrelief({"--journal", journal.path.string(), "log", "stats"},
                     {.env = {{"TZ", "UTC"}, {"LANG", "C"}, {"LC_ALL", "C"}}});
    CHECK(ascii.out.find("  neck  +++  ==-  6.0 6.0 6.0 - - 4.0 4.0 3.0\n") !=
          std::string::npos);
    auto json =
      nlohmann::json::parse(journal.run({"log", "stats", "--json"}).out);
    CHECK(json["trends"]["neck"]["verdict"] == "meaningful improvement");
    CHECK(json["trends"]["neck"]["scored_sessions"] == 6);
    CHECK(json["trends"]["neck"]["baseline"] == 6.0);
    CHECK(json["trends"]["neck"]["meaningful_change"] == doctest::Approx(1.8));
    CHECK(json["trends"]["back"]["verdict"] == "too few sessions");
    CHECK(json["by_technique"]["ball-release"]["scored_sessions"] == 3);
    CHECK(json["by_technique"]["trigger-point-compression"]
              ["average_pain_change"] == -2.0);
    CHECK(json["by_routine"]["neck"]["scored_sessions"] == 6);
    const auto& weeks = json["soreness_weeks"]["neck"];
    REQUIRE(weeks.size() == 8);
    CHECK(weeks[0]["first_day"] == journal_date(55));
    CHECK(weeks[0]["mean_pain_before"] == 6.0);
    CHECK(weeks[3]["mean_pain_before"].is_null());
    CHECK(weeks[7]["mean_pain_before"] == 3.0);
    CHECK(weeks[7]["scored_sessions"] == 1);
  }

  TEST_CASE("log stats: how often each side was the tighter one, per area")
  {
    Journal journal;
    std::string content;
    for (auto [days_ago, fields] : std::vector<std::pair<int, std::string>>{
           {9, "routine=neck area=neck tighter=left"},
           {7, "routine=neck area=neck tighter=right"},
           {5, "routine=neck area=neck tighter=right"},
           {4, "routine=neck,back area=neck,back tighter=same"},
           {3, "routine=neck area=neck"},
           {2, "routine=neck area=neck status=failed tighter=left"}}) {
      content +=
        line_days_ago(days_ago,
                      fields + (fields.find("status=") == std::string::npos
                                  ? " status=completed"
                                  : ""));
    }
    journal.dir.write("journal.txt", content);
    auto result = journal.run({"log", "stats"});
    REQUIRE(result.status == 0);
    CHECK(result.out.find("Which side felt tighter, per area:\n"
                          "AREA  LEFT  RIGHT  SAME\n"
                          "back  0     0      1\n"
                          "neck  1     2      1\n") != std::string::npos);
    auto json =
      nlohmann::json::parse(journal.run({"log", "stats", "--json"}).out);
    CHECK(json["tighter_sides"]["neck"] ==
          nlohmann::json{{"left", 1}, {"right", 2}, {"same", 1}});
    CHECK(json["tighter_sides"]["back"]["same"] == 1);
    // --since counts only the sessions since then.
    auto since = nlohmann::json::parse(
      journal.run({"log", "stats", "--since", "6d", "--json"}).out);
    CHECK(since["tighter_sides"]["neck"] ==
          nlohmann::json{{"left", 0}, {"right", 1}, {"same", 1}});
  }

  TEST_CASE("log stats over 25,000 days of 24 hours prints the right total")
  {
    Journal journal;
    {
      std::ofstream out(journal.path);
      const auto first = std::chrono::sys_days{std::chrono::year{1990} /
                                               std::chrono::January / 1};
      for (int day = 0; day < 12'500; ++day) {
        for (const char* hour : {"06", "18"}) {
          out << fmt::format("{:%Y-%m-%d}T{}:00:00+00:00 routine=neck "
                             "status=manual actual_s=86400 pain_before=0 "
                             "pain_after=10\n",
                             first + std::chrono::days(day),
                             hour);
        }
      }
    }
    const auto text = journal.run({"log", "stats"});
    CHECK(text.status == 0);
    CHECK(text.out.find("25000 sessions, 600000h00m in all.") !=
          std::string::npos);
    const auto json = journal.run({"log", "stats", "--json"});
    REQUIRE(json.status == 0);
    CHECK(json.out.find("36000000") != std::string::npos);
    CHECK(json.out.find("\"minutes\": -") == std::string::npos);
  }

  TEST_CASE("log stats: an empty journal, or none since, says so")
  {
    Journal journal;
    for (const auto& [args, said] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"log", "stats"}, "No sessions yet.\n"},
           {{"log", "stats", "--since", "3d"}, "No sessions since 3d.\n"}}) {
      auto result = journal.run(args);
      CHECK(result.status == 0);
      CHECK(result.out == said);
    }
    // No sessions: the members of a full answer, with zeros.
    const auto none =
      nlohmann::json::parse(journal.run({"log", "stats", "--json"}).out);
    CHECK(none["total"]["sessions"] == 0);
    CHECK(none["by_area"].empty());
    CHECK(none["current_streak_days"] == 0);
    CHECK(none.contains("soreness_map"));
    journal.dir.write("journal.txt",
                      line_days_ago(10, "routine=neck status=completed"));
    CHECK(journal.run({"log", "stats", "--since", "3d"}).out ==
          "No sessions since 3d.\n");
    auto since = journal.run({"log", "stats", "--since", "3d", "--json"});
    CHECK(since.status == 0);
    CHECK(nlohmann::json::parse(since.out)["total"]["sessions"] == 0);
  }

  TEST_CASE("log stats: numbness or tingling is counted and warned about, "
            "with painful areas in one list")
  {
    Journal journal;
    std::string content;
    for (int days_ago : {20, 10, 2}) {
      content += line_days_ago(
        days_ago, "routine=neck area=neck status=completed pain_before=5");
      content += line_days_ago(
        days_ago, "routine=back area=back status=completed pain_before=6");
    }
    content +=
      line_days_ago(4, "routine=neck area=neck status=quit tingling=yes");
    content +=
      line_days_ago(40, "routine=neck area=neck status=manual tingling=yes");
    journal.dir.write("journal.txt", content);
    auto result = journal.run({"log", "stats"});
    REQUIRE(result.status == 0);
    CHECK(result.out.find("Numbness, tingling or weakness: in 2 sessions, "
                          "last on " +
                          journal_date(4) + ".\n") != std::string::npos);
    const std::string list =
      "\nWarning: see a physiotherapist or doctor about these (pain lasting "
      "beyond two weeks, numbness or tingling):\n"
      "  - back: logged as painful for 19 days (since " +
      journal_date(20) +
      ")\n"
      "  - neck: logged as painful for 19 days (since " +
      journal_date(20) +
      ")\n"
      "  - numbness, tingling or weakness: last on " +
      journal_date(4) + "\n";
    CHECK(result.out.ends_with(list));
    auto json =
      nlohmann::json::parse(journal.run({"log", "stats", "--json"}).out);
    CHECK(json["tingling_sessions"] == 2);
    CHECK(json["last_tingling"] == journal_date(4));
    CHECK(json["red_flags"].size() == 2);
  }

  TEST_CASE("log: back-filled entries show in time order, and --limit and "
            "--since go by time, not by place in the file")
  {
    Journal journal;
    journal.dir.write("journal.txt",
                      line_days_ago(5, "routine=neck status=completed") +
                        line_days_ago(3, "routine=back status=completed") +
                        line_days_ago(1, "routine=calves status=completed"));
    // Added afterwards with --at: one long ago, one between the others.
    for (int days_ago : {9, 2}) {
      REQUIRE(
        journal.run({"log", "add", "glutes", "--at", journal_date(days_ago)})
          .status == 0);
    }
    const auto order = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {"log", "--json"});
      auto result = journal.run(args);
      REQUIRE(result.status == 0);
      std::vector<std::string> routines;
      for (const auto& entry : nlohmann::json::parse(result.out)) {
        routines.push_back(entry["routines"][0]);
      }
      return routines;
    };
    CHECK(order({}) == std::vector<std::string>{
                         "glutes", "neck", "back", "glutes", "calves"});
    CHECK(order({"--limit", "2"}) ==
          std::vector<std::string>{"glutes", "calves"});
    CHECK(order({"--since", "4d"}) ==
          std::vector<std::string>{"back", "glutes", "calves"});
    CHECK(order({"--since", "4d", "--routine", "glutes"}) ==
          std::vector<std::string>{"glutes"});
    auto table = journal.run({"log"});
    CHECK(table.out.find(journal_date(9)) < table.out.find(journal_date(5)));
    CHECK(table.out.find(journal_date(2)) < table.out.find(journal_date(1)));
  }
}
