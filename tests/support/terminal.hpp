#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::test {

// The cells a terminal would show after the bytes Screen::render() writes:
// cursor moves, clearing and SGR codes; text takes the width
// text::glyphs gives it. Writing over half of a wide character blanks the
// other half, as xterm does. Any other control byte or sequence is recorded
// in unexpected(), so a test can tell that nothing else reached the
// terminal.
class FakeTerminal
{
public:
  FakeTerminal(int columns, int rows);

  void feed(std::string_view bytes);
  // The row's text, each cell's glyph in turn (a wide character once).
  std::string row(int row) const;
  const std::string& unexpected() const { return m_unexpected; }

private:
  struct Cell
  {
    std::string glyph = " ";
    bool right_half = false;
  };
  std::size_t escape(std::string_view bytes, std::size_t at);
  void write(std::string glyph, int width);
  void blank(int column);

  int m_columns;
  int m_rows;
  int m_row = 0;
  int m_column = 0;
  std::vector<std::vector<Cell>> m_cells;
  std::string m_unexpected;
};

} // namespace knotrelief::test
