#pragma once

// Small routines for tests that need their times, not their text.

#include "routine/model.hpp"
#include "session/timeline.hpp"

#include <string>
#include <vector>

namespace knotrelief::test {

// A routine of one step held from `low` to `high` seconds.
inline routine::Routine one_step_routine(std::string id,
                                         std::string area,
                                         int low,
                                         int high)
{
  routine::Routine routine;
  routine.id = std::move(id);
  routine.name = routine.id;
  routine.area = std::move(area);
  routine::Step step;
  step.name = "Press";
  step.cue = "press";
  step.hold = routine::DurationRange{low, high};
  routine.steps = {step};
  return routine;
}

// The timeline of one routine ("r") of `steps`, with `prep` seconds to get
// ready; it keeps the routine its timeline refers to.
struct OneRoutineTimeline
{
  std::vector<routine::Routine> routines;
  session::Timeline timeline;

  explicit OneRoutineTimeline(std::vector<routine::Step> steps, int prep = 5)
  {
    routine::Routine routine;
    routine.id = "r";
    routine.name = "R";
    routine.steps = std::move(steps);
    routines.push_back(std::move(routine));
    session::TimelineOptions options;
    options.prep_seconds = prep;
    timeline = session::build_timeline(routines, options);
  }
};

} // namespace knotrelief::test
