#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/json.hpp"
#include "journal/stats.hpp"
#include "routine/duration.hpp"
#include "util/table.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace knotrelief::cli {

using journal::Stats;
using journal::Totals;

CLI::App* add_log_stats_command(CLI::App& log, LogStatsOptions& options)
{
  CLI::App* command =
    log.add_subcommand(log_stats_summary.name, log_stats_summary.description);
  command->add_option("--since", options.since, "Only sessions since WHEN")
    ->type_name("WHEN");
  command->add_flag("--json", options.json, "Print JSON");
  return command;
}

namespace {

std::string minutes_text(std::int64_t seconds)
{
  return fmt::format("{:.0f}", seconds / 60.0);
}

std::string change_text(const Totals& totals)
{
  const auto change = totals.average_pain_change();
  return change ? fmt::format("{:+.1f}", *change) : std::string("-");
}

void print_totals(Context& context,
                  std::string_view heading,
                  const std::map<std::string, Totals>& rows)
{
  if (rows.empty()) {
    return;
  }
  text::Table table(
    {std::string(heading), "SESSIONS", "MINUTES", "PAIN CHANGE"});
  for (const auto& [name, totals] : rows) {
    table.add_row({name,
                   std::to_string(totals.sessions),
                   minutes_text(totals.seconds),
                   change_text(totals)});
  }
  for (const auto& line : table.render(0, context.output_is_unicode())) {
    safe_print(context.out(), "{}\n", line);
  }
  safe_print(context.out(), "\n");
}

// The guide: daily while pain is chronic, three to five times a week to
// keep knots from coming back.
std::string advice_line(const Stats& stats)
{
  const std::string rate =
    fmt::format("Last 4 weeks: {:.1f} sessions a week.", stats.recent_per_week);
  if (stats.chronic) {
    return fmt::format("{} Your recent soreness averages {:.1f}/10: while pain "
                       "is chronic, the guide "
                       "suggests a session every day{}",
                       rate,
                       stats.recent_pain.value_or(0.0),
                       stats.recent_per_week >= 7 ? " - you are doing that."
                                                  : ".");
  }
  if (stats.recent_per_week < 3) {
    return rate + " To keep knots away the guide suggests 3 to 5 a week.";
  }
  if (stats.recent_per_week <= 5) {
    return rate + " That is the 3 to 5 a week the guide suggests for upkeep.";
  }
  return rate + " More than the 3 to 5 a week the guide suggests for upkeep; "
                "daily is for chronic pain.";
}

void print_chart(Context& context, const Stats& stats, bool unicode)
{
  safe_print(context.out(), "Sessions per week (weeks ending today)\n");
  int most = 1;
  for (const auto& week : stats.weeks) {
    most = std::max(most, week.sessions);
  }
  const int width = 30;
  for (const auto& week : stats.weeks) {
    const int length = static_cast<int>(
      std::lround(static_cast<double>(week.sessions) * width / most));
    std::string bar;
    for (int i = 0; i < length; ++i) {
      bar += unicode ? "\u2588" : "#";
    }
    safe_print(context.out(),
               "  {}  {}{}{}\n",
               short_date(week.first_day),
               bar,
               bar.empty() ? "" : " ",
               week.sessions);
  }
}

Json totals_json(const Totals& totals)
{
  const auto change = totals.average_pain_change();
  return Json{{"sessions", totals.sessions},
              {"minutes", totals.seconds / 60.0},
              {"average_pain_change", change ? Json(*change) : Json(nullptr)}};
}

Json stats_json(const Stats& stats)
{
  Json by_routine = Json::object();
  for (const auto& [name, totals] : stats.by_routine) {
    by_routine[name] = totals_json(totals);
  }
  Json by_area = Json::object();
  for (const auto& [name, totals] : stats.by_area) {
    by_area[name] = totals_json(totals);
  }
  Json weeks = Json::array();
  for (const auto& week : stats.weeks) {
    weeks.push_back(Json{{"first_day", short_date(week.first_day)},
                         {"sessions", week.sessions}});
  }
  Json flags = Json::array();
  for (const auto& flag : stats.red_flags) {
    flags.push_back(
      Json{{"area", flag.area}, {"days", flag.last_day - flag.first_day + 1}});
  }
  return Json{{"total", totals_json(stats.all)},
              {"by_routine", by_routine},
              {"by_area", by_area},
              {"current_streak_days", stats.current_streak},
              {"longest_streak_days", stats.longest_streak},
              {"weeks", weeks},
              {"recent_sessions_per_week", stats.recent_per_week},
              {"recent_pain",
               stats.recent_pain ? Json(*stats.recent_pain) : Json(nullptr)},
              {"chronic", stats.chronic},
              {"red_flags", flags}};
}

} // namespace

ExitStatus command_log_stats(Context& context, const LogStatsOptions& options)
{
  const auto now = std::chrono::system_clock::now();
  const auto cutoff = since_cutoff(options.since, now);
  const auto path = journal_file(context);
  ProblemReporter problems(context);
  journal::StatsBuilder builder(local_today(now));
  auto read = journal::read_entries(
    path,
    [&](const journal::Entry& entry) {
      if (!cutoff || entry.time >= *cutoff) {
        builder.add(entry);
      }
    },
    problems.sink());
  problems.print();
  if (!read) {
    throw Error(read.error());
  }
  const Stats stats = builder.finish();
  if (options.json) {
    print_json(context.out(), stats_json(stats));
    return problems.any() ? ExitStatus::failure : ExitStatus::success;
  }
  safe_print(context.out(),
             "{} session{}, {} in all{}.\n\n",
             stats.all.sessions,
             stats.all.sessions == 1 ? "" : "s",
             routine::format_duration(stats.all.seconds),
             options.since.empty() ? ""
                                   : fmt::format(" since {}", options.since));
  print_totals(context, "ROUTINE", stats.by_routine);
  print_totals(context, "AREA", stats.by_area);
  safe_print(context.out(),
             "Streak: {} day{} now, longest {} day{}.\n\n",
             stats.current_streak,
             stats.current_streak == 1 ? "" : "s",
             stats.longest_streak,
             stats.longest_streak == 1 ? "" : "s");
  print_chart(context, stats, context.output_is_unicode());
  safe_print(context.out(), "{}\n", advice_line(stats));
  for (const auto& flag : stats.red_flags) {
    safe_print(
      context.out(),
      "\nWarning: {} has been logged as painful for {} days (since {}). Pain "
      "that lasts more "
      "than two weeks is a reason to see a physiotherapist or doctor.\n",
      flag.area,
      flag.last_day - flag.first_day + 1,
      short_date(flag.first_day));
  }
  return problems.any() ? ExitStatus::failure : ExitStatus::success;
}

} // namespace knotrelief::cli
