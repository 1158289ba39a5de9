#include "coach/rules.hpp"

#include <algorithm>
#include <numeric>

namespace knotrelief::coach {

double meaningful_change(double baseline)
{
  const double points = baseline < 5 ? 1.0 : baseline < 8 ? 2.0 : 3.0;
  if (baseline < 1) {
    return points;
  }
  return std::min(points, meaningful_fraction * baseline);
}

std::string_view to_string(Trend trend)
{
  switch (trend) {
    case Trend::better:
      return "meaningful improvement";
    case Trend::worse:
      return "worse";
    case Trend::no_clear_change:
      return "no clear change";
    case Trend::too_few:
      break;
  }
  return "too few sessions";
}

std::optional<double> mean(std::span<const int> scores)
{
  if (scores.empty()) {
    return std::nullopt;
  }
  const long sum = std::accumulate(scores.begin(), scores.end(), 0L);
  return static_cast<double>(sum) / static_cast<double>(scores.size());
}

TrendVerdict trend_verdict(std::span<const int> scores)
{
  const std::size_t ends = std::min(scores.size(), verdict_mean_count);
  return trend_verdict(scores.first(ends), scores.last(ends), scores.size());
}

namespace {

// Better or worse when `change` of soreness (negative: less sore) reaches
// meaningful_change(baseline).
Trend judge_change(double change, double baseline)
{
  // A small tolerance: means of three whole numbers are thirds.
  constexpr double tolerance = 1e-9;
  const double needed = meaningful_change(baseline) - tolerance;
  if (change < 0 && -change >= needed) {
    return Trend::better;
  }
  if (change > 0 && change >= needed) {
    return Trend::worse;
  }
  return Trend::no_clear_change;
}

} // namespace

TrendVerdict trend_verdict(std::span<const int> first,
                           std::span<const int> last,
                           std::size_t sessions)
{
  TrendVerdict verdict;
  verdict.sessions = sessions;
  if (first.size() >= verdict_mean_count && last.size() >= verdict_mean_count) {
    verdict.baseline = mean(first.first(verdict_mean_count));
    verdict.recent = mean(last.last(verdict_mean_count));
  }
  if (sessions < verdict_min_sessions || !verdict.baseline) {
    return verdict;
  }
  verdict.trend =
    judge_change(*verdict.recent - *verdict.baseline, *verdict.baseline);
  return verdict;
}

Trend change_verdict(std::optional<double> mean_change,
                     std::size_t scored,
                     double baseline)
{
  if (!mean_change || scored < routine_min_scored) {
    return Trend::too_few;
  }
  return judge_change(*mean_change, baseline);
}

} // namespace knotrelief::coach
