#include "journal/stats.hpp"

#include <algorithm>

namespace knotrelief::journal {

namespace {

void count(Totals& totals, const Entry& entry)
{
  ++totals.sessions;
  totals.seconds += entry.actual_seconds.value_or(0);
  if (entry.pain_before && entry.pain_after) {
    ++totals.pain_pairs;
    totals.pain_change_sum += *entry.pain_after - *entry.pain_before;
  }
}

// Longest run of consecutive days, and the run that ends today or
// yesterday (a streak is not broken before the day is over).
void streaks(const std::set<int>& days, int today, Stats& stats)
{
  int run = 0;
  int previous = 0;
  for (int day : days) {
    run = run > 0 && day == previous + 1 ? run + 1 : 1;
    stats.longest_streak = std::max(stats.longest_streak, run);
    previous = day;
  }
  int end = days.contains(today) ? today : today - 1;
  while (days.contains(end)) {
    ++stats.current_streak;
    --end;
  }
}

} // namespace

std::optional<double> Totals::average_pain_change() const
{
  if (pain_pairs == 0) {
    return std::nullopt;
  }
  return static_cast<double>(pain_change_sum) / static_cast<double>(pain_pairs);
}

std::optional<int> soreness(const Entry& entry)
{
  return entry.pain_before ? entry.pain_before : entry.pain_after;
}

void StatsBuilder::add(const Entry& entry)
{
  if (entry.status == Status::failed) {
    return;
  }
  count(m_stats.all, entry);
  for (const auto& routine : entry.routines) {
    count(m_stats.by_routine[routine], entry);
  }
  for (const auto& area : entry.areas) {
    count(m_stats.by_area[area], entry);
  }
  const int day = entry.local_day();
  m_days.insert(day);
  if (entry.tingling) {
    ++m_stats.tingling_sessions;
    m_stats.last_tingling_day =
      std::max(m_stats.last_tingling_day.value_or(day), day);
  }
  const int age = m_today - day;
  if (age >= 0 && age < week_count * 7) {
    ++m_recent_sessions[day];
  }
  if (age >= 0 && age < 14 && entry.pain_before) {
    m_recent_pain_sum += *entry.pain_before;
    ++m_recent_pain_count;
  }
  const auto score = soreness(entry);
  if (age >= 0 && age < 28 && score && *score >= painful_score) {
    for (const auto& area : entry.areas) {
      m_painful_days[area].insert(day);
    }
  }
}

Stats StatsBuilder::finish() const
{
  Stats stats = m_stats;
  streaks(m_days, m_today, stats);
  // Weeks end today: the last one is today and the six days before it.
  for (int week = week_count - 1; week >= 0; --week) {
    WeekCount count;
    count.first_day = m_today - week * 7 - 6;
    for (int day = count.first_day; day <= count.first_day + 6; ++day) {
      if (auto it = m_recent_sessions.find(day);
          it != m_recent_sessions.end()) {
        count.sessions += it->second;
      }
    }
    stats.weeks.push_back(count);
  }
  int last_four = 0;
  for (std::size_t i = stats.weeks.size() - 4; i < stats.weeks.size(); ++i) {
    last_four += stats.weeks[i].sessions;
  }
  stats.recent_per_week = last_four / 4.0;
  if (m_recent_pain_count > 0) {
    stats.recent_pain = static_cast<double>(m_recent_pain_sum) /
                        static_cast<double>(m_recent_pain_count);
    stats.chronic = *stats.recent_pain >= chronic_score;
  }
  // Painful for more than two weeks, and still painful this past week.
  for (const auto& [area, days] : m_painful_days) {
    const int first = *days.begin();
    const int last = *days.rbegin();
    if (last - first > 14 && m_today - last < 7) {
      stats.red_flags.push_back({area, first, last});
    }
  }
  return stats;
}

} // namespace knotrelief::journal
