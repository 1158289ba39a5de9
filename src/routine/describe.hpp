#pragma once

#include "routine/model.hpp"

#include <string>

namespace knotrelief::routine {

// How a step is timed, in words: "30s", "45s each side", "15s x 2",
// "1-2m each side", "10 movements, 3s each", "45s, right side".
std::string describe_timing(const Step& step);

// "3 times", "3-5 times".
std::string describe_reps(const RepRange& reps);

} // namespace knotrelief::routine
