#include "term/screen.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::term {

namespace {

bool is_continuation(char c)
{
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

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

void Screen::put(int row, int column, std::string_view text, Style style)
{
  if (row < 0 || row >= m_rows) {
    return;
  }
  for (std::size_t i = 0; i < text.size() && column < m_columns;) {
    std::size_t length = 1;
    while (i + length < text.size() && is_continuation(text[i + length])) {
      ++length;
    }
    if (column >= 0) {
      Cell& cell = m_next[static_cast<std::size_t>(row) *
                            static_cast<std::size_t>(m_columns) +
                          static_cast<std::size_t>(column)];
      cell.glyph.assign(text.substr(i, length));
      cell.style = style;
    }
    i += length;
    ++column;
  }
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
    out += fmt::format("\x1b[{};{}H", row + 1, first + 1);
    for (int column = first; column <= last; ++column) {
      const Cell& cell = m_next[begin + column];
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
