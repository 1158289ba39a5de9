#include "coach/choose.hpp"

#include "coach/rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::coach {

using routine::Routine;

std::string sessions_text(int count)
{
  return fmt::format("{} session{}", count, count == 1 ? "" : "s");
}

namespace {

std::string change_text(const RoutineSummary& history)
{
  return fmt::format("{:+.1f} in {}",
                     history.mean_change().value_or(0),
                     history.last_changes.size());
}

// The routine of the area with the best mean change over enough scored
// sessions (the first in library order on a tie); nothing when none has.
const Routine* best_known(const std::vector<const Routine*>& candidates,
                          const Summary& summary)
{
  const Routine* best = nullptr;
  double best_mean = 0;
  for (const Routine* routine : candidates) {
    const auto found = summary.routines.find(routine->id);
    if (found == summary.routines.end() ||
        found->second.last_changes.size() < routine_min_scored) {
      continue;
    }
    const double mean = *found->second.mean_change();
    if (best == nullptr || mean < best_mean) {
      best = routine;
      best_mean = mean;
    }
  }
  return best;
}

struct Pick
{
  const Routine* routine = nullptr;
  std::string reason;
};

Pick pick_routine(const std::vector<const Routine*>& candidates,
                  const Summary& summary,
                  std::optional<double> soreness)
{
  const auto history = [&](const Routine* routine) {
    const auto found = summary.routines.find(routine->id);
    return found == summary.routines.end() ? RoutineSummary{} : found->second;
  };
  const Routine* best = best_known(candidates, summary);
  const auto untried =
    std::find_if(candidates.begin(), candidates.end(), [&](auto* routine) {
      return history(routine).sessions == 0;
    });
  const double needed = meaningful_change(soreness.value_or(0));
  if (untried != candidates.end() &&
      (best == nullptr || -*history(best).mean_change() < needed)) {
    return {*untried,
            best == nullptr
              ? fmt::format("trying {} (not tried yet)", (*untried)->id)
              : fmt::format("trying {} (not tried yet; {}: {})",
                            (*untried)->id,
                            best->id,
                            change_text(history(best)))};
  }
  if (best != nullptr) {
    const RoutineSummary known = history(best);
    const double change = *known.mean_change();
    return {
      best,
      change < 0
        ? fmt::format(
            "{} eased it by {:.1f} on average ({})",
            best->id,
            -change,
            sessions_text(static_cast<int>(known.last_changes.size())))
        : fmt::format("{}: {}, the best so far", best->id, change_text(known))};
  }
  // All tried, none scored often enough: gather scores, fewest first.
  const Routine* fewest = *std::min_element(
    candidates.begin(), candidates.end(), [&](auto* a, auto* b) {
      return history(a).last_changes.size() < history(b).last_changes.size();
    });
  return {fewest,
          fmt::format("{} (too few scores to compare yet)", fewest->id)};
}

std::string hold_reason(const RoutineSummary& history, bool red_flag)
{
  if (red_flag) {
    return "low (sore for over two weeks: gently)";
  }
  const auto name = session::to_string(history.point);
  if (history.sessions == 0) {
    return "low (a first time starts gently)";
  }
  if (history.move == HoldMove::up) {
    return fmt::format("{} (up from {}: your last {} sessions went well)",
                       name,
                       session::to_string(step_down(history.point)),
                       progression_streak);
  }
  if (history.move == HoldMove::down) {
    return fmt::format("{} (eased off after a flare or tingling)", name);
  }
  if (history.point == HoldPoint::high) {
    return std::string(name);
  }
  return fmt::format("{} ({} of {} good sessions before {})",
                     name,
                     history.streak,
                     progression_streak,
                     session::to_string(step_up(history.point)));
}

} // namespace

std::optional<RoutineChoice> choose_routine(const std::string& area,
                                            const Summary& summary,
                                            std::span<const Routine> routines,
                                            const AreaPlan& plan)
{
  std::vector<const Routine*> candidates;
  for (const Routine& routine : routines) {
    if (routine.area == area) {
      candidates.push_back(&routine);
    }
  }
  if (candidates.empty()) {
    return std::nullopt;
  }
  const Pick pick = pick_routine(candidates, summary, plan.soreness);
  const auto found = summary.routines.find(pick.routine->id);
  const RoutineSummary history =
    found == summary.routines.end() ? RoutineSummary{} : found->second;
  RoutineChoice choice;
  choice.id = pick.routine->id;
  choice.hold = plan.red_flag ? HoldPoint::low : history.point;
  choice.seconds = seconds_at(*pick.routine, choice.hold);
  choice.reason = pick.reason;
  choice.hold_reason = hold_reason(history, plan.red_flag);
  return choice;
}

} // namespace knotrelief::coach
