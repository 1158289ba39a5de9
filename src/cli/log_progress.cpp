#include "cli/log_progress.hpp"

#include "journal/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace knotrelief::cli {

namespace {

std::string score_text(std::optional<double> score)
{
  return score ? fmt::format("{:.1f}", *score) : std::string("-");
}

std::string change_text(std::optional<double> change)
{
  return change ? fmt::format("{:+.1f}", *change) : std::string("-");
}

Json optional_json(std::optional<double> value)
{
  return value ? Json(*value) : Json(nullptr);
}

// The rule of coach::trend_verdict(), as the man page words it.
constexpr std::string_view verdict_legend =
  "A change counts from 1 point at a baseline of 1-4, 2 points at 5-7, 3 at "
  "8-10, or 30 % of the baseline when that is less: the usual minimal "
  "clinically important difference on the 0-10 scale. Under {} scored "
  "sessions is too few to tell.\n\n";

void print_verdicts(Context& context, const coach::Progress& progress)
{
  text::Table table({"AREA", "SCORED", "BASELINE", "RECENT", "VERDICT"});
  for (const auto& [area, area_progress] : progress.areas) {
    const auto verdict = area_progress.window.verdict();
    table.add_row({area,
                   std::to_string(verdict.sessions),
                   score_text(verdict.baseline),
                   score_text(verdict.recent),
                   std::string(to_string(verdict.trend))});
  }
  safe_print(context.out(),
             "Soreness before sessions, last {} weeks: the first {} scored "
             "sessions (baseline) against the last {} (recent).\n",
             coach::verdict_window_days / 7,
             coach::verdict_mean_count,
             coach::verdict_mean_count);
  for (const auto& line : table.render(0, context.output_is_unicode())) {
    safe_print(context.out(), "{}\n", line);
  }
  safe_print(
    context.out(), fmt::runtime(verdict_legend), coach::verdict_min_sessions);
}

// One character a week: a block as high as the mean score (0-10), a space
// for a week without scores.
std::string soreness_cells(const coach::AreaProgress& area, bool unicode)
{
  static constexpr std::array<std::string_view, 8> blocks = {"\u2581",
                                                             "\u2582",
                                                             "\u2583",
                                                             "\u2584",
                                                             "\u2585",
                                                             "\u2586",
                                                             "\u2587",
                                                             "\u2588"};
  static constexpr std::string_view ascii = "_.-=+*#@";
  std::string cells;
  for (const coach::ScoreMean& week : area.weeks) {
    const auto mean = week.mean();
    if (!mean) {
      cells += ' ';
      continue;
    }
    const auto level =
      static_cast<std::size_t>(std::clamp(std::lround(*mean * 7 / 10), 0L, 7L));
    cells +=
      unicode ? std::string(blocks[level]) : std::string(1, ascii[level]);
  }
  return cells;
}

std::string soreness_numbers(const coach::AreaProgress& area)
{
  std::string numbers;
  for (const coach::ScoreMean& week : area.weeks) {
    numbers += (numbers.empty() ? "" : " ") + score_text(week.mean());
  }
  return numbers;
}

// Per area, how often each side was the tighter one.
void print_tighter_sides(Context& context, const coach::Progress& progress)
{
  if (progress.tighter.empty()) {
    return;
  }
  safe_print(context.out(), "Which side felt tighter, per area:\n");
  text::Table table({"AREA", "LEFT", "RIGHT", "SAME"});
  for (const auto& [area, tally] : progress.tighter) {
    table.add_row({area,
                   std::to_string(tally.left),
                   std::to_string(tally.right),
                   std::to_string(tally.same)});
  }
  print_table(context, table);
}

} // namespace

void print_table(Context& context, const text::Table& table)
{
  if (table.empty()) {
    return;
  }
  for (const auto& line : table.render(0, context.output_is_unicode())) {
    safe_print(context.out(), "{}\n", line);
  }
  safe_print(context.out(), "\n");
}

void print_progress(Context& context, const coach::Progress& progress)
{
  if (!progress.areas.empty()) {
    print_verdicts(context, progress);
  }
  text::Table table({"TECHNIQUE", "SCORED", "PAIN CHANGE"});
  for (const auto& [technique, change] : progress.techniques) {
    table.add_row(
      {technique, std::to_string(change.count), change_text(change.mean())});
  }
  print_table(context, table);
  print_tighter_sides(context, progress);
}

void print_soreness_chart(Context& context,
                          const coach::Progress& progress,
                          bool unicode)
{
  if (progress.areas.empty()) {
    return;
  }
  safe_print(context.out(),
             "\nSoreness before sessions per week (0-10, mean; the same "
             "weeks, oldest first)\n");
  text::Table table({"AREA", "WEEKS", "MEANS"});
  for (const auto& [area, area_progress] : progress.areas) {
    table.add_row({area,
                   soreness_cells(area_progress, unicode),
                   soreness_numbers(area_progress)});
  }
  for (const auto& line : table.render(0, unicode)) {
    safe_print(context.out(), "  {}\n", line);
  }
}

void add_progress_json(Json& json,
                       const coach::Progress& progress,
                       const journal::Stats& stats)
{
  Json trends = Json::object();
  Json weeks = Json::object();
  for (const auto& [area, area_progress] : progress.areas) {
    const auto verdict = area_progress.window.verdict();
    trends[area] =
      Json{{"verdict", to_string(verdict.trend)},
           {"scored_sessions", verdict.sessions},
           {"baseline", optional_json(verdict.baseline)},
           {"recent", optional_json(verdict.recent)},
           {"meaningful_change",
            verdict.baseline ? Json(coach::meaningful_change(*verdict.baseline))
                             : Json(nullptr)}};
    Json rows = Json::array();
    for (std::size_t i = 0; i < area_progress.weeks.size(); ++i) {
      const coach::ScoreMean& week = area_progress.weeks[i];
      rows.push_back(
        Json{{"first_day", journal::iso_date(stats.weeks[i].first_day)},
             {"scored_sessions", week.count},
             {"mean_pain_before", optional_json(week.mean())}});
    }
    weeks[area] = rows;
  }
  Json techniques = Json::object();
  for (const auto& [technique, change] : progress.techniques) {
    techniques[technique] =
      Json{{"scored_sessions", change.count},
           {"average_pain_change", optional_json(change.mean())}};
  }
  Json tighter = Json::object();
  for (const auto& [area, tally] : progress.tighter) {
    tighter[area] =
      Json{{"left", tally.left}, {"right", tally.right}, {"same", tally.same}};
  }
  json["tighter_sides"] = tighter;
  json["trends"] = trends;
  json["by_technique"] = techniques;
  json["soreness_weeks"] = weeks;
}

} // namespace knotrelief::cli
