#pragma once

// Today's plan (`knotrelief today`): which areas, which routine for each, at
// which hold point, and why, from the journal's summary, the routines and
// the day. Pure: the same inputs give the same plan, byte for byte.

#include "coach/rules.hpp"
#include "coach/summary.hpp"
#include "routine/model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace knotrelief::coach {

// When an area's next session is due.
struct Due
{
  bool chronic = false; // due every day, up to chronic_sessions_per_day
  bool today = false;
  int next_day = 0;   // today when due today
  std::string reason; // "3 sessions in 7 days, last one today"
};

// The due rules (chronic, else maintenance) for `area` as of `today`.
Due due_for(const AreaSummary& area, int today);

// The first day from `from` on when a session is due by the maintenance
// rule.
int maintenance_day(const AreaSummary& area, int from);

enum class AreaState
{
  planned,
  over_budget, // due, but past the time budget
  not_due,
  stopped, // tingling or a flare lately
  no_routine
};

struct RoutineChoice
{
  std::string id;
  HoldPoint hold = HoldPoint::low;
  std::int64_t seconds = 0;
  std::string reason;      // why this routine
  std::string hold_reason; // why this point
};

struct AreaPlan
{
  std::string area;
  AreaState state = AreaState::planned;
  std::optional<double> soreness; // recent
  bool chronic = false;
  bool red_flag = false;
  std::string reason; // why it is (or is not) in the plan today
  std::optional<RoutineChoice> choice;
  std::optional<int> next_due_day; // when not due
};

struct Plan
{
  int today = 0;
  int budget_seconds = 0;
  // No area in play and none asked for: ask where it hurts.
  bool needs_area = false;
  std::vector<AreaPlan> areas; // planned first, in the order to run them
  std::int64_t planned_seconds = 0;
  std::vector<std::string> advice;
  std::optional<int> next_due_day; // when nothing is planned

  std::vector<const RoutineChoice*> planned() const;
};

struct PlanOptions
{
  int budget_minutes = default_budget_minutes;
  // Plan for this area only, due or not (the first-run choice, --area).
  std::string area;
};

// `routines` in library order (ties between routines go to the first).
Plan make_plan(const Summary& summary,
               std::span<const routine::Routine> routines,
               const PlanOptions& options);

// The areas that have routines, sorted, each once (the first-run menu).
std::vector<std::string> routine_areas(
  std::span<const routine::Routine> routines);

// Seconds of `routine` on its own at `point`, without the get-ready.
std::int64_t seconds_at(const routine::Routine& routine, HoldPoint point);

} // namespace knotrelief::coach
