#include "routine/describe.hpp"

#include <fmt/format.h>

namespace knotrelief::routine {

std::string describe_timing(const Step& step)
{
  std::string text = step.is_counted()
                       ? fmt::format("{} movements, {} each",
                                     step.count,
                                     format_duration(step.pace_seconds))
                       : format_duration(step.hold.value_or(DurationRange{}));
  if (step.reps > 1) {
    text += fmt::format(" x {}", step.reps);
  }
  switch (step.sides) {
    case Sides::both:
      text += step.is_counted() ? ", each side" : " each side";
      break;
    case Sides::left:
    case Sides::right:
      text += fmt::format(", {} side", to_string(step.sides));
      break;
    case Sides::none:
      break;
  }
  return text;
}

std::string describe_reps(const RepRange& reps)
{
  return reps.low == reps.high
           ? fmt::format("{} time{}", reps.low, reps.low == 1 ? "" : "s")
           : fmt::format("{}-{} times", reps.low, reps.high);
}

} // namespace knotrelief::routine
