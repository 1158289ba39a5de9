#include "journal/parse.hpp"
#include "journal/time.hpp"
#include "report/chart.hpp"
#include "report/model.hpp"
#include "report/render.hpp"
#include "routine/builtin.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace knotrelief;

namespace {

// 2026-11-23, the "today" of tests/data/journals/report.txt.
const int today = journal::days_from_civil(2026, 11, 23);

std::vector<journal::Entry> fixture_entries()
{
  std::ifstream file(KNOTRELIEF_TEST_DATA "/journals/report.txt");
  std::vector<journal::Entry> entries;
  std::string line;
  while (std::getline(file, line)) {
    if (journal::is_comment(line)) {
      continue;
    }
    auto entry = journal::parse_entry(line);
    REQUIRE(entry.has_value());
    entries.push_back(*entry);
  }
  return entries;
}

report::Report fixture_report(std::optional<int> since_day = std::nullopt)
{
  static const auto routines = routine::builtin_routines();
  report::ReportBuilder builder(today, routines);
  for (const auto& entry : fixture_entries()) {
    if (!since_day || entry.local_day() >= *since_day) {
      builder.add(entry);
    }
  }
  return builder.finish(since_day);
}

bool has(const std::string& text, std::string_view part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_SUITE("report")
{
  TEST_CASE("the model holds the coach's figures for the fixture")
  {
    const auto report = fixture_report();
    CHECK(report.sessions == 17);
    CHECK(journal::iso_date(report.first_day) == "2026-10-26");
    CHECK(journal::iso_date(report.last_day) == "2026-11-22");
    REQUIRE(report.areas.size() == 2);
    const auto& back = report.areas[0];
    const auto& neck = report.areas[1];
    CHECK(back.area == "back");
    CHECK(back.verdict.trend == coach::Trend::no_clear_change);
    CHECK(neck.verdict.trend == coach::Trend::better);
    CHECK(neck.verdict.sessions == 9);
    CHECK(neck.tighter.right == 7);
    CHECK(neck.tighter.left == 1);
    CHECK(neck.weekly_soreness.size() == report.weeks.size());
    REQUIRE(report.routines.size() == 2);
    CHECK(report.routines[1].id == "neck");
    CHECK(report.routines[1].trend == coach::Trend::better);
    CHECK(report.routines[1].mean_change.value_or(0) == doctest::Approx(-1.2));
    CHECK_FALSE(report.routines[1].steps.empty());
    CHECK(report.routines[0].trend == coach::Trend::no_clear_change);
    REQUIRE(report.tingling.items.size() == 1);
    CHECK(journal::iso_date(report.tingling.items[0].day) == "2026-11-12");
    REQUIRE(report.flares.items.size() == 1);
    CHECK(journal::iso_date(report.flares.items[0].day) == "2026-11-05");
    REQUIRE(report.red_flags.size() == 2);
    CHECK(report.red_flags[0].area == "back");
    CHECK(report.red_flags[1].area == "neck");
    CHECK(report.see_a_professional.size() == 3);
    CHECK(report.notes.total == 3);
  }

  TEST_CASE("weeks: only those of the period, the last ending today")
  {
    const auto all = fixture_report();
    CHECK(all.weeks.size() == 5);
    CHECK(journal::iso_date(all.weeks.back().first_day) == "2026-11-17");
    const auto recent = fixture_report(journal::days_from_civil(2026, 11, 10));
    CHECK(recent.weeks.size() == 2);
    CHECK(recent.sessions == 8);
  }

  TEST_CASE("events and notes are kept to the latest, with the count of all")
  {
    report::ReportBuilder builder(today, {});
    auto entry = fixture_entries().front();
    for (std::size_t i = 0; i < report::listed_limit + 5; ++i) {
      entry.note = "note " + std::to_string(i);
      builder.add(entry);
    }
    const auto report = builder.finish(std::nullopt);
    CHECK(report.notes.total == report::listed_limit + 5);
    CHECK(report.notes.items.size() == report::listed_limit);
    CHECK(report.notes.left_out() == 5);
    CHECK(report.notes.items.back().text ==
          "note " + std::to_string(report::listed_limit + 4));
  }

  TEST_CASE("escape_html leaves no markup and no control character")
  {
    CHECK(report::escape_html("<script>a&b</script>\"'") ==
          "&lt;script&gt;a&amp;b&lt;/script&gt;&quot;&#39;");
    CHECK(report::escape_html("a\nb\tc\x01") == "a\nb\tc\xef\xbf\xbd");
    CHECK(report::escape_html("caf\xc3\xa9") == "caf\xc3\xa9");
  }

  TEST_CASE("escape_markdown: no heading, link, image, table cell or HTML")
  {
    CHECK(report::escape_markdown("# title") == "\\# title");
    CHECK(report::escape_markdown("[a](http://x) ![i](y)") ==
          "\\[a\\](http://x) \\!\\[i\\](y)");
    CHECK(report::escape_markdown("a | b <b>") == "a \\| b \\<b\\>");
    CHECK(report::escape_markdown("- item") == "\\- item");
    CHECK(report::escape_markdown("one\n# two") == "one\\\\n\\# two");
  }

  TEST_CASE("the three forms carry the same facts")
  {
    const auto report = fixture_report();
    for (const auto format : {report::Format::html,
                              report::Format::markdown,
                              report::Format::text}) {
      CAPTURE(static_cast<int>(format));
      const std::string page = report::render(report, format);
      CHECK(has(page, "17 sessions"));
      CHECK(has(page, "2026-10-26 to 2026-11-22"));
      CHECK(has(page, "meaningful improvement"));
      CHECK(has(page, "no clear change"));
      CHECK(has(page, "right (7 of 9 answers)"));
      CHECK(has(page, "2026-11-12: back"));
      CHECK(has(page, "2026-11-05: back (soreness 3 before, 6 after)"));
      CHECK(has(page, "back: logged as painful for"));
      CHECK(has(page, "Last 4 weeks:"));
      CHECK(has(page, "neck (Neck and upper trapezius): 9 sessions"));
    }
  }

  TEST_CASE("the hostile note: escaped in HTML and Markdown, as typed in text")
  {
    const auto report = fixture_report();
    const std::string html = report::render_html(report);
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "<img"));
    CHECK(has(report::render_markdown(report),
              "\\<script\\>alert(1)\\</script\\>\\<img src=x "
              "onerror=alert(2)\\>"));
    CHECK(has(report::render_text(report),
              "<script>alert(1)</script><img src=x onerror=alert(2)>"));
  }

