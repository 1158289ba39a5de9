#include "report/words.hpp"

#include "coach/choose.hpp"
#include "journal/time.hpp"
#include "routine/duration.hpp"

#include <fmt/format.h>

namespace knotrelief::report {

using journal::iso_date;

std::string date_range(const Report& report)
{
  return fmt::format(
    "{} to {}", iso_date(report.first_day), iso_date(report.last_day));
}

std::string period_line(const Report& report)
{
  const std::string period =
    report.since_day
      ? fmt::format("Sessions since {}", iso_date(*report.since_day))
      : std::string("Every session in the journal");
  return fmt::format("{}; report made on {}.", period, iso_date(report.today));
}

std::string sessions_count(int count)
{
  return coach::sessions_text(count);
}

std::string totals_line(const Report& report)
{
  return fmt::format("{}, {} in all, from {}.",
                     sessions_count(report.sessions),
                     routine::format_duration(report.seconds),
                     date_range(report));
}

std::string score_text(std::optional<double> score)
{
  return score ? fmt::format("{:.1f}", *score) : std::string("-");
}

std::string change_text(std::optional<double> change)
{
  return change ? fmt::format("{:+.1f}", *change) : std::string("-");
}

std::string verdict_legend()
{
  return fmt::format(
    "Soreness is scored 0-10 before and after each session. An area's verdict "
    "compares the mean soreness before its first {0} scored sessions of the "
    "last {1} weeks (baseline) with its last {0} (recent); a routine's, the "
    "mean change during its last {2} scored sessions. A change counts from 1 "
    "point at a baseline of 1-4, 2 points at 5-7, 3 at 8-10, or 30 % of the "
    "baseline when that is less. Under {3} scored sessions for an area, or "
    "{4} for a routine, is too few to tell.",
    coach::verdict_mean_count,
    coach::verdict_window_days / 7,
    coach::routine_change_count,
    coach::verdict_min_sessions,
    coach::routine_min_scored);
}

std::string tighter_text(const coach::SideTally& tally)
{
  const int answers = tally.left + tally.right + tally.same;
  if (answers == 0) {
    return "-";
  }
  if (tally.left == tally.right) {
    return fmt::format("neither side more often ({} left, {} right, {} same)",
                       tally.left,
                       tally.right,
                       tally.same);
  }
  const bool left = tally.left > tally.right;
  return fmt::format("{} ({} of {} answers)",
                     left ? "left" : "right",
                     left ? tally.left : tally.right,
                     answers);
}

std::string event_text(const Event& event)
{
  std::string text = fmt::format(
    "{}: {}",
    iso_date(event.day),
    event.areas.empty() ? std::string("no area logged")
                        : fmt::format("{}", fmt::join(event.areas, ", ")));
  if (event.pain_before || event.pain_after) {
    text += fmt::format(
      " (soreness {} before, {} after)",
      event.pain_before ? std::to_string(*event.pain_before) : std::string("-"),
      event.pain_after ? std::to_string(*event.pain_after) : std::string("-"));
  }
  return text;
}

std::string left_out_text(std::size_t count)
{
  return count == 0 ? std::string()
                    : fmt::format("Earlier: {} more not listed.", count);
}

std::string routine_heading(const RoutineRow& row)
{
  return row.name.empty() || row.name == row.id
           ? row.id
           : fmt::format("{} ({})", row.id, row.name);
}

std::string empty_text(const Report& report)
{
  return report.since_day
           ? fmt::format("No sessions since {}.", iso_date(*report.since_day))
           : std::string("No sessions in the journal yet.");
}

} // namespace knotrelief::report

namespace knotrelief::report {

Row weeks_header()
{
  return {"Week from", "Sessions"};
}

std::vector<Row> weeks_rows(const Report& report)
{
  std::vector<Row> rows;
  rows.reserve(report.weeks.size());
  for (const Week& week : report.weeks) {
    rows.push_back({iso_date(week.first_day), std::to_string(week.sessions)});
  }
  return rows;
}

Row soreness_header(const Report& report)
{
  Row header{"Area"};
  for (const Week& week : report.weeks) {
    header.push_back(iso_date(week.first_day));
  }
  return header;
}

std::vector<Row> soreness_rows(const Report& report)
{
  std::vector<Row> rows;
  rows.reserve(report.areas.size());
  for (const AreaRow& area : report.areas) {
    Row row{area.area};
    for (const auto& mean : area.weekly_soreness) {
      row.push_back(score_text(mean));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Row area_verdicts_header()
{
  return {"Area",
          "Sessions",
          "Scored",
          "Baseline",
          "Recent",
          "Counts from",
          "Verdict"};
}

std::vector<Row> area_verdicts_rows(const Report& report)
{
  std::vector<Row> rows;
  rows.reserve(report.areas.size());
  for (const AreaRow& area : report.areas) {
    rows.push_back({area.area,
                    std::to_string(area.sessions),
                    std::to_string(area.verdict.sessions),
                    score_text(area.verdict.baseline),
                    score_text(area.verdict.recent),
                    score_text(area.meaningful),
                    std::string(coach::to_string(area.verdict.trend))});
  }
  return rows;
}

Row routine_verdicts_header()
{
  return {"Routine", "Sessions", "Scored", "Before", "Change", "Verdict"};
}

std::vector<Row> routine_verdicts_rows(const Report& report)
{
  std::vector<Row> rows;
  rows.reserve(report.routines.size());
  for (const RoutineRow& routine : report.routines) {
    rows.push_back({routine.id,
                    std::to_string(routine.sessions),
                    std::to_string(routine.scored),
                    score_text(routine.baseline),
                    change_text(routine.mean_change),
                    std::string(coach::to_string(routine.trend))});
  }
  return rows;
}

Row tighter_header()
{
  return {"Area", "Tighter side"};
}

std::vector<Row> tighter_rows(const Report& report)
{
  std::vector<Row> rows;
  rows.reserve(report.areas.size());
  for (const AreaRow& area : report.areas) {
    rows.push_back({area.area, tighter_text(area.tighter)});
  }
  return rows;
}

std::string note_text(const Note& note)
{
  if (note.routines.empty()) {
    return fmt::format("{}: {}", iso_date(note.day), note.text);
  }
  return fmt::format("{} ({}): {}",
                     iso_date(note.day),
                     fmt::join(note.routines, ", "),
                     note.text);
}

} // namespace knotrelief::report
