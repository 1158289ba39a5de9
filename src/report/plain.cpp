// The report as plain text or Markdown: the same sections through a writer
// for each. Text: every line through text::printable() (tables through
// text::Table, which does the same per cell). Markdown: user text through
// escape_markdown(). Either way user text cannot drive a terminal or start
// a line (or a heading, a link, HTML) of its own.

#include "journal/time.hpp"
#include "report/render.hpp"
#include "report/words.hpp"
#include "util/table.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace knotrelief::report {

namespace {

class Writer
{
public:
  Writer() = default;
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  virtual ~Writer() = default;

  virtual void title(std::string_view text) = 0;
  virtual void heading(std::string_view text) = 0;
  virtual void subheading(std::string_view text) = 0;
  virtual void line(std::string_view text) = 0;
  virtual void item(std::string_view text) = 0;
  virtual void numbered(std::size_t number, std::string_view text) = 0;
  virtual void table(const Row& header, const std::vector<Row>& rows) = 0;
  std::string take() { return std::move(m_out); }

protected:
  std::string m_out;
};

class TextWriter final : public Writer
{
public:
  static constexpr std::size_t text_width = 78;

  explicit TextWriter(bool unicode)
    : m_unicode(unicode)
  {}
  void title(std::string_view text) override
  {
    line(text);
    line(std::string(text.size(), '='));
  }
  void heading(std::string_view text) override
  {
    if (!m_out.ends_with("\n\n")) {
      m_out += '\n';
    }
    line(text);
    line(std::string(text.size(), '-'));
  }
  void subheading(std::string_view text) override { line(text); }
  // Wrapped to text_width columns; an empty line stays.
  void line(std::string_view text) override
  {
    const auto lines = text::wrap(text::printable(text), text_width);
    for (const auto& wrapped : lines) {
      m_out += wrapped + "\n";
    }
    if (lines.empty()) {
      m_out += "\n";
    }
  }
  void item(std::string_view text) override
  {
    m_out += "  - " + text::printable(text) + "\n";
  }
  void numbered(std::size_t number, std::string_view text) override
  {
    line(fmt::format("  {}. {}", number, text));
  }
  void table(const Row& header, const std::vector<Row>& rows) override
  {
    text::Table table(header);
    for (const Row& row : rows) {
      table.add_row(row);
    }
    for (const auto& rendered : table.render(0, m_unicode)) {
      m_out += "  " + rendered + "\n";
    }
    m_out += "\n";
  }

private:
  bool m_unicode;
};

class MarkdownWriter final : public Writer
{
public:
  void title(std::string_view text) override
  {
    m_out += fmt::format("# {}\n\n", escape_markdown(text));
  }
  void heading(std::string_view text) override
  {
    m_out += fmt::format("{}## {}\n\n",
                         m_out.ends_with("\n\n") ? "" : "\n",
                         escape_markdown(text));
  }
  void subheading(std::string_view text) override
  {
    m_out += fmt::format("{}### {}\n\n",
                         m_out.ends_with("\n\n") ? "" : "\n",
                         escape_markdown(text));
  }
  void line(std::string_view text) override
  {
    // A paragraph after a list needs a blank line, or it continues the
    // list's last item.
    if (!text.empty()) {
      m_out += fmt::format("{}{}\n\n",
                           m_out.empty() || m_out.ends_with("\n\n") ? "" : "\n",
                           escape_markdown(text));
    }
  }
  void item(std::string_view text) override
  {
    m_out += fmt::format("- {}\n", escape_markdown(text));
  }
  void numbered(std::size_t number, std::string_view text) override
  {
    m_out += fmt::format("{}. {}\n", number, escape_markdown(text));
  }
  void table(const Row& header, const std::vector<Row>& rows) override
  {
    if (!m_out.ends_with("\n\n")) {
      m_out += "\n";
    }
    cells(header);
    m_out += "|";
    for (std::size_t i = 0; i < header.size(); ++i) {
      m_out += " --- |";
    }
    m_out += "\n";
    for (const Row& row : rows) {
      cells(row);
    }
    m_out += "\n";
  }

private:
  void cells(const Row& row)
  {
    m_out += "|";
    for (const auto& cell : row) {
      m_out += fmt::format(" {} |", escape_markdown(cell));
    }
    m_out += "\n";
  }
};

template <typename Item>
void listed(Writer& out,
            const Listed<Item>& list,
            std::string (*text)(const Item&))
{
  if (list.items.empty()) {
    out.item("none");
  }
  for (const Item& item : list.items) {
    out.item(text(item));
  }
  if (list.left_out() > 0) {
    out.item(left_out_text(list.left_out()));
  }
}

void warnings(Writer& out, const Report& report)
{
  out.heading(warnings_heading);
  if (report.see_a_professional.empty()) {
    out.line(no_warnings_text);
  }
  for (const auto& reason : report.see_a_professional) {
    out.item(reason);
  }
  out.heading(tingling_heading);
  listed(out, report.tingling, &event_text);
  out.heading(flares_heading);
  listed(out, report.flares, &event_text);
}

void weeks_and_soreness(Writer& out, const Report& report)
{
  out.heading(weeks_heading);
  out.table(weeks_header(), weeks_rows(report));
  out.line(report.advice);
  out.heading(soreness_heading);
  out.table(soreness_header(report), soreness_rows(report));
}

void verdicts(Writer& out, const Report& report)
{
  out.heading(verdicts_heading);
  out.table(area_verdicts_header(), area_verdicts_rows(report));
  out.table(routine_verdicts_header(), routine_verdicts_rows(report));
  out.line(verdict_legend());
  out.heading(tighter_heading);
  out.table(tighter_header(), tighter_rows(report));
}

void routines_done(Writer& out, const Report& report)
{
  out.heading(routines_heading);
  for (const RoutineRow& routine : report.routines) {
    out.subheading(fmt::format(
      "{}: {}", routine_heading(routine), sessions_count(routine.sessions)));
    if (routine.steps.empty()) {
      out.item(unknown_steps_text);
    }
    for (std::size_t i = 0; i < routine.steps.size(); ++i) {
      out.numbered(i + 1, routine.steps[i]);
    }
  }
}

std::string write(Writer& out, const Report& report)
{
  out.title(report_title);
  out.line(name_line);
  out.line(period_line(report));
  if (report.empty()) {
    out.line(empty_text(report));
    return out.take();
  }
  out.line(totals_line(report));
  warnings(out, report);
  weeks_and_soreness(out, report);
  verdicts(out, report);
  out.heading(notes_heading);
  listed(out, report.notes, &note_text);
  routines_done(out, report);
  return out.take();
}

} // namespace

std::string render_text(const Report& report, bool unicode)
{
  TextWriter out(unicode);
  return write(out, report);
}

std::string render_markdown(const Report& report)
{
  MarkdownWriter out;
  return write(out, report);
}

} // namespace knotrelief::report
