#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::term {

// How many cells one pixel of the 3x5 font takes: `columns` across and
// `rows` down. A terminal cell is about twice as tall as it is wide, so
// columns == 2 * rows draws square pixels.
struct BigScale
{
  int columns = 1;
  int rows = 1;

  bool operator==(const BigScale&) const = default;
};

// Rows the font takes at `scale` (5 pixels high).
int big_text_height(BigScale scale);

// Cells `text` takes across at `scale`: its glyphs with one pixel between
// them. The font knows the digits, ':', '/' and ' '; anything else is
// drawn as a space.
int big_text_width(std::string_view text, BigScale scale);

// `text` in the block font, one string per terminal row, each exactly
// big_text_width() cells: full blocks (U+2588) or '#' without `unicode`.
std::vector<std::string> big_text(std::string_view text,
                                  BigScale scale,
                                  bool unicode);

// The largest scale at which `text` fits in `columns` x `rows`: as tall as
// fits with `columns` >= `rows` (a pixel no narrower than half its height),
// then as wide as fits up to square pixels. Nothing when even 1 x 1 does
// not fit.
std::optional<BigScale> largest_big_scale(std::string_view text,
                                          int columns,
                                          int rows);

} // namespace knotrelief::term
