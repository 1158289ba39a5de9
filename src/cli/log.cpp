#include "cli/commands.hpp"
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

Json entry_json(const Entry& entry)
{
  const auto optional = [](const std::optional<int>& value) {
    return value ? Json(*value) : Json(nullptr);
  };
  Json json{
    {"time", journal::format_timestamp(entry.time, entry.utc_offset_minutes)},
    {"routines", entry.routines},
    {"areas", entry.areas},
    {"status", to_string(entry.status)},
    {"planned_s", optional(entry.planned_seconds)},
    {"actual_s", optional(entry.actual_seconds)},
    {"steps_done", optional(entry.steps_done)},
    {"steps_total", optional(entry.steps_total)},
    {"pain_before", optional(entry.pain_before)},
    {"pain_after", optional(entry.pain_after)},
    {"tingling", entry.tingling},
    {"note", entry.note.empty() ? Json(nullptr) : Json(entry.note)}};
  return json;
}

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

// A local date and time as typed; fields not typed keep these defaults.
struct LocalTime
{
  int year = 0, month = 0, day = 0, hour = 12, minute = 0, second = 0;
};

// "2026-11-21T08:30[:SS]", "2026-11-21 08:30[:SS]", "2026-11-21" (noon) or
// "08:30" (the date stays as given), each exactly: no spaces around, no
// signs, two digits a field.
std::optional<LocalTime> parse_local_fields(std::string_view text,
                                            LocalTime time)
{
  const auto clock_at = [&](std::size_t at) {
    const auto hour = journal::fixed_digits(text, at, 2);
    const auto minute = journal::fixed_digits(text, at + 3, 2);
    const bool seconds = text.size() == at + 8;
    const auto second = seconds ? journal::fixed_digits(text, at + 6, 2) : 0;
    const bool shape = text[at + 2] == ':' && (!seconds || text[at + 5] == ':');
    if (!shape || !hour || !minute || !second ||
        (text.size() != at + 5 && !seconds)) {
      return false;
    }
    time.hour = *hour, time.minute = *minute, time.second = *second;
    return true;
  };
  if (text.size() == 5) {
    return clock_at(0) ? std::optional(time) : std::nullopt;
  }
  const auto year = journal::fixed_digits(text, 0, 4);
  const auto month = journal::fixed_digits(text, 5, 2);
  const auto day = journal::fixed_digits(text, 8, 2);
  if (text.size() < 10 || !year || !month || !day || text[4] != '-' ||
      text[7] != '-') {
    return std::nullopt;
  }
  time.year = *year, time.month = *month, time.day = *day;
  if (text.size() == 10) {
    time.hour = 12, time.minute = 0, time.second = 0;
    return time;
  }
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') ||
      !clock_at(11)) {
    return std::nullopt;
  }
  return time;
}

std::time_t utc_offset_at(std::time_t when)
{
  std::tm local{};
  ::localtime_r(&when, &local);
  return local.tm_gmtoff;
}

// "02:00 to 03:00": the local times the clocks jumped between near `when`.
std::string dst_gap_text(std::time_t when)
{
  std::time_t low = when - 12 * 3600;
  std::time_t high = when + 12 * 3600;
  const std::time_t before = utc_offset_at(low);
  while (high - low > 1) { // the first second with the later offset
    const std::time_t middle = low + (high - low) / 2;
    (utc_offset_at(middle) == before ? low : high) = middle;
  }
  const auto wall = [](std::time_t local_seconds) {
    std::tm parts{};
    ::gmtime_r(&local_seconds, &parts);
    return fmt::format("{:02}:{:02}", parts.tm_hour, parts.tm_min);
  };
  return fmt::format(
    "{} to {}", wall(high + before), wall(high + utc_offset_at(high)));
}

