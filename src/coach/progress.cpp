#include "coach/progress.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace knotrelief::coach {

namespace {

void merge(ScoreMean& into, const ScoreMean& from)
{
  into.sum += from.sum;
  into.count += from.count;
}

} // namespace

void ScoreMean::add(int value)
{
  sum += value;
  ++count;
}

std::optional<double> ScoreMean::mean() const
{
  if (count == 0) {
    return std::nullopt;
  }
  return static_cast<double>(sum) / static_cast<double>(count);
}

void SideTally::add(journal::Tighter tighter)
{
  switch (tighter) {
    case journal::Tighter::left:
      ++left;
      break;
    case journal::Tighter::right:
      ++right;
      break;
    case journal::Tighter::same:
      ++same;
      break;
  }
}

void ScoreWindow::add(Dated score)
{
  keep_earliest(first, score, verdict_mean_count);
  keep_latest(last, score, verdict_mean_count);
  ++count;
}

TrendVerdict ScoreWindow::verdict() const
{
  return trend_verdict(values_of(first), values_of(last), count);
}

TechniquesByRoutine techniques_by_routine(
  std::span<const routine::Routine> routines)
{
  TechniquesByRoutine result;
  for (const routine::Routine& routine : routines) {
    auto& ids = result[routine.id];
    for (const routine::Step& step : routine.steps) {
      if (!step.technique.empty() &&
          std::find(ids.begin(), ids.end(), step.technique) == ids.end()) {
        ids.push_back(step.technique);
      }
    }
  }
  return result;
}

void ProgressBuilder::add(const journal::Entry& entry)
{
  const int age = m_today - entry.local_day();
  if (entry.status == journal::Status::failed || age < 0) {
    return;
  }
  if (entry.tighter) {
    for (const std::string& area : entry.areas) {
      m_progress.tighter[area].add(*entry.tighter);
    }
  }
  if (entry.pain_before && entry.pain_after) {
    add_change(entry, *entry.pain_after - *entry.pain_before);
  }
  if (age >= verdict_window_days || !entry.pain_before) {
    return;
  }
  const int week = journal::week_count - 1 - age / 7;
  for (const std::string& area : entry.areas) {
    AreaProgress& progress = m_progress.areas[area];
    progress.window.add({entry.time, *entry.pain_before});
    if (week >= 0) {
      progress.weeks[static_cast<std::size_t>(week)].add(*entry.pain_before);
    }
  }
}

// A session of several routines counts once for each technique in any of
// them.
void ProgressBuilder::add_change(const journal::Entry& entry, int change)
{
  if (entry.routines.size() == 1) {
    m_routine_changes[entry.routines.front()].add(change);
    return;
  }
  std::set<std::string> seen;
  for (const std::string& routine : entry.routines) {
    const auto it = m_techniques.find(routine);
    if (it == m_techniques.end()) {
      continue;
    }
    for (const std::string& technique : it->second) {
      if (seen.insert(technique).second) {
        m_progress.techniques[technique].add(change);
      }
    }
  }
}

Progress ProgressBuilder::finish() const
{
  Progress progress = m_progress;
  for (const auto& [routine, changes] : m_routine_changes) {
    const auto it = m_techniques.find(routine);
    if (it == m_techniques.end()) {
      continue;
    }
    for (const std::string& technique : it->second) {
      merge(progress.techniques[technique], changes);
    }
  }
  return progress;
}

} // namespace knotrelief::coach
