#pragma once

// The spots and the body map on the command line: `show SPOT`, the map of
// `show ROUTINE` and what `list --spots` and `log stats` print with them.

#include "cli/commands.hpp"
#include "cli/json.hpp"
#include "routine/spots.hpp"
#include "term/body_map.hpp"

#include <span>
#include <string_view>

namespace knotrelief::cli {

// The prefix that makes `show` read a name as a spot id: "spot:calf".
inline constexpr std::string_view spot_prefix = "spot:";

// Prints the body map with `marks`, as wide as the output allows, in colour
// on a terminal that has it.
void print_body_map(Context& context, std::span<const term::MapMark> marks);

// A routine's spots, each marked with the number of the first step that
// names it, on the sides that step works.
std::vector<term::MapMark> step_marks(const routine::Routine& routine);

// The routines (ids) with a step on `spot`.
std::vector<std::string> routines_on(Context& context, std::string_view spot);

Json spot_json(const routine::Spot& spot, std::vector<std::string> routines);

void print_spot(Context& context,
                const routine::Spot& spot,
                const ShowOptions& options);

} // namespace knotrelief::cli
