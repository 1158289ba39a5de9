#pragma once

// The routine of an area for today's plan, and its hold point
// (knotrelief(1), THE DAILY PLAN: Routine, Hold point).

#include "coach/plan.hpp"

#include <optional>
#include <span>
#include <string>

namespace knotrelief::coach {

// The routine for `area`'s plan (its soreness and red flag), or nothing when
// no routine of `routines` works the area.
std::optional<RoutineChoice> choose_routine(
  const std::string& area,
  const Summary& summary,
  std::span<const routine::Routine> routines,
  const AreaPlan& plan);

// "1 session", "3 sessions".
std::string sessions_text(int count);

} // namespace knotrelief::coach