// The moment a valid local date and time names. Usage error when it names
// none: a time skipped when the clocks went forward.
std::time_t local_seconds(const LocalTime& fields, const std::string& text)
{
  std::tm wanted{};
  wanted.tm_year = fields.year - 1900;
  wanted.tm_mon = fields.month - 1;
  wanted.tm_mday = fields.day;
  wanted.tm_hour = fields.hour;
  wanted.tm_min = fields.minute;
  wanted.tm_sec = fields.second;
  wanted.tm_isdst = -1;
  std::tm normalized = wanted;
  const std::time_t seconds = std::mktime(&normalized);
  if (seconds == -1) {
    throw UsageError(fmt::format("--at: bad time '{}'", text));
  }
  // mktime moves a time in the gap of a change to summer time.
  if (normalized.tm_hour != wanted.tm_hour ||
      normalized.tm_min != wanted.tm_min ||
      normalized.tm_mday != wanted.tm_mday) {
    throw UsageError(fmt::format(
      "--at: '{}' does not exist in local time: the clocks went forward "
      "from {} that day",
      text,
      dst_gap_text(seconds)));
  }
  return seconds;
}

// Parses --at as local time. Refuses what is not a real local time: a
// 30 February, 25:00, or a time skipped when the clocks went forward.
std::chrono::system_clock::time_point parse_at(
  const std::string& text,
  std::chrono::system_clock::time_point now)
{
  std::tm today{};
  const std::time_t now_seconds = std::chrono::system_clock::to_time_t(now);
  ::localtime_r(&now_seconds, &today);
  LocalTime defaults;
  defaults.year = today.tm_year + 1900;
  defaults.month = today.tm_mon + 1;
  defaults.day = today.tm_mday;
  const auto fields = parse_local_fields(text, defaults);
  const auto date =
    fields
      ? std::chrono::year_month_day{std::chrono::year{fields->year},
                                    std::chrono::month{
                                      static_cast<unsigned>(fields->month)},
                                    std::chrono::day{
                                      static_cast<unsigned>(fields->day)}}
      : std::chrono::year_month_day{};
  if (!fields || !date.ok() || fields->year < 1970 || fields->hour > 23 ||
      fields->minute > 59 || fields->second > 59) {
    throw UsageError(fmt::format(
      "--at: bad time '{}': use 2026-11-21T08:30, 2026-11-21 or 08:30", text));
  }
  const std::time_t seconds = local_seconds(*fields, text);
  // Compared as time_t: far-future years overflow system_clock's range.
  if (seconds > now_seconds + 60) {
    throw UsageError(fmt::format("--at: '{}' is in the future", text));
  }
  return std::chrono::system_clock::from_time_t(seconds);
}

} // namespace

ExitStatus run_log(Context& context, const LogOptions& options)
{
  const auto now = std::chrono::system_clock::now();
  const auto cutoff = since_cutoff(options.since, now);
  const auto path = journal_file(context);
  ProblemReporter problems(context);
  auto entries = journal::read_last_entries(
    path,
    static_cast<std::size_t>(options.limit),
    [&](const Entry& entry) {
      if (cutoff && entry.time < *cutoff) {
        return false;
      }
      return options.routine.empty() ||
             std::find(entry.routines.begin(),
                       entry.routines.end(),
                       options.routine) != entry.routines.end();
    },
    problems.sink());
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
    text::Table table({"DATE", "ROUTINE", "STATUS", "TIME", "PAIN", "NOTE"});
    for (const auto& entry : *entries) {
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
  return problems.any() ? ExitStatus::failure : ExitStatus::success;
}

ExitStatus run_log_add(Context& context, const LogAddOptions& options)
{
  const auto now = std::chrono::system_clock::now();
  const auto routine = context.library().resolve_routine(options.routine);
  Entry entry;
  entry.time = std::chrono::time_point_cast<std::chrono::seconds>(
    options.at.empty() ? now : parse_at(options.at, now));
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

ExitStatus run_log_path(Context& context)
{
  safe_print(context.out(), "{}\n", journal_file(context).string());
  return ExitStatus::success;
}

} // namespace knotrelief::cli
