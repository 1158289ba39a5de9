#pragma once

// The soreness map of `log stats`: each area's mean soreness before
// sessions over its last weeks, and the shade that draws it.

#include "coach/progress.hpp"

#include <string>
#include <vector>

namespace knotrelief::coach {

inline constexpr int soreness_map_weeks = 4;
// Shades from light to dark: level 1 for a mean below 2.5, 2 below 5, 3
// below 7.5, 4 from 7.5 on (0-10 scale).
inline constexpr int soreness_levels = 4;

struct AreaSoreness
{
  std::string area;
  double mean = 0.0; // soreness before, 0-10
  int scored = 0;    // sessions with a score
  int level = 1;     // 1..soreness_levels

  bool operator==(const AreaSoreness&) const = default;
};

// The areas with a scored session in the last `weeks` weeks of `progress`
// (its last week ends today), by area name.
std::vector<AreaSoreness> recent_soreness(const Progress& progress,
                                          int weeks = soreness_map_weeks);

int soreness_level(double mean);

} // namespace knotrelief::coach
