#include "cli/commands.hpp"
#include "cli/journal_json.hpp"
#include "cli/journal_support.hpp"
#include "cli/json.hpp"
#include "cli/validators.hpp"
#include "journal/writer.hpp"
#include "routine/duration.hpp"
#include "session/timeline.hpp"
#include "util/table.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <optional>
#include <string_view>

namespace knotrelief::cli {

using journal::Entry;

CLI::App* add_log_command(CLI::App& app, LogOptions& options)
{
  CLI::App* command =
    app.add_subcommand(log_summary.name, log_summary.description);
  command
    ->add_option(
      "--since",
      options.since,
      "Only sessions since a date (2026-11-01) or a time ago (3d, 2w, 1m)")
    ->type_name("WHEN");
  command
    ->add_option("--routine", options.routine, "Only sessions of this routine")
    ->type_name("ID");
  command
    ->add_option("--limit",
                 options.limit,
                 "How many of the latest sessions, 1-1000000 (default 20)")
    ->type_name("N")
    ->transform(whole_number(1, 1'000'000));
  command->add_flag("--json", options.json, "Print JSON");
  command->require_subcommand(0, 1);
  return command;
}

CLI::App* add_log_add_command(CLI::App& log, LogAddOptions& options)
{
  CLI::App* command =
    log.add_subcommand(log_add_summary.name, log_add_summary.description);
  command->add_option("ROUTINE", options.routine, "The routine id")->required();
  command
    ->add_option("--pain-before", options.pain_before, "Soreness before, 0-10")
    ->type_name("N")
    ->transform(whole_number(0, 10));
  command
    ->add_option("--pain-after", options.pain_after, "Soreness after, 0-10")
    ->type_name("N")
    ->transform(whole_number(0, 10));
  command
    ->add_option("--minutes",
                 options.minutes,
                 "How long it took, 1-600 (default: the routine's time)")
    ->type_name("M")
    ->transform(whole_number(1, 600));
  command->add_option("--note", options.note, "A note; - reads it from stdin")
    ->type_name("TEXT")
    ->check(journal_text());
  command
    ->add_option("--at",
                 options.at,
                 "When: 2026-11-21T08:30, 2026-11-21 or 08:30 (default now)")
    ->type_name("TIME");
  return command;
}

CLI::App* add_log_path_command(CLI::App& log)
{
  return log.add_subcommand(log_path_summary.name,
                            log_path_summary.description);
}

namespace {

std::string pain_text(const Entry& entry)
{
  const auto score = [](const std::optional<int>& value) {
    return value ? fmt::format("{}", *value) : std::string("-");
  };
  if (!entry.pain_before && !entry.pain_after) {
    return "-";
  }
  return fmt::format(
    "{} -> {}", score(entry.pain_before), score(entry.pain_after));
}

std::string joined(const std::vector<std::string>& items)
{
  std::string result;
  for (const auto& item : items) {
    result += (result.empty() ? "" : ",") + item;
  }
  return result;
}

// --at as local time, or a usage error naming the option.
std::chrono::system_clock::time_point at_option(
  const std::string& text,
  std::chrono::system_clock::time_point now)
{
  auto time = journal::parse_local_time(text, now);
  if (!time) {
    throw UsageError(fmt::format("--at: {}", time.error()));
  }
  return *time;
}

// The table `log` shows, fitted to the terminal.
void print_entries(Context& context, const std::vector<Entry>& entries)
{
  text::Table table({"DATE", "ROUTINE", "STATUS", "TIME", "PAIN", "NOTE"});
  for (const auto& entry : entries) {
    table.add_row(
      {entry_local_time(entry),
       joined(entry.routines),
       std::string(to_string(entry.status)),
       entry.actual_seconds ? routine::format_duration(*entry.actual_seconds)
                            : "-",
       pain_text(entry),
       entry.note + (entry.tingling
                       ? (entry.note.empty() ? "tingling" : " (tingling)")
                       : "")});
  }
  for (const auto& line :
       table.render(static_cast<std::size_t>(context.output_columns()),
                    context.output_is_unicode())) {
    safe_print(context.out(), "{}\n", line);
  }
}

} // namespace

ExitStatus command_log(Context& context, const LogOptions& options)
{
  const auto now = std::chrono::system_clock::now();
  const auto cutoff = since_cutoff(options.since, now);
  const auto path = journal_file(context);
  ProblemReporter problems(context);
  journal::LatestQuery query;
  query.limit = static_cast<std::size_t>(options.limit);
  query.since = cutoff;
  if (!options.routine.empty()) {
    query.keep = [&](const Entry& entry) {
      return std::find(entry.routines.begin(),
                       entry.routines.end(),
                       options.routine) != entry.routines.end();
    };
  }
  auto entries = journal::read_last_entries(path, query, problems.sink());
  problems.print();
  if (!entries) {
    throw Error(entries.error());
  }
  if (options.json) {
    Json list = Json::array();
    for (const auto& entry : *entries) {
      list.push_back(entry_json(entry));
    }
    print_json(context.out(), list);
  } else if (entries->empty()) {
    safe_print(context.err(),
               "No sessions logged{}. (journal: {})\n",
               options.since.empty() && options.routine.empty() ? " yet"
                                                                : " that match",
               path.string());
  } else {
    print_entries(context, *entries);
  }
  return problems.any() ? ExitStatus::failure : ExitStatus::success;
}

ExitStatus command_log_add(Context& context, const LogAddOptions& options)
{
  const auto now = std::chrono::system_clock::now();
  const auto routine = context.library().resolve_routine(options.routine);
  Entry entry;
  entry.time = std::chrono::time_point_cast<std::chrono::seconds>(
    options.at.empty() ? now : at_option(options.at, now));
  entry.utc_offset_minutes = journal::local_utc_offset_minutes(entry.time);
  entry.routines = {routine.id};
  if (!routine.area.empty()) {
    entry.areas = {routine.area};
  }
  entry.status = journal::Status::manual;
  entry.actual_seconds =
    options.minutes > 0 ? options.minutes * 60
                        : static_cast<int>(session::routine_seconds(routine));
  if (options.pain_before >= 0) {
    entry.pain_before = options.pain_before;
  }
  if (options.pain_after >= 0) {
    entry.pain_after = options.pain_after;
  }
  entry.note = note_option(options.note);
  const std::string line = journal::format_entry(entry);
  const auto path = journal_file(context);
  if (auto written = journal::append_line(path, line, append_options(context));
      !written) {
    safe_print(context.err(),
               "knotrelief: error: {}\nknotrelief: this is the journal line, "
               "to keep by hand:\n",
               written.error().message);
    safe_print(context.out(), "{}\n", line);
    return ExitStatus::failure;
  }
  safe_print(context.out(), "Logged: {}\n", line);
  if (std::fflush(context.out()) != 0 || std::ferror(context.out())) {
    // The entry is in the journal: logging it again would make a duplicate.
    throw Error(fmt::format(
      "logged to {}, but cannot write output: {} (do not log it again)",
      text::printable(path.string()),
      std::strerror(errno)));
  }
  return ExitStatus::success;
}

ExitStatus command_log_path(Context& context)
{
  safe_print(context.out(), "{}\n", journal_file(context).string());
  return ExitStatus::success;
}

} // namespace knotrelief::cli
