#pragma once

#include "routine/guide.hpp"
#include "routine/model.hpp"
#include "routine/spots.hpp"

#include <vector>

namespace knotrelief::routine {

// The built-in data of data/, turned into C++ at build time by
// knotrelief-generate-builtin (src/tools), which refuses invalid data and so
// fails the build. Both are in the order of their files.
std::vector<Technique> builtin_techniques();
std::vector<Routine> builtin_routines();
Guide builtin_guide();
SpotLibrary builtin_spots();

} // namespace knotrelief::routine
