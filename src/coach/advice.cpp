#include "coach/advice.hpp"

#include "journal/time.hpp"

#include <fmt/format.h>

namespace knotrelief::coach {

// The guide: daily while pain is chronic, three to five times a week to
// keep knots from coming back.
std::string sessions_advice(const journal::Stats& stats)
{
  const std::string rate =
    fmt::format("Last 4 weeks: {:.1f} sessions a week.", stats.recent_per_week);
  if (stats.chronic) {
    return fmt::format("{} Your recent soreness averages {:.1f}/10: while pain "
                       "is chronic, the guide "
                       "suggests a session every day{}",
                       rate,
                       stats.recent_pain.value_or(0.0),
                       stats.recent_per_week >= 7 ? " - you are doing that."
                                                  : ".");
  }
  if (stats.recent_per_week < 3) {
    return rate + " To keep knots away the guide suggests 3 to 5 a week.";
  }
  if (stats.recent_per_week <= 5) {
    return rate + " That is the 3 to 5 a week the guide suggests for upkeep.";
  }
  return rate + " More than the 3 to 5 a week the guide suggests for upkeep; "
                "daily is for chronic pain.";
}

std::vector<std::string> professional_reasons(const journal::Stats& stats,
                                              int today)
{
  std::vector<std::string> lines;
  lines.reserve(stats.red_flags.size() + 1);
  for (const auto& flag : stats.red_flags) {
    lines.push_back(fmt::format("{}: logged as painful for {} days (since {})",
                                flag.area,
                                flag.last_day - flag.first_day + 1,
                                journal::iso_date(flag.first_day)));
  }
  if (stats.last_tingling_day &&
      today - *stats.last_tingling_day <= journal::recent_tingling_days) {
    lines.push_back(fmt::format("numbness, tingling or weakness: last on {}",
                                journal::iso_date(*stats.last_tingling_day)));
  }
  return lines;
}

} // namespace knotrelief::coach
