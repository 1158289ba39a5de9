#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

const std::string fixture = KNOTRELIEF_TEST_DATA "/journals/report.txt";

knotrelief::test::ProcessResult report(const std::string& journal,
                                       std::vector<std::string> args)
{
  args.insert(args.begin(), {"--journal", journal, "log", "report"});
  return run_knotrelief(
    args, {.env = {{"TZ", "UTC"}, {"KNOTRELIEF_TODAY", "2026-11-23"}}});
}

bool has(const std::string& text, std::string_view part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("cli log report")
{
  TEST_CASE("HTML by default, Markdown and text: the same facts")
  {
    for (const std::string format : {"html", "md", "text"}) {
      CAPTURE(format);
      const auto result = report(fixture, {"--format", format});
      REQUIRE(result.status == 0);
      CHECK(result.err.empty());
      for (const std::string_view fact :
           {"17 sessions",
            "2026-10-26 to 2026-11-22",
            "meaningful improvement",
            "right (7 of 9 answers)",
            "2026-11-12: back",
            "2026-11-05: back (soreness 3 before, 6 after)",
            "back: logged as painful for",
            "Last 4 weeks: 4.0 sessions a week.",
            "Stiff after a long drive"}) {
        CHECK_MESSAGE(has(result.out, fact), fact);
      }
    }
    const std::string html = report(fixture, {}).out;
    CHECK(has(html, "<!DOCTYPE html>"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "<img"));
  }

  TEST_CASE("--since: only the sessions from that day")
  {
    const auto result =
      report(fixture, {"--format", "text", "--since", "2026-11-10"});
    REQUIRE(result.status == 0);
    CHECK(has(result.out, "8 sessions"));
    CHECK(has(result.out, "Sessions since 2026-11-10"));
    CHECK_FALSE(has(result.out, "2026-11-05: back"));
    const auto weeks = report(fixture, {"--format", "text", "--since", "1w"});
    CHECK(has(weeks.out, "Sessions since 2026-11-16"));
  }

  TEST_CASE("--since 1d: the whole of the day the header names")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    std::ofstream(journal)
      << "2026-11-21T08:00:00+00:00 routine=neck area=neck status=completed\n"
         "2026-11-22T08:00:00+00:00 routine=neck area=neck status=completed\n"
         "2026-11-23T08:00:00+00:00 routine=neck area=neck status=completed\n";
    // "Now" is noon of 2026-11-23: a day back is noon of the 22nd, and the
    // page holds all of the 22nd.
    const auto result =
      report(journal.string(), {"--format", "text", "--since", "1d"});
    REQUIRE(result.status == 0);
    CHECK(has(result.out, "Sessions since 2026-11-22"));
    CHECK(has(result.out, "2 sessions"));
  }

  TEST_CASE("-o: the file written whole, nothing on stdout")
  {
    TempDir dir;
    const auto file = dir.path() / "report.html";
    const auto result = report(fixture, {"-o", file.string()});
    REQUIRE(result.status == 0);
    CHECK(result.out.empty());
    CHECK(read_text(file) == report(fixture, {}).out);
  }

  TEST_CASE("errors: bad --format, bad --since, -o the journal, -o unwritable")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    std::filesystem::copy_file(fixture, journal);
    const std::string before = read_text(journal);

    const auto format = report(journal.string(), {"--format", "pdf"});
    CHECK(format.status == 2);
    CHECK(has(format.err, "--format"));

    const auto since = report(journal.string(), {"--since", "yesterday-ish"});
    CHECK(since.status == 2);
    CHECK(has(since.err, "--since"));

    const auto over = report(journal.string(), {"-o", journal.string()});
    CHECK(over.status == 2);
    CHECK(has(over.err, "is the journal itself"));
    CHECK(read_text(journal) == before);

    const auto denied = report(
      journal.string(), {"-o", (dir.path() / "no/such/dir.html").string()});
    CHECK(denied.status == 1);
    CHECK(has(denied.err, "cannot write "));
    CHECK(has(denied.err, "dir.html: No such file or directory"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "no"));
  }

  TEST_CASE("an empty or missing journal: a page that says there is nothing")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    std::ofstream(journal) << "";
    for (const std::string format : {"html", "md", "text"}) {
      const auto result = report(journal.string(), {"--format", format});
      CHECK(result.status == 0);
      CHECK(has(result.out, "No sessions in the journal yet."));
    }
    const auto since =
      report(fixture, {"--format", "text", "--since", "2026-11-23"});
    CHECK(has(since.out, "No sessions since 2026-11-23."));
  }

  TEST_CASE("on a terminal-bound pipe, text keeps user text on its line")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    std::ofstream(journal)
      << "2026-11-20T08:00:00+00:00 routine=neck area=neck status=manual "
         "note=\"one\\n# two [x](y)\"\n";
    const auto text = report(journal.string(), {"--format", "text"});
    CHECK(has(text.out, "one\\n# two"));
    const auto md = report(journal.string(), {"--format", "md"});
    CHECK(has(md.out, "one\\\\n\\# two \\[x\\](y)"));
    CHECK_FALSE(has(md.out, "\n# two"));
  }
}
