#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace knotrelief::text {

// Rows of text laid out in aligned columns, the last column left ragged.
class Table
{
public:
  explicit Table(std::vector<std::string> header);

  void add_row(std::vector<std::string> row);
  bool empty() const { return m_rows.empty(); }

  // Lines of the table, header first, two spaces between columns. When
  // `max_width` is not 0, the last column is cut to fit it. Cells may hold
  // any text: each is shown through printable(), a newline as a symbol (or
  // "\n" when `unicode` is false), so no cell can drive the terminal or
  // start a line of its own.
  std::vector<std::string> render(std::size_t max_width = 0,
                                  bool unicode = true) const;

private:
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

} // namespace knotrelief::text
