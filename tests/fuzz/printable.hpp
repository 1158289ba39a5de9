#pragma once

// The property every fuzz target checks of what it formats: text shown on a
// terminal (a table row, a diagnostic) is valid UTF-8 and holds no raw
// control character (C0, DEL, C1, bidi controls), whatever the input was.

#include "util/error.hpp"
#include "util/table.hpp"
#include "util/text.hpp"

#include <string_view>
#include <vector>

namespace knotrelief::fuzz {

inline void require_printable(std::string_view shown)
{
  if (text::find_control_character(shown) || text::find_encoding_fault(shown)) {
    __builtin_trap();
  }
}

inline void require_printable(const Diagnostic& problem)
{
  require_printable(to_string(problem));
}

// Renders `cells` as a table row in both character sets and checks it.
inline void require_printable_row(const std::vector<std::string>& cells)
{
  text::Table table(std::vector<std::string>(cells.size(), "H"));
  table.add_row(cells);
  for (const bool unicode : {true, false}) {
    for (const auto& line : table.render(40, unicode)) {
      require_printable(line);
    }
  }
}

} // namespace knotrelief::fuzz
