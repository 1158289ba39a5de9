#include "term/big_text.hpp"

#include <algorithm>
#include <array>

namespace knotrelief::term {

namespace {

constexpr int font_height = 5;

// 5-pixel-high glyphs, '#' a filled pixel; every row of a glyph is as wide.
struct Glyph
{
  char character;
  std::array<const char*, font_height> rows;
};

constexpr std::array<Glyph, 13> font{{
  {'0', {"###", "# #", "# #", "# #", "###"}},
  {'1', {"  #", "  #", "  #", "  #", "  #"}},
  {'2', {"###", "  #", "###", "#  ", "###"}},
  {'3', {"###", "  #", "###", "  #", "###"}},
  {'4', {"# #", "# #", "###", "  #", "  #"}},
  {'5', {"###", "#  ", "###", "  #", "###"}},
  {'6', {"###", "#  ", "###", "# #", "###"}},
  {'7', {"###", "  #", "  #", "  #", "  #"}},
  {'8', {"###", "# #", "###", "# #", "###"}},
  {'9', {"###", "# #", "###", "  #", "###"}},
  {':', {" ", "#", " ", "#", " "}},
  {'/', {"  #", "  #", " # ", "#  ", "#  "}},
  {' ', {" ", " ", " ", " ", " "}},
}};

const Glyph& glyph_for(char character)
{
  const auto* found =
    std::find_if(font.begin(), font.end(), [&](const Glyph& glyph) {
      return glyph.character == character;
    });
  return found != font.end() ? *found : font.back();
}

int glyph_pixels(const Glyph& glyph)
{
  return static_cast<int>(std::char_traits<char>::length(glyph.rows[0]));
}

// One row of pixels of `text`, '#' filled, a blank pixel between glyphs.
std::string pixel_row(std::string_view text, int row)
{
  std::string pixels;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0) {
      pixels += ' ';
    }
    pixels += glyph_for(text[i]).rows[static_cast<std::size_t>(row)];
  }
  return pixels;
}

} // namespace

int big_text_height(BigScale scale)
{
  return font_height * scale.rows;
}

int big_text_width(std::string_view text, BigScale scale)
{
  int pixels = text.empty() ? 0 : static_cast<int>(text.size()) - 1;
  for (const char character : text) {
    pixels += glyph_pixels(glyph_for(character));
  }
  return pixels * scale.columns;
}

std::vector<std::string> big_text(std::string_view text,
                                  BigScale scale,
                                  bool unicode)
{
  const std::string filled = unicode ? "\u2588" : "#";
  std::vector<std::string> rows;
  for (int row = 0; row < font_height; ++row) {
    std::string cells;
    for (const char pixel : pixel_row(text, row)) {
      for (int i = 0; i < scale.columns; ++i) {
        cells += pixel == '#' ? filled : " ";
      }
    }
    rows.insert(rows.end(), static_cast<std::size_t>(scale.rows), cells);
  }
  return rows;
}

std::optional<BigScale> largest_big_scale(std::string_view text,
                                          int columns,
                                          int rows)
{
  const int unit_width = big_text_width(text, BigScale{});
  if (unit_width <= 0) {
    return std::nullopt;
  }
  const int tallest = std::min(rows / font_height, columns / unit_width);
  if (tallest < 1) {
    return std::nullopt;
  }
  const int widest = std::min(tallest + tallest / 2, columns / unit_width);
  return BigScale{.columns = widest, .rows = tallest};
}

} // namespace knotrelief::term
