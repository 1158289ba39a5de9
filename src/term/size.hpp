#pragma once

#include <optional>

namespace knotrelief::term {

struct Size
{
  int columns = 80;
  int rows = 24;
};

// The window size of the terminal on `fd`, or nothing when `fd` is not a
// terminal (or reports a zero size).
std::optional<Size> window_size(int fd);

} // namespace knotrelief::term
