#include "support/terminal.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace knotrelief::test {

FakeTerminal::FakeTerminal(int columns, int rows)
  : m_columns(columns)
  , m_rows(rows)
  , m_cells(static_cast<std::size_t>(rows),
            std::vector<Cell>(static_cast<std::size_t>(columns)))
{}

void FakeTerminal::feed(std::string_view bytes)
{
  std::size_t at = 0;
  while (at < bytes.size()) {
    if (bytes[at] == '\x1b') {
      at = escape(bytes, at);
      continue;
    }
    // One printable character (and the marks after it) at a time.
    std::size_t end = at + text::code_point_at(bytes, at).length;
    while (end < bytes.size() && bytes[end] != '\x1b') {
      const std::size_t next = end + text::code_point_at(bytes, end).length;
      if (text::glyphs(bytes.substr(at, next - at)).size() > 1) {
        break;
      }
      end = next;
    }
    const auto glyphs = text::glyphs(bytes.substr(at, end - at));
    if (glyphs.size() != 1 || glyphs[0].text != bytes.substr(at, end - at)) {
      m_unexpected += std::string(bytes.substr(at, end - at));
    } else {
      write(glyphs[0].text, static_cast<int>(glyphs[0].width));
    }
    at = end;
  }
}

// Reads the CSI sequence at `at`; returns where the text goes on.
std::size_t FakeTerminal::escape(std::string_view bytes, std::size_t at)
{
  if (at + 1 >= bytes.size() || bytes[at + 1] != '[') {
    m_unexpected += "ESC";
    return at + 1;
  }
  std::size_t end = at + 2;
  while (end < bytes.size() &&
         (std::isdigit(static_cast<unsigned char>(bytes[end])) ||
          bytes[end] == ';' || bytes[end] == '?')) {
    ++end;
  }
  if (end == bytes.size()) {
    m_unexpected += "unterminated CSI";
    return end;
  }
  const std::string parameters(bytes.substr(at + 2, end - at - 2));
  switch (bytes[end]) {
    case 'H': {
      const std::size_t semicolon = parameters.find(';');
      m_row = parameters.empty() ? 0 : std::atoi(parameters.c_str()) - 1;
      m_column = semicolon == std::string::npos
                   ? 0
                   : std::atoi(parameters.c_str() + semicolon + 1) - 1;
      break;
    }
    case 'J':
      for (auto& row : m_cells) {
        std::fill(row.begin(), row.end(), Cell{});
      }
      break;
    case 'm':
    case 'h':
    case 'l':
      break;
    default:
      m_unexpected += "CSI " + parameters + bytes[end];
  }
  return end + 1;
}

void FakeTerminal::blank(int column)
{
  auto& row = m_cells[static_cast<std::size_t>(m_row)];
  const auto at = static_cast<std::size_t>(column);
  if (row[at].right_half && column > 0) {
    row[at - 1] = Cell{};
  } else if (at + 1 < row.size() && row[at + 1].right_half) {
    row[at + 1] = Cell{};
  }
  row[at] = Cell{};
}

void FakeTerminal::write(std::string glyph, int width)
{
  if (m_row < 0 || m_row >= m_rows || m_column < 0 ||
      m_column + width > m_columns) {
    m_unexpected += "text outside the screen: " + glyph;
    return;
  }
  auto& row = m_cells[static_cast<std::size_t>(m_row)];
  for (int i = 0; i < width; ++i) {
    blank(m_column + i);
  }
  row[static_cast<std::size_t>(m_column)].glyph = std::move(glyph);
  if (width == 2) {
    row[static_cast<std::size_t>(m_column) + 1] = Cell{"", true};
  }
  m_column += width;
}

std::string FakeTerminal::row(int row) const
{
  std::string text;
  for (const Cell& cell : m_cells[static_cast<std::size_t>(row)]) {
    text += cell.glyph;
  }
  return text;
}

} // namespace knotrelief::test
