#include "report/model.hpp"

#include "coach/advice.hpp"
#include "routine/duration.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::report {

namespace {

// Inserts `item` by day (after items of the same day) and drops the oldest
// beyond listed_limit.
template <typename Item>
void keep_listed(Listed<Item>& list, Item item)
{
  ++list.total;
  const auto at = std::upper_bound(
    list.items.begin(), list.items.end(), item.day, [](int day, const Item& i) {
      return day < i.day;
    });
  list.items.insert(at, std::move(item));
  if (list.items.size() > listed_limit) {
    list.items.erase(list.items.begin());
  }
}

const routine::Routine* find_routine(std::span<const routine::Routine> routines,
                                     const std::string& id)
{
  const auto it = std::find_if(routines.begin(),
                               routines.end(),
                               [&](const auto& r) { return r.id == id; });
  return it == routines.end() ? nullptr : &*it;
}

// The weeks of the stats that end on or after `start`, with the index each
// has in journal::Stats::weeks (and coach::AreaProgress::weeks).
std::vector<std::size_t> weeks_from(const journal::Stats& stats, int start)
{
  std::vector<std::size_t> indexes;
  for (std::size_t i = 0; i < stats.weeks.size(); ++i) {
    if (stats.weeks[i].first_day + 6 >= start) {
      indexes.push_back(i);
    }
  }
  return indexes;
}

AreaRow area_row(const std::string& area,
                 const journal::Totals& totals,
                 const coach::Progress& progress,
                 const std::vector<std::size_t>& weeks)
{
  AreaRow row;
  row.area = area;
  row.sessions = totals.sessions;
  if (const auto it = progress.areas.find(area); it != progress.areas.end()) {
    row.verdict = it->second.window.verdict();
    for (const std::size_t week : weeks) {
      row.weekly_soreness.push_back(it->second.weeks[week].mean());
    }
  } else {
    row.weekly_soreness.resize(weeks.size());
  }
  if (row.verdict.baseline) {
    row.meaningful = coach::meaningful_change(*row.verdict.baseline);
  }
  if (const auto it = progress.tighter.find(area);
      it != progress.tighter.end()) {
    row.tighter = it->second;
  }
  return row;
}

} // namespace

std::string step_text(const routine::Step& step)
{
  std::vector<std::string> parts;
  if (!step.technique.empty()) {
    parts.push_back(step.technique);
  }
  if (step.hold) {
    parts.push_back(routine::format_duration(*step.hold));
  } else if (step.is_counted()) {
    parts.push_back(fmt::format("{} times", step.count));
  }
  if (step.sides == routine::Sides::both) {
    parts.emplace_back("each side");
  } else if (step.sides != routine::Sides::none) {
    parts.push_back(std::string(routine::to_string(step.sides)) + " side");
  }
  if (parts.empty()) {
    return step.name;
  }
  return fmt::format("{} ({})", step.name, fmt::join(parts, ", "));
}

ReportBuilder::ReportBuilder(int today,
                             std::span<const routine::Routine> routines)
  : m_today(today)
  , m_routines(routines)
  , m_stats(today)
  , m_progress(today, coach::techniques_by_routine(routines))
{}

void ReportBuilder::add(const journal::Entry& entry)
{
  const int day = entry.local_day();
  if (day > m_today) {
    return;
  }
  m_stats.add(entry);
  m_progress.add(entry);
  m_first_day = std::min(m_first_day.value_or(day), day);
  m_last_day = std::max(m_last_day, day);
  if (entry.pain_before && entry.pain_after) {
    for (const std::string& routine : entry.routines) {
      RoutineChanges& changes = m_routine_changes[routine];
      coach::keep_latest(changes.changes.last_changes,
                         {entry.time, *entry.pain_after - *entry.pain_before},
                         coach::routine_change_count);
      coach::keep_latest(changes.before,
                         {entry.time, *entry.pain_before},
                         coach::routine_change_count);
    }
  }
  add_events(entry, day);
}

void ReportBuilder::add_events(const journal::Entry& entry, int day)
{
  const Event event{day, entry.areas, entry.pain_before, entry.pain_after};
  if (entry.tingling) {
    keep_listed(m_tingling, event);
  }
  if (coach::is_flare(entry)) {
    keep_listed(m_flares, event);
  }
  if (!entry.note.empty()) {
    keep_listed(m_notes, Note{day, entry.routines, entry.note});
  }
}

RoutineRow ReportBuilder::routine_row(const std::string& id,
                                      const journal::Totals& totals) const
{
  RoutineRow row;
  row.id = id;
  row.sessions = totals.sessions;
  if (const auto* known = find_routine(m_routines, id)) {
    row.name = known->name;
    for (const auto& step : known->steps) {
      row.steps.push_back(step_text(step));
    }
  }
  if (const auto it = m_routine_changes.find(id);
      it != m_routine_changes.end()) {
    row.scored = it->second.changes.last_changes.size();
    row.mean_change = it->second.changes.mean_change();
    row.baseline = coach::mean(coach::values_of(it->second.before));
  }
  row.trend = coach::change_verdict(
    row.mean_change, row.scored, row.baseline.value_or(0));
  return row;
}

Report ReportBuilder::finish(std::optional<int> since_day) const
{
  const journal::Stats stats = m_stats.finish();
  const coach::Progress progress = m_progress.finish();
  Report report;
  report.today = m_today;
  report.since_day = since_day;
  report.first_day = m_first_day.value_or(m_today);
  report.last_day = m_first_day ? m_last_day : m_today;
  report.sessions = stats.all.sessions;
  report.seconds = stats.all.seconds;
  const auto weeks = weeks_from(stats, since_day.value_or(report.first_day));
  for (const std::size_t week : weeks) {
    report.weeks.push_back(
      {stats.weeks[week].first_day, stats.weeks[week].sessions});
  }
  report.recent_per_week = stats.recent_per_week;
  report.advice = coach::sessions_advice(stats);
  for (const auto& [area, totals] : stats.by_area) {
    report.areas.push_back(area_row(area, totals, progress, weeks));
  }
  for (const auto& [id, totals] : stats.by_routine) {
    report.routines.push_back(routine_row(id, totals));
  }
  report.tingling = m_tingling;
  report.flares = m_flares;
  report.red_flags = stats.red_flags;
  report.see_a_professional = coach::professional_reasons(stats, m_today);
  report.notes = m_notes;
  return report;
}

} // namespace knotrelief::report
