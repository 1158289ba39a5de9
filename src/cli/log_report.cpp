// `knotrelief log report`: one page about the journal for a physiotherapist
// or doctor, as HTML, Markdown or text (src/report/ builds and renders it;
// this is the wiring).

#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/output_file.hpp"
#include "cli/today.hpp"
#include "cli/validators.hpp"
#include "report/model.hpp"
#include "report/render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <unistd.h>

namespace knotrelief::cli {

CLI::App* add_log_report_command(CLI::App& log, LogReportOptions& options)
{
  CLI::App* command =
    log.add_subcommand(log_report_summary.name, log_report_summary.description);
  command->add_option("--format", options.format, "html (default), md or text")
    ->type_name("html|md|text")
    ->check(one_of({"html", "md", "text"}));
  add_since_and_output_options(*command, options.since, options.output);
  return command;
}

namespace {

// "Now" for --since: the real time, or noon of KNOTRELIEF_TODAY when the
// tests set it, so that a fixture gives the same report on any day.
std::chrono::system_clock::time_point report_now(const Context& context,
                                                 int today)
{
  if (!context.env()("KNOTRELIEF_TODAY")) {
    return std::chrono::system_clock::now();
  }
  return std::chrono::sys_days(std::chrono::days(today)) +
         std::chrono::hours(12);
}

// Writes `page` to `out`. HTML bound for a terminal goes through the
// sanitising path a line at a time (a note's bidi control or invalid UTF-8
// stays harmless); text and Markdown already show user text through it.
void write_page(std::FILE* out, const std::string& page, bool html)
{
  if (!html || ::isatty(::fileno(out)) != 1) {
    std::fwrite(page.data(), 1, page.size(), out);
    return;
  }
  std::size_t start = 0;
  while (start < page.size()) {
    const std::size_t end = std::min(page.find('\n', start), page.size());
    safe_print(out, "{}\n", std::string_view(page).substr(start, end - start));
    start = end + 1;
  }
}

} // namespace

ExitStatus command_log_report(Context& context, const LogReportOptions& options)
{
  const auto format = report::parse_format(options.format);
  if (!format) {
    throw UsageError(
      fmt::format("--format {}: use html, md or text", options.format));
  }
  const int today = coach_today(context);
  auto cutoff = since_cutoff(options.since, report_now(context, today));
  // The page counts whole days: "since 2026-12-03" holds all of that day,
  // so a cutoff within a day (--since 1d) moves back to its midnight.
  std::optional<int> since_day;
  if (cutoff) {
    const int offset = journal::local_utc_offset_minutes(*cutoff);
    since_day = journal::local_day(*cutoff, offset);
    cutoff = std::chrono::sys_days(std::chrono::days(*since_day)) -
             std::chrono::minutes(offset);
  }
  const auto path = journal_file(context);
  refuse_the_journal(context, options.output, path);
  report::ReportBuilder builder(today, context.library().routines());
  const bool malformed = read_journal_since(
    context, path, cutoff, [&](const auto& entry) { builder.add(entry); });
  OutputFile output(context, options.output);
  const std::string page = report::render(
    builder.finish(since_day), *format, context.output_is_unicode());
  write_page(output.file(), page, *format == report::Format::html);
  output.commit();
  return malformed ? ExitStatus::failure : ExitStatus::success;
}

} // namespace knotrelief::cli