  TEST_CASE("HTML: user text escaped, a chart with a title, no script")
  {
    const std::string page = report::render_html(fixture_report());
    CHECK(has(page,
              "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x "
              "onerror=alert(2)&gt;"));
    CHECK(has(page, "&quot;worse&quot; on the right; ça va – 首"));
    CHECK(has(page, "<svg "));
    CHECK(has(page, "<title>Soreness before sessions"));
    CHECK(has(page, "<desc>back: "));
    CHECK(has(page, "<th scope=\"col\">"));
    CHECK(has(page, "@media print"));
    // Nothing fetched: no link, no source, no URL in the CSS.
    CHECK_FALSE(has(page, "<link"));
    CHECK_FALSE(has(page, "src=\""));
    CHECK_FALSE(has(page, "url("));
    CHECK_FALSE(has(page, "<script"));
  }

  TEST_CASE("an empty journal gives a page that says so")
  {
    report::ReportBuilder builder(today, {});
    const auto report = builder.finish(journal::days_from_civil(2026, 11, 1));
    CHECK(report.empty());
    for (const auto format : {report::Format::html,
                              report::Format::markdown,
                              report::Format::text}) {
      CHECK(
        has(report::render(report, format), "No sessions since 2026-11-01."));
    }
  }
}

TEST_SUITE("report chart")
{
  TEST_CASE("a week without scores breaks the line, each score a dot")
  {
    report::Report report;
    report.sessions = 3;
    report.weeks = {{0, 1}, {7, 0}, {14, 2}};
    report::AreaRow area;
    area.area = "<neck>";
    area.weekly_soreness = {6.0, std::nullopt, 3.0};
    report.areas.push_back(area);
    const std::string svg = report::soreness_chart_svg(report);
    std::size_t lines = 0;
    for (auto at = svg.find("<polyline"); at != std::string::npos;
         at = svg.find("<polyline", at + 1)) {
      ++lines;
    }
    CHECK(lines == 2);
    CHECK(has(svg, "<desc>&lt;neck&gt;: 6.0, -, 3.0.</desc>"));
    CHECK(has(svg, "<title>&lt;neck&gt;: 6.0</title>"));
    CHECK_FALSE(has(svg, "<neck>"));
  }

  TEST_CASE("many areas: the picture grows to hold every legend line")
  {
    report::Report report;
    report.weeks = {{0, 1}};
    for (int i = 0; i < 30; ++i) {
      report::AreaRow area;
      area.area = fmt::format("area{}", i);
      area.weekly_soreness = {5.0};
      report.areas.push_back(area);
    }
    const std::string svg = report::soreness_chart_svg(report);
    const auto box = svg.find("viewBox=\"0 0 640 ");
    REQUIRE(box != std::string::npos);
    const int view_height = std::stoi(svg.substr(box + 17));
    // The last legend text's baseline, inside the picture.
    const auto last = svg.rfind("<text x=\"532\" y=\"");
    REQUIRE(last != std::string::npos);
    CHECK(std::stoi(svg.substr(last + 17)) <= view_height);
    CHECK(has(svg, ">area29</text>"));
  }

  TEST_CASE("steps: technique, hold or count, and sides")
  {
    routine::Step step;
    step.name = "Press";
    step.technique = "ball-release";
    step.hold = routine::DurationRange{30, 60};
    step.sides = routine::Sides::both;
    CHECK(report::step_text(step) == "Press (ball-release, 30-60s, each side)");
    step.hold.reset();
    step.count = 10;
    step.technique.clear();
    step.sides = routine::Sides::left;
    CHECK(report::step_text(step) == "Press (10 times, left side)");
  }
}
