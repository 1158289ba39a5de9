// The report as one self-contained HTML page: inline CSS (with print rules)
// and an SVG chart, no script and nothing fetched. Every piece of text goes
// through escape_html(), the program's own words too.

#include "journal/time.hpp"
#include "report/chart.hpp"
#include "report/render.hpp"
#include "report/words.hpp"

#include <fmt/format.h>

#include <iterator>

namespace knotrelief::report {

namespace {

using journal::iso_date;

constexpr std::string_view style = R"(
body { font: 11pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #111;
  background: #fff; margin: 0 auto; max-width: 50rem; padding: 1.5rem; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #777; margin: 1.4em 0 .5em;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1em; margin: 1em 0 .3em; break-after: avoid;
  page-break-after: avoid; }
table { border-collapse: collapse; margin: .5em 0 1em; break-inside: avoid;
  page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: .2em 0; }
th, td { border: 1px solid #999; padding: .2em .5em; text-align: left;
  vertical-align: top; }
thead th { background: #eee; }
.warn { border-left: 4px solid #b00020; padding: .2em .8em .2em 2em; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; }
figure { margin: .5em 0; break-inside: avoid; page-break-inside: avoid; }
svg { width: 100%; max-width: 40rem; height: auto; }
svg text { font-size: 12px; fill: #111; }
footer { margin-top: 2em; font-size: .85em; color: #444; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .routines { break-before: page; page-break-before: always; }
}
)";

class Page
{
public:
  template <typename... Args>
  void raw(fmt::format_string<Args...> format, Args&&... args)
  {
    fmt::format_to(
      std::back_inserter(m_out), format, std::forward<Args>(args)...);
  }
  // An element holding escaped text: <tag attributes>text</tag>.
  void element(std::string_view tag,
               std::string_view text,
               std::string_view attributes = "")
  {
    raw("<{}{}{}>{}</{}>\n",
        tag,
        attributes.empty() ? "" : " ",
        attributes,
        escape_html(text),
        tag);
  }
  void table(std::string_view caption,
             const Row& header,
             const std::vector<Row>& rows);
  template <typename Item>
  void list(const Listed<Item>& list, std::string (*text)(const Item&));
  std::string take() { return std::move(m_out); }

private:
  std::string m_out;
};

// The first cell of each row heads it.
void Page::table(std::string_view caption,
                 const Row& header,
                 const std::vector<Row>& rows)
{
  raw("<table>\n");
  element("caption", caption);
  raw("<thead><tr>");
  for (const auto& cell : header) {
    raw("<th scope=\"col\">{}</th>", escape_html(cell));
  }
  raw("</tr></thead>\n<tbody>\n");
  for (const Row& row : rows) {
    raw("<tr>");
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == 0) {
        raw("<th scope=\"row\">{}</th>", escape_html(row[i]));
      } else {
        raw("<td>{}</td>", escape_html(row[i]));
      }
    }
    raw("</tr>\n");
  }
  raw("</tbody>\n</table>\n");
}

template <typename Item>
void Page::list(const Listed<Item>& list, std::string (*text)(const Item&))
{
  if (list.items.empty()) {
    element("p", "None.");
    return;
  }
  raw("<ul>\n");
  for (const Item& item : list.items) {
    element("li", text(item));
  }
  if (list.left_out() > 0) {
    element("li", left_out_text(list.left_out()));
  }
  raw("</ul>\n");
}

void section_start(Page& page, std::string_view id, std::string_view heading)
{
  page.raw("<section aria-labelledby=\"{0}\">\n<h2 id=\"{0}\">{1}</h2>\n",
           id,
           escape_html(heading));
}

void warnings(Page& page, const Report& report)
{
  section_start(page, "warnings", warnings_heading);
  if (report.see_a_professional.empty()) {
    page.element("p", no_warnings_text);
  } else {
    page.raw("<ul class=\"warn\">\n");
    for (const auto& reason : report.see_a_professional) {
      page.element("li", reason);
    }
    page.raw("</ul>\n");
  }
  page.element("h3", tingling_heading);
  page.list(report.tingling, &event_text);
  page.element("h3", flares_heading);
  page.list(report.flares, &event_text);
  page.raw("</section>\n");
}

void weeks_and_soreness(Page& page, const Report& report)
{
  section_start(page, "weeks", weeks_heading);
  page.table(weeks_caption, weeks_header(), weeks_rows(report));
  page.element("p", report.advice);
  page.raw("</section>\n");
  section_start(page, "soreness", soreness_heading);
  page.raw("<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n",
           soreness_chart_svg(report),
           escape_html(chart_caption));
  page.table(soreness_caption, soreness_header(report), soreness_rows(report));
  page.raw("</section>\n");
}

void verdicts(Page& page, const Report& report)
{
  section_start(page, "verdicts", verdicts_heading);
  page.table("Per area: soreness before sessions",
             area_verdicts_header(),
             area_verdicts_rows(report));
  page.table("Per routine: change of soreness during sessions",
             routine_verdicts_header(),
             routine_verdicts_rows(report));
  page.element("p", verdict_legend());
  page.raw("</section>\n");
  section_start(page, "sides", tighter_heading);
  page.table(tighter_caption, tighter_header(), tighter_rows(report));
  page.raw("</section>\n");
}

void notes(Page& page, const Report& report)
{
  section_start(page, "notes", notes_heading);
  if (report.notes.items.empty()) {
    page.element("p", "None.");
  } else {
    page.raw("<table>\n");
    page.element("caption", notes_caption);
    page.raw(
      "<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">"
      "Routines</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
    for (const Note& note : report.notes.items) {
      page.raw("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"note\">{}"
               "</td></tr>\n",
               escape_html(iso_date(note.day)),
               escape_html(fmt::format("{}", fmt::join(note.routines, ", "))),
               escape_html(note.text));
    }
    page.raw("</tbody>\n</table>\n");
  }
  if (report.notes.left_out() > 0) {
    page.element("p", left_out_text(report.notes.left_out()));
  }
  page.raw("</section>\n");
}

void routines_done(Page& page, const Report& report)
{
  page.raw("<section class=\"routines\" aria-labelledby=\"routines\">\n"
           "<h2 id=\"routines\">{}</h2>\n",
           escape_html(routines_heading));
  for (const RoutineRow& routine : report.routines) {
    page.element("h3",
                 fmt::format("{}: {}",
                             routine_heading(routine),
                             sessions_count(routine.sessions)));
    if (routine.steps.empty()) {
      page.element("p", unknown_steps_text);
      continue;
    }
    page.raw("<ol>\n");
    for (const auto& step : routine.steps) {
      page.element("li", step);
    }
    page.raw("</ol>\n");
  }
  page.raw("</section>\n");
}

} // namespace

std::string render_html(const Report& report)
{
  Page page;
  page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
           "charset=\"utf-8\">\n<meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\">\n");
  page.element("title",
               fmt::format("{}, {}", report_title, date_range(report)));
  page.raw("<style>{}</style>\n</head>\n<body>\n<header>\n", style);
  page.element("h1", report_title);
  page.element("p", name_line);
  page.element("p", period_line(report));
  page.raw("</header>\n<main>\n");
  page.element("p", report.empty() ? empty_text(report) : totals_line(report));
  if (!report.empty()) {
    warnings(page, report);
    weeks_and_soreness(page, report);
    verdicts(page, report);
    notes(page, report);
    routines_done(page, report);
  }
  page.raw("</main>\n<footer>\n");
  page.element("p",
               fmt::format("Made by knotrelief log report on {}.",
                           iso_date(report.today)));
  page.raw("</footer>\n</body>\n</html>\n");
  return page.take();
}

} // namespace knotrelief::report
