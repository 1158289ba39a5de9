#pragma once

#include "journal/entry.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace knotrelief::journal {

struct Totals
{
  int sessions = 0;
  // 64-bit sums: a long journal (or a hostile one) passes what an int holds.
  std::int64_t seconds = 0;
  std::int64_t pain_pairs = 0;      // sessions with both pain scores
  std::int64_t pain_change_sum = 0; // sum of after - before over those

  // Mean of after - before; negative is better. Nothing when unknown.
  std::optional<double> average_pain_change() const;
};

struct WeekCount
{
  int first_day = 0; // days since 1970-01-01
  int sessions = 0;
};

// An area logged as painful over more than two weeks: pain that lasts
// beyond two weeks is a sign to see a professional (knotrelief(1), log
// stats).
struct RedFlag
{
  std::string area;
  int first_day = 0;
  int last_day = 0;
};

struct Stats
{
  Totals all;
  std::map<std::string, Totals> by_routine;
  std::map<std::string, Totals> by_area;
  int current_streak = 0; // days in a row up to today (or yesterday)
  int longest_streak = 0;
  std::vector<WeekCount> weeks; // the last `week_count` weeks, oldest first
  double recent_per_week = 0;   // mean over the last four weeks
  std::optional<double> recent_pain; // mean soreness before, last two weeks
  bool chronic = false;              // recent soreness high enough to go daily
  std::vector<RedFlag> red_flags;
  // Sessions that reported numbness, tingling or weakness, and the last day
  // one did.
  int tingling_sessions = 0;
  std::optional<int> last_tingling_day;
};

// Scores at or above this count as painful.
inline constexpr int painful_score = 3;
// Mean recent soreness at or above this counts as chronic pain.
inline constexpr double chronic_score = 4.0;
inline constexpr int week_count = 8;
// Numbness or tingling this many days ago or less is a warning in log stats.
inline constexpr int recent_tingling_days = 28;

// Builds statistics from entries given one at a time (any order), in memory
// bounded by the number of routines, areas and days logged, not by lines.
// `today` is the local day of "now" (days since 1970-01-01).
class StatsBuilder
{
public:
  explicit StatsBuilder(int today)
    : m_today(today)
  {}

  void add(const Entry& entry);
  Stats finish() const;

private:
  int m_today;
  Stats m_stats;
  std::set<int> m_days;                 // days with a session
  std::map<int, int> m_recent_sessions; // day -> sessions, last 8 weeks
  std::int64_t m_recent_pain_sum = 0;
  std::int64_t m_recent_pain_count = 0;
  std::map<std::string, std::set<int>> m_painful_days; // last four weeks
};

// The soreness an entry reports for red flags: before if given, else after.
std::optional<int> soreness(const Entry& entry);

} // namespace knotrelief::journal
