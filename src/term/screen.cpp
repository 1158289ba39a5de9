#include "term/screen.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::term {

namespace {

int color_code(Color color)
{
  switch (color) {
    case Color::red:
      return 31;
    case Color::green:
      return 32;
    case Color::yellow:
      return 33;
    case Color::blue:
      return 34;
    case Color::magenta:
      return 35;
    case Color::cyan:
      return 36;
    case Color::none:
      break;
  }
  return 0;
}

} // namespace

Screen::Screen(int columns, int rows, bool color)
  : m_color(color)
{
  resize(columns, rows);
}

void Screen::resize(int columns, int rows)
{
  m_columns = std::max(columns, 1);
  m_rows = std::max(rows, 1);
  m_shown.assign(static_cast<std::size_t>(m_columns) *
                   static_cast<std::size_t>(m_rows),
                 Cell{});
  m_next = m_shown;
  m_valid = false;
}

void Screen::invalidate()
{
  m_valid = false;
}

void Screen::clear()
{
  std::fill(m_next.begin(), m_next.end(), Cell{});
}

std::size_t Screen::index(int row, int column) const
{
  return static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns) +
         static_cast<std::size_t>(column);
}

Screen::Cell& Screen::next_cell(int row, int column)
{
  return m_next[index(row, column)];
}

// Blanks a cell about to be written, and the other half of a wide character
// it belongs to, so no half is left behind.
void Screen::release(int row, int column)
{
  if (next_cell(row, column).is_right_half() && column > 0) {
    next_cell(row, column - 1) = Cell{};
  } else if (column + 1 < m_columns &&
             next_cell(row, column + 1).is_right_half()) {
    next_cell(row, column + 1) = Cell{};
  }
  next_cell(row, column) = Cell{};
}

void Screen::put(int row, int column, std::string_view text, Style style)
{
  if (row < 0 || row >= m_rows) {
    return;
  }
  for (text::Glyph& glyph : text::glyphs(text)) {
    // An escape ("\\e") is ASCII: a cell for each of its characters.
    if (glyph.width > 1 && glyph.text.size() == glyph.width) {
      for (const char c : glyph.text) {
        if (!put_glyph(row, column, std::string(1, c), 1, style)) {
          return;
        }
        ++column;
      }
      continue;
    }
    const int width = static_cast<int>(glyph.width);
    if (!put_glyph(row, column, std::move(glyph.text), width, style)) {
      return;
    }
    column += width;
  }
}

// Puts one character of `width` cells; false when it does not fit.
bool Screen::put_glyph(int row,
                       int column,
                       std::string glyph,
                       int width,
                       Style style)
{
  if (column + width > m_columns) {
    return false;
  }
  // A mark with no character to join takes no cell.
  if (column >= 0 && width > 0) {
    release(row, column);
    if (width == 2) {
      release(row, column + 1);
      next_cell(row, column + 1) = Cell{"", style};
    }
    next_cell(row, column) = Cell{std::move(glyph), style};
  }
  return true;
}

std::string Screen::row_text(int row) const
{
  std::string text;
  for (int column = 0; column < m_columns; ++column) {
    text += m_next[index(row, column)].glyph;
  }
  return text;
}

std::string Screen::style_codes(const Style& style) const
{
  return select_graphic_rendition(style, m_color);
}

std::string select_graphic_rendition(const Style& style, bool color)
{
  std::string codes = "\x1b[0";
  if (style.bold) {
    codes += ";1";
  }
  if (style.dim) {
    codes += ";2";
  }
  if (style.reverse) {
    codes += ";7";
  }
  if (color && style.color != Color::none) {
    codes += fmt::format(";{}", color_code(style.color));
  }
  return codes + "m";
}

// The next stretch of changed cells in `row` from `from` on, as first and
// last column ({-1, -1} when none is left). Unchanged cells between changes
// are taken in when rewriting them costs fewer bytes than a cursor move, so
// large digits that change in a few places send only those places.
std::pair<int, int> Screen::next_change(int row, int from) const
{
  constexpr std::size_t cursor_move_bytes = 8; // "\x1b[RR;CCH"
  const auto changed = [&](int column) {
    return !(m_next[index(row, column)] == m_shown[index(row, column)]);
  };
  int first = from;
  while (first < m_columns && !changed(first)) {
    ++first;
  }
  if (first == m_columns) {
    return {-1, -1};
  }
  int last = first;
  std::size_t gap_bytes = 0;
  for (int column = first + 1;
       column < m_columns && gap_bytes <= cursor_move_bytes;
       ++column) {
    if (changed(column)) {
      last = column;
      gap_bytes = 0;
    } else {
      gap_bytes += m_next[index(row, column)].glyph.size();
    }
  }
  // A changed right half is drawn by writing its left half.
  if (first > 0 && m_next[index(row, first)].is_right_half()) {
    --first;
  }
  return {first, last};
}

// Moves to the run's first cell and writes the cells up to `last`,
// switching styles as needed; `current` is the style in effect.
std::string Screen::render_run(int row,
                               int first,
                               int last,
                               Style& current) const
{
  std::string out = fmt::format("\x1b[{};{}H", row + 1, first + 1);
  for (int column = first; column <= last; ++column) {
    const Cell& cell = m_next[index(row, column)];
    if (cell.is_right_half()) {
      continue;
    }
    if (!(cell.style == current)) {
      out += style_codes(cell.style);
      current = cell.style;
    }
    out += cell.glyph;
  }
  return out;
}

std::string Screen::render()
{
  std::string out;
  if (!m_valid) {
    // Unknown screen: clear it and compare against blanks.
    out += "\x1b[0m\x1b[H\x1b[2J";
    std::fill(m_shown.begin(), m_shown.end(), Cell{});
    m_valid = true;
  }
  Style current;
  for (int row = 0; row < m_rows; ++row) {
    int column = 0;
    while (column < m_columns) {
      const auto [first, last] = next_change(row, column);
      if (first < 0) {
        break;
      }
      out += render_run(row, first, last, current);
      column = last + 1;
    }
  }
  if (!(current == Style{})) {
    out += "\x1b[0m";
  }
  m_shown = m_next;
  return out;
}

} // namespace knotrelief::term
