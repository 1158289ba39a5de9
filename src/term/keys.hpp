#pragma once

#include "session/ports.hpp"

#include <string_view>
#include <vector>

namespace knotrelief::term {

// Turns bytes read from a raw-mode terminal into commands: space pause,
// n next, b back, + and - time, q or a lone Esc quit, ? help. Escape
// sequences (arrows, function keys, mouse) and other keys are dropped.
std::vector<session::Command> decode_keys(std::string_view bytes);

} // namespace knotrelief::term
