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
  if (m_color && style.color != Color::none) {
    codes += fmt::format(";{}", color_code(style.color));
  }
  return codes + "m";
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
    const auto begin =
      static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns);
    int first = -1;
    int last = -1;
    for (int column = 0; column < m_columns; ++column) {
      if (!(m_next[begin + column] == m_shown[begin + column])) {
        first = first < 0 ? column : first;
        last = column;
      }
    }
    if (first < 0) {
      continue;
    }
    // A changed right half is drawn by writing its left half.
    if (first > 0 && m_next[begin + first].is_right_half()) {
      --first;
    }
    out += fmt::format("\x1b[{};{}H", row + 1, first + 1);
    for (int column = first; column <= last; ++column) {
      const Cell& cell = m_next[begin + column];
      if (cell.is_right_half()) {
        continue;
      }
      if (!(cell.style == current)) {
        out += style_codes(cell.style);
        current = cell.style;
      }
      out += cell.glyph;
    }
  }
  if (!(current == Style{})) {
    out += "\x1b[0m";
  }
  m_shown = m_next;
  return out;
}

} // namespace knotrelief::term
