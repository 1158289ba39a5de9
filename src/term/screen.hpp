#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace knotrelief::term {

enum class Color
{
  none,
  red,
  green,
  yellow,
  blue,
  magenta,
  cyan
};

struct Style
{
  bool bold = false;
  bool dim = false;
  bool reverse = false;
  Color color = Color::none;

  bool operator==(const Style&) const = default;
};

// The escape sequence that resets the terminal's style and sets `style`
// (its colour only when `color`).
std::string select_graphic_rendition(const Style& style, bool color);

// A grid of character cells that knows what the terminal shows. render()
// returns only the escape codes and text needed to turn the old grid into
// the new one, so a countdown that changes one digit writes a few bytes.
class Screen
{
public:
  Screen(int columns, int rows, bool color);

  int columns() const { return m_columns; }
  int rows() const { return m_rows; }

  // Starts a new frame: the next render() compares against what is shown.
  void clear();
  // Writes text at (row, column), cut at the edge. The text is shown
  // through text::printable(); a wide character takes two cells (and is
  // left out when only one is left), a combining mark joins the character
  // before it. Writing over half of a wide character blanks all of it.
  void put(int row, int column, std::string_view text, Style style = {});

  // The text of a row in the next frame (for tests).
  std::string row_text(int row) const;

  // The bytes that update the terminal to the new frame.
  std::string render();
  // Forgets what the terminal shows: the next render() repaints it all.
  void invalidate();
  // Changes size (and repaints all next time).
  void resize(int columns, int rows);

private:
  // One terminal cell. The right half of a wide character has an empty
  // glyph: the terminal fills it when the left half is written.
  struct Cell
  {
    std::string glyph = " ";
    Style style;
    bool operator==(const Cell&) const = default;
    bool is_right_half() const { return glyph.empty(); }
  };
  std::size_t index(int row, int column) const;
  Cell& next_cell(int row, int column);
  void release(int row, int column);
  bool put_glyph(int row,
                 int column,
                 std::string glyph,
                 int width,
                 Style style);
  std::string style_codes(const Style& style) const;
  std::pair<int, int> next_change(int row, int from) const;
  std::string render_run(int row, int first, int last, Style& current) const;

  int m_columns;
  int m_rows;
  bool m_color;
  bool m_valid = false; // whether m_shown matches the terminal
  std::vector<Cell> m_shown;
  std::vector<Cell> m_next;
};

} // namespace knotrelief::term
