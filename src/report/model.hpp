#pragma once

// `log report`: one page for a physiotherapist or doctor, as a pure model
// built from journal entries, the routine library, the period and "today"
// (passed in: nothing here reads a clock, a file or prints). The figures
// come from the coach and journal::StatsBuilder, not from rules of its own.
// The renderers (render.hpp) turn it into HTML, Markdown or text.

#include "coach/progress.hpp"
#include "coach/rules.hpp"
#include "coach/summary.hpp"
#include "journal/entry.hpp"
#include "journal/stats.hpp"
#include "routine/model.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace knotrelief::report {

// Events and notes are listed up to this many, the latest; the report says
// how many more there were.
inline constexpr std::size_t listed_limit = 40;

struct Week
{
  int first_day = 0; // days since 1970-01-01; the week is 7 days from it
  int sessions = 0;
};

struct AreaRow
{
  std::string area;
  int sessions = 0;
  coach::TrendVerdict verdict;
  std::optional<double> meaningful; // the change that counts, from baseline
  // Mean soreness before sessions, one per Report::weeks.
  std::vector<std::optional<double>> weekly_soreness;
  coach::SideTally tighter; // all zero when never asked
};

struct RoutineRow
{
  std::string id;
  std::string name; // from the library; empty when it has no such routine
  int sessions = 0;
  std::size_t scored = 0;            // of the last coach::routine_change_count
  std::optional<double> mean_change; // after - before
  std::optional<double> baseline;    // mean soreness before, its sessions
  coach::Trend trend = coach::Trend::too_few;
  std::vector<std::string> steps; // "name (technique, 30-60 s, each side)"
};

// A session that reported numbness or tingling, or a flare.
struct Event
{
  int day = 0;
  std::vector<std::string> areas;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
};

struct Note
{
  int day = 0;
  std::vector<std::string> routines;
  std::string text; // the user's, raw: renderers escape it
};

// A list kept to its latest listed_limit items, with the count of all.
template <typename Item>
struct Listed
{
  std::vector<Item> items; // oldest first
  std::size_t total = 0;
  std::size_t left_out() const { return total - items.size(); }
};

struct Report
{
  int today = 0;
  std::optional<int> since_day; // the --since cutoff's day
  int first_day = 0;            // of the first session reported
  int last_day = 0;             // of the last one
  int sessions = 0;
  std::int64_t seconds = 0;
  std::vector<Week> weeks; // in the period, oldest first; the last ends today
  double recent_per_week = 0;
  std::string advice;
  std::vector<AreaRow> areas;
  std::vector<RoutineRow> routines;
  Listed<Event> tingling;
  Listed<Event> flares;
  std::vector<journal::RedFlag> red_flags;
  std::vector<std::string> see_a_professional; // coach::professional_reasons
  Listed<Note> notes;

  bool empty() const { return sessions == 0; }
};

// Folds entries (any order) into a Report as of `today` (days since
// 1970-01-01). Feed it only the entries in the period; sessions after today
// are left out as the coach leaves them out.
class ReportBuilder
{
public:
  ReportBuilder(int today, std::span<const routine::Routine> routines);

  void add(const journal::Entry& entry);
  Report finish(std::optional<int> since_day) const;

private:
  void add_events(const journal::Entry& entry, int day);
  RoutineRow routine_row(const std::string& id,
                         const journal::Totals& totals) const;

  int m_today;
  std::span<const routine::Routine> m_routines;
  journal::StatsBuilder m_stats;
  coach::ProgressBuilder m_progress;
  // Per routine, its last coach::routine_change_count changes (after -
  // before), kept as coach::SummaryBuilder keeps them, and the soreness
  // before those sessions: the baseline of its verdict.
  struct RoutineChanges
  {
    coach::RoutineSummary changes;
    std::vector<coach::Dated> before;
  };
  std::map<std::string, RoutineChanges> m_routine_changes;
  std::optional<int> m_first_day;
  int m_last_day = 0;
  Listed<Event> m_tingling;
  Listed<Event> m_flares;
  Listed<Note> m_notes;
};

// A step as the report lists it: "name (technique, 30-60 s, each side)".
std::string step_text(const routine::Step& step);

} // namespace knotrelief::report
