#include "coach/summary.hpp"

#include "coach/rules.hpp"

#include <algorithm>

namespace knotrelief::coach {

namespace {

// Inserts `value` after the values at or before its time.
void insert_by_time(std::vector<Dated>& values, Dated value)
{
  const auto at = std::upper_bound(
    values.begin(), values.end(), value, [](const Dated& a, const Dated& b) {
      return a.time < b.time;
    });
  values.insert(at, value);
}

} // namespace

void keep_latest(std::vector<Dated>& values, Dated value, std::size_t limit)
{
  insert_by_time(values, value);
  if (values.size() > limit) {
    values.erase(values.begin());
  }
}

void keep_earliest(std::vector<Dated>& values, Dated value, std::size_t limit)
{
  insert_by_time(values, value);
  if (values.size() > limit) {
    values.pop_back();
  }
}

std::vector<int> values_of(const std::vector<Dated>& values)
{
  std::vector<int> result;
  result.reserve(values.size());
  for (const Dated& dated : values) {
    result.push_back(dated.value);
  }
  return result;
}

std::optional<double> AreaSummary::recent_soreness() const
{
  return mean(values_of(last_scores));
}

std::optional<double> AreaSummary::chronic_mean() const
{
  if (chronic_count == 0) {
    return std::nullopt;
  }
  return static_cast<double>(chronic_sum) / static_cast<double>(chronic_count);
}

int AreaSummary::sessions_between(int first, int last) const
{
  int count = 0;
  for (auto it = sessions_by_day.lower_bound(first);
       it != sessions_by_day.end() && it->first <= last;
       ++it) {
    count += it->second;
  }
  return count;
}

std::optional<double> RoutineSummary::mean_change() const
{
  return mean(values_of(last_changes));
}

bool is_flare(const journal::Entry& entry)
{
  return entry.pain_before && entry.pain_after &&
         *entry.pain_after >= *entry.pain_before + flare_rise;
}

routine::Side RoutineSummary::first_side() const
{
  int right_minus_left = 0;
  for (const Dated& answer : last_tighter) {
    const auto side = static_cast<journal::Tighter>(answer.value);
    right_minus_left += side == journal::Tighter::right  ? 1
                        : side == journal::Tighter::left ? -1
                                                         : 0;
  }
  return right_minus_left > 0 ? routine::Side::right : routine::Side::left;
}

HoldPoint step_up(HoldPoint point)
{
  return point == HoldPoint::low ? HoldPoint::mid : HoldPoint::high;
}

HoldPoint step_down(HoldPoint point)
{
  return point == HoldPoint::high ? HoldPoint::mid : HoldPoint::low;
}

void SummaryBuilder::add(const journal::Entry& entry)
{
  if (entry.local_day() > m_summary.today) {
    return;
  }
  ++m_summary.entries;
  for (const std::string& area : entry.areas) {
    add_area(area, entry);
  }
  for (std::size_t i = 0; i < entry.routines.size(); ++i) {
    add_routine(i, entry);
  }
}

void SummaryBuilder::add_area(const std::string& area,
                              const journal::Entry& entry)
{
  AreaSummary& summary = m_summary.areas[area];
  const int day = entry.local_day();
  const int age = m_summary.today - day;
  summary.last_day = std::max(summary.last_day.value_or(day), day);
  if (age < active_window_days) {
    ++summary.sessions_by_day[day];
  }
  if (entry.pain_before) {
    keep_latest(summary.last_scores,
                {entry.time, *entry.pain_before},
                recent_score_count);
    if (age < chronic_window_days) {
      summary.chronic_sum += *entry.pain_before;
      ++summary.chronic_count;
    }
  }
  if ((entry.tingling || is_flare(entry)) &&
      day >= summary.stop_day.value_or(day)) {
    summary.stop_day = day;
    summary.stop_was_tingling = entry.tingling;
  }
  const auto score = entry.pain_before ? entry.pain_before : entry.pain_after;
  if (age < active_window_days && score && *score >= painful_score) {
    summary.first_painful_day =
      std::min(summary.first_painful_day.value_or(day), day);
    summary.last_painful_day =
      std::max(summary.last_painful_day.value_or(day), day);
  }
}

// Progression, in journal order: a good completed session at the current
// point counts towards a step up; tingling or a flare steps down from the
// point that session used; any other session with a known point starts the
// count again. Sessions without a point (logged by hand) leave it alone.
void SummaryBuilder::add_routine(std::size_t index, const journal::Entry& entry)
{
  RoutineSummary& routine = m_summary.routines[entry.routines[index]];
  ++routine.sessions;
  if (entry.pain_before && entry.pain_after) {
    keep_latest(routine.last_changes,
                {entry.time, *entry.pain_after - *entry.pain_before},
                routine_change_count);
  }
  if (entry.tighter) {
    keep_latest(routine.last_tighter,
                {entry.time, static_cast<int>(*entry.tighter)},
                tighter_answer_count);
  }
  const auto used = session::parse_hold_point(entry.hold_of(index));
  if (entry.tingling || is_flare(entry)) {
    routine.point = step_down(used.value_or(routine.point));
    routine.streak = 0;
    routine.move = HoldMove::down;
    return;
  }
  if (!used) {
    return;
  }
  routine.move = HoldMove::none;
  const bool good = entry.status == journal::Status::completed &&
                    entry.pain_before && entry.pain_after &&
                    *entry.pain_after <= *entry.pain_before;
  if (!good || *used != routine.point) {
    routine.streak = 0;
    return;
  }
  if (++routine.streak >= progression_streak &&
      routine.point != HoldPoint::high) {
    routine.point = step_up(routine.point);
    routine.streak = 0;
    routine.move = HoldMove::up;
  }
}

} // namespace knotrelief::coach
