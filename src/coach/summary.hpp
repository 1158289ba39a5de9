#pragma once

// What the coach needs from the journal, folded from its entries one at a
// time: memory follows the number of areas and routines and the sessions of
// the last weeks, not the journal's length.

#include "journal/entry.hpp"
#include "session/timeline.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace knotrelief::coach {

using session::HoldPoint;

// A value of one session, kept with its time so that the latest win even
// when the journal is out of order (`log add --at`).
struct Dated
{
  std::chrono::system_clock::time_point time;
  int value = 0;
};

// The latest `limit` values by time, oldest first.
void keep_latest(std::vector<Dated>& values, Dated value, std::size_t limit);
// The earliest `limit` values by time, oldest first.
void keep_earliest(std::vector<Dated>& values, Dated value, std::size_t limit);
std::vector<int> values_of(const std::vector<Dated>& values);

struct AreaSummary
{
  std::vector<Dated> last_scores;     // pain_before, recent_score_count at most
  std::map<int, int> sessions_by_day; // in the active window
  std::optional<int> last_day;        // of the latest session up to today
  std::int64_t chronic_sum = 0;       // pain_before in the chronic window
  std::int64_t chronic_count = 0;
  std::optional<int> stop_day; // latest day with tingling or a flare
  bool stop_was_tingling = false;
  std::optional<int> first_painful_day; // in the active window
  std::optional<int> last_painful_day;

  std::optional<double> recent_soreness() const;
  std::optional<double> chronic_mean() const;
  // Sessions from day `first` to day `last`, both included.
  int sessions_between(int first, int last) const;
};

// How a routine's hold point last moved.
enum class HoldMove
{
  none,
  up,
  down
};

struct RoutineSummary
{
  int sessions = 0;
  std::vector<Dated> last_changes;  // after - before, routine_change_count
  HoldPoint point = HoldPoint::low; // where the next session holds
  int streak = 0;                   // good sessions in a row at `point`
  HoldMove move = HoldMove::none;   // at its latest session with a hold
  // The latest answers to "which side felt tighter?" (journal::Tighter as
  // int), tighter_answer_count at most, oldest first.
  std::vector<Dated> last_tighter;

  std::optional<double> mean_change() const;
  // Where its steps done on each side start: right when right was the
  // tighter side more often than left in last_tighter, else left.
  routine::Side first_side() const;
};

struct Summary
{
  int today = 0;
  std::size_t entries = 0; // up to today
  std::map<std::string, AreaSummary> areas;
  std::map<std::string, RoutineSummary> routines;
};

// Folds entries, in journal order, into a Summary as of `today` (days since
// 1970-01-01). Sessions after today are left out. Hold points follow the
// journal's order; the latest scores follow the sessions' times.
class SummaryBuilder
{
public:
  explicit SummaryBuilder(int today) { m_summary.today = today; }

  void add(const journal::Entry& entry);
  const Summary& summary() const { return m_summary; }

private:
  void add_area(const std::string& area, const journal::Entry& entry);
  void add_routine(std::size_t index, const journal::Entry& entry);

  Summary m_summary;
};

// A flare: soreness after at least flare_rise above soreness before.
bool is_flare(const journal::Entry& entry);

HoldPoint step_up(HoldPoint point);
HoldPoint step_down(HoldPoint point);

} // namespace knotrelief::coach
