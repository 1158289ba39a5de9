#include "coach/soreness_map.hpp"

#include <algorithm>
#include <cmath>

namespace knotrelief::coach {

int soreness_level(double mean)
{
  // On the mean as shown, to one decimal, so that the legend's ranges
  // (0-2.4, 2.5-4.9, ...) hold for the numbers beside it.
  const double shown = std::round(mean * 10.0) / 10.0;
  const int level = static_cast<int>(std::floor(shown / 2.5)) + 1;
  return std::clamp(level, 1, soreness_levels);
}

std::vector<AreaSoreness> recent_soreness(const Progress& progress, int weeks)
{
  std::vector<AreaSoreness> result;
  for (const auto& [area, area_progress] : progress.areas) {
    ScoreMean recent;
    const auto& all = area_progress.weeks;
    const auto first =
      all.size() - std::min(all.size(), static_cast<std::size_t>(weeks));
    for (std::size_t i = first; i < all.size(); ++i) {
      recent.sum += all[i].sum;
      recent.count += all[i].count;
    }
    if (const auto mean = recent.mean()) {
      result.push_back({area, *mean, recent.count, soreness_level(*mean)});
    }
  }
  return result;
}

} // namespace knotrelief::coach
