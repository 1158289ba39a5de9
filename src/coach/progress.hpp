#pragma once

// "Is it working?" for `log stats`, folded from journal entries one at a
// time: per area the verdict on the trend of soreness and the mean soreness
// of each of the last weeks, and the mean immediate change (after - before)
// of each technique. Memory follows the number of areas, routines and
// techniques, not the journal's length. Nothing here reads a clock.

#include "coach/rules.hpp"
#include "coach/summary.hpp"
#include "journal/entry.hpp"
#include "journal/stats.hpp"
#include "routine/model.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace knotrelief::coach {

// A mean of whole scores kept as a sum and a count.
struct ScoreMean
{
  std::int64_t sum = 0;
  int count = 0;

  void add(int value);
  std::optional<double> mean() const;
};

// The scored sessions of an area in the verdict window: the first and the
// last verdict_mean_count by time, and how many there were.
struct ScoreWindow
{
  std::vector<Dated> first;
  std::vector<Dated> last;
  std::size_t count = 0;

  void add(Dated score);
  TrendVerdict verdict() const;
};

struct AreaProgress
{
  ScoreWindow window;
  // Soreness before, per week, oldest first: the same weeks as
  // journal::Stats::weeks (the last one ends today).
  std::array<ScoreMean, journal::week_count> weeks;
};

// How often each side was the tighter one, from the answers after sessions.
struct SideTally
{
  int left = 0;
  int right = 0;
  int same = 0;

  void add(journal::Tighter tighter);
};

struct Progress
{
  std::map<std::string, AreaProgress> areas;
  std::map<std::string, ScoreMean> techniques; // immediate change
  // By area, over every session added (not only the verdict's window).
  std::map<std::string, SideTally> tighter;
};

// Routine id -> the techniques of its steps, each once, in step order.
using TechniquesByRoutine = std::map<std::string, std::vector<std::string>>;
TechniquesByRoutine techniques_by_routine(
  std::span<const routine::Routine> routines);

// Folds entries (any order) into Progress as of `today` (days since
// 1970-01-01). Failed sessions and sessions after today are left out; the
// verdict and the weeks look at the last verdict_window_days only.
class ProgressBuilder
{
public:
  ProgressBuilder(int today, TechniquesByRoutine techniques)
    : m_today(today)
    , m_techniques(std::move(techniques))
  {}

  void add(const journal::Entry& entry);
  Progress finish() const;

private:
  void add_change(const journal::Entry& entry, int change);

  int m_today;
  TechniquesByRoutine m_techniques;
  Progress m_progress;
  // Changes of single-routine sessions, spread over techniques at the end
  // (one lookup a session instead of one a technique).
  std::map<std::string, ScoreMean> m_routine_changes;
};

} // namespace knotrelief::coach
