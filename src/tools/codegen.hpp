#pragma once

#include "routine/guide.hpp"
#include "routine/model.hpp"
#include "routine/spots.hpp"

#include <span>
#include <string>
#include <string_view>

namespace knotrelief::tools {

using routine::Routine;
using routine::Technique;

// C++ source defining builtin_techniques(), builtin_routines(),
// builtin_guide() and builtin_spots() (see builtin.hpp) so that they return
// exactly `techniques`, `routines`, `guide` and `spots`.
// The program then starts without parsing YAML (start-up time).
std::string generate_builtin_source(std::span<const Technique> techniques,
                                    std::span<const Routine> routines,
                                    const routine::Guide& guide,
                                    const routine::SpotLibrary& spots);

// `text` as a C++ string literal. Bytes outside printable ASCII become
// three-digit octal escapes, which unlike \x cannot swallow a following
// character, so any byte string survives the round trip.
std::string cpp_string_literal(std::string_view text);

} // namespace knotrelief::tools
