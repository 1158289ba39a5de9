#pragma once

// The soreness map of `log stats`: the body map with each area's spots
// shaded by its mean soreness before sessions over the last weeks, a
// legend, and the same numbers per area in words and in JSON.

#include "cli/context.hpp"
#include "cli/json.hpp"
#include "coach/progress.hpp"

namespace knotrelief::cli {

void print_soreness_map(Context& context, const coach::Progress& progress);

// "soreness_map": {"weeks": 4, "areas": [{area, mean, scored, level}]}.
void add_soreness_map_json(Json& json, const coach::Progress& progress);

} // namespace knotrelief::cli
