#pragma once

// Small routines for tests that need their times, not their text.

#include "routine/model.hpp"

#include <string>

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

} // namespace knotrelief::test
