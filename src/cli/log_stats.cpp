#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/json.hpp"
#include "cli/log_progress.hpp"
#include "cli/log_soreness_map.hpp"
#include "coach/advice.hpp"
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
  text::Table table(
    {std::string(heading), "SESSIONS", "MINUTES", "SCORED", "PAIN CHANGE"});
  for (const auto& [name, totals] : rows) {
    table.add_row({name,
                   std::to_string(totals.sessions),
                   minutes_text(totals.seconds),
                   std::to_string(totals.pain_pairs),
                   change_text(totals)});
  }
  print_table(context, table);
}

void print_chart(Context& context, const Stats& stats, bool unicode)
{
  safe_print(context.out(),
             "Sessions per week (each row: the 7 days from that date; the "
             "last ends today)\n");
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
               iso_date(week.first_day),
               bar,
               bar.empty() ? "" : " ",
               week.sessions);
  }
}

void print_warnings(Context& context, const Stats& stats, int today)
{
  const auto lines = coach::professional_reasons(stats, today);
  if (lines.empty()) {
    return;
  }
  safe_print(context.out(),
             "\nWarning: see a physiotherapist or doctor about these (pain "
             "lasting beyond two weeks, numbness or tingling):\n");
  for (const auto& line : lines) {
    safe_print(context.out(), "  - {}\n", line);
  }
}

Json totals_json(const Totals& totals)
{
  const auto change = totals.average_pain_change();
  return Json{{"sessions", totals.sessions},
              {"minutes", totals.seconds / 60.0},
              {"scored_sessions", totals.pain_pairs},
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
    weeks.push_back(Json{{"first_day", iso_date(week.first_day)},
                         {"sessions", week.sessions}});
  }
  Json flags = Json::array();
  for (const auto& flag : stats.red_flags) {
    flags.push_back(Json{{"area", flag.area},
                         {"days", flag.last_day - flag.first_day + 1},
                         {"since", iso_date(flag.first_day)}});
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
              {"red_flags", flags},
              {"tingling_sessions", stats.tingling_sessions},
              {"last_tingling",
               stats.last_tingling_day
                 ? Json(iso_date(*stats.last_tingling_day))
                 : Json(nullptr)}};
}

// The text report of a journal with sessions in it.
void print_stats(Context& context,
                 const Stats& stats,
                 const coach::Progress& progress,
                 const LogStatsOptions& options,
                 int today)
{
  safe_print(context.out(),
             "{} session{}, {} in all{}.\n\n",
             stats.all.sessions,
             stats.all.sessions == 1 ? "" : "s",
             routine::format_duration(stats.all.seconds),
             options.since.empty() ? ""
                                   : fmt::format(" since {}", options.since));
  print_totals(context, "ROUTINE", stats.by_routine);
  print_totals(context, "AREA", stats.by_area);
  print_progress(context, progress);
  safe_print(context.out(),
             "Streak: {} day{} now, longest {} day{}.\n",
             stats.current_streak,
             stats.current_streak == 1 ? "" : "s",
             stats.longest_streak,
             stats.longest_streak == 1 ? "" : "s");
  if (stats.tingling_sessions > 0) {
    safe_print(context.out(),
               "Numbness, tingling or weakness: in {} session{}, last on {}.\n",
               stats.tingling_sessions,
               stats.tingling_sessions == 1 ? "" : "s",
               iso_date(stats.last_tingling_day.value_or(today)));
  }
  safe_print(context.out(), "\n");
  print_chart(context, stats, context.output_is_unicode());
  print_soreness_chart(context, progress, context.output_is_unicode());
  print_soreness_map(context, progress);
  safe_print(context.out(), "{}\n", coach::sessions_advice(stats));
  print_warnings(context, stats, today);
}

} // namespace

ExitStatus command_log_stats(Context& context, const LogStatsOptions& options)
{
  const auto now = std::chrono::system_clock::now();
  const auto cutoff = since_cutoff(options.since, now);
  const auto path = journal_file(context);
  ProblemReporter problems(context);
  const int today = local_today(now);
  journal::StatsBuilder builder(today);
  coach::ProgressBuilder progress_builder(
    today, coach::techniques_by_routine(context.library().routines()));
  auto read = journal::read_entries(
    path,
    [&](const journal::Entry& entry) {
      if (!cutoff || entry.time >= *cutoff) {
        builder.add(entry);
        progress_builder.add(entry);
      }
    },
    problems.sink());
  problems.print();
  if (!read) {
    throw Error(read.error());
  }
  const Stats stats = builder.finish();
  const coach::Progress progress = progress_builder.finish();
  const bool empty = stats.all.sessions == 0;
  if (options.json) {
    // The same members with or without sessions: a script reads zeros.
    Json json = stats_json(stats);
    add_progress_json(json, progress, stats);
    add_soreness_map_json(json, progress);
    print_json(context.out(), json);
  } else if (empty) {
    safe_print(context.out(),
               "No sessions {}.\n",
               options.since.empty() ? std::string("yet")
                                     : fmt::format("since {}", options.since));
  } else {
    print_stats(context, stats, progress, options, today);
  }
  return problems.any() ? ExitStatus::failure : ExitStatus::success;
}

} // namespace knotrelief::cli
