#pragma once

// The coach's rules as numbers (knotrelief(1), "today" and "log stats"), and
// the pure judgements built on them: when a change of soreness counts, and
// the verdict on an area's trend. Nothing here reads a clock or a file.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace knotrelief::coach {

// Areas with a session in this many days (today included) are in play.
inline constexpr int active_window_days = 28;
// Recent soreness: the mean of this many last `pain_before` scores.
inline constexpr std::size_t recent_score_count = 3;
// Chronic: mean `pain_before` of this many days at or above chronic_score.
inline constexpr int chronic_window_days = 14;
inline constexpr double chronic_score = 4.0;
// While chronic, a session is due every day, up to this many a day.
inline constexpr int chronic_sessions_per_day = 2;
// Otherwise due with fewer than maintenance_sessions in the last
// maintenance_window_days days, or none in the last maintenance_gap_days.
inline constexpr int maintenance_window_days = 7;
inline constexpr int maintenance_sessions = 3;
inline constexpr int maintenance_gap_days = 2;
// A routine is judged on the immediate change of its last scored sessions.
inline constexpr std::size_t routine_change_count = 5;
inline constexpr std::size_t routine_min_scored = 2;
// Hold points step up after this many good sessions in a row at one point.
inline constexpr int progression_streak = 2;
// Steps done on each side start on the side that felt tighter in most of
// the routine's last tighter_answer_count answers (a tie: left first).
inline constexpr std::size_t tighter_answer_count = 2;
// A flare: soreness after at least this much above soreness before.
inline constexpr int flare_rise = 2;
// Tingling or a flare keeps an area out of the plan on the day and the day
// after (48 hours by the calendar).
inline constexpr int stop_window_days = 2;
// The two-week red flag: painful scores (at or above painful_score) spread
// over more than red_flag_span_days within the active window, the last of
// them within red_flag_recent_days.
inline constexpr int painful_score = 3;
inline constexpr int red_flag_span_days = 14;
inline constexpr int red_flag_recent_days = 7;
// The time budget of a plan when --minutes is not given.
inline constexpr int default_budget_minutes = 10;

// The trend verdict of `log stats`: over a window of verdict_window_days,
// baseline = mean of the first verdict_mean_count scored sessions, recent =
// mean of the last verdict_mean_count; fewer than verdict_min_sessions
// scored sessions is too few to tell.
inline constexpr int verdict_window_days = 8 * 7;
inline constexpr std::size_t verdict_mean_count = 3;
inline constexpr std::size_t verdict_min_sessions = 6;
// A change counts at this fraction of the baseline, or at the points of
// meaningful_change(), whichever is smaller.
inline constexpr double meaningful_fraction = 0.3;

// The smallest change of soreness that counts from `baseline` (0-10): 1
// point from a baseline under 5, 2 under 8, else 3; or 30 % of the baseline
// when that is smaller (from a baseline of 1 up).
double meaningful_change(double baseline);

enum class Trend
{
  too_few,
  better,
  worse,
  no_clear_change
};

std::string_view to_string(Trend trend);

struct TrendVerdict
{
  Trend trend = Trend::too_few;
  std::size_t sessions = 0;
  std::optional<double> baseline; // set from verdict_mean_count sessions up
  std::optional<double> recent;
};

// The verdict on `scores`: the `pain_before` of the scored sessions in the
// window, oldest first.
TrendVerdict trend_verdict(std::span<const int> scores);
// The same from the first and the last scores only (at least
// verdict_mean_count of each, oldest first) and the number of sessions.
TrendVerdict trend_verdict(std::span<const int> first,
                           std::span<const int> last,
                           std::size_t sessions);

// The verdict on a routine's immediate change: `mean_change` (after -
// before, over `scored` sessions) better or worse by at least
// meaningful_change(baseline), the mean soreness before those sessions;
// fewer than routine_min_scored scored sessions is too few to tell.
Trend change_verdict(std::optional<double> mean_change,
                     std::size_t scored,
                     double baseline);

// The mean of `scores`, or nothing when empty.
std::optional<double> mean(std::span<const int> scores);

} // namespace knotrelief::coach
