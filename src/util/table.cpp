#include "util/table.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace knotrelief::text {

Table::Table(std::vector<std::string> header)
  : m_header(std::move(header))
{}

void Table::add_row(std::vector<std::string> row)
{
  row.resize(m_header.size());
  m_rows.push_back(std::move(row));
}

std::vector<std::string> Table::render(std::size_t max_width,
                                       bool unicode) const
{
  // Cells are shown printable, a newline as a symbol: a note's line break
  // must not start a row of its own.
  const LineBreak breaks = unicode ? LineBreak::symbol : LineBreak::escaped;
  const auto shown_row = [&](const std::vector<std::string>& row) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const auto& cell : row) {
      cells.push_back(printable(cell, breaks));
    }
    return cells;
  };
  std::vector<std::vector<std::string>> shown{shown_row(m_header)};
  for (const auto& row : m_rows) {
    shown.push_back(shown_row(row));
  }
  std::vector<std::size_t> widths(m_header.size(), 0);
  for (const auto& row : shown) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  const auto render_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c + 1 < row.size(); ++c) {
      line += fit_width(row[c], widths[c], unicode) + "  ";
    }
    std::string last = row.empty() ? std::string() : row.back();
    const std::size_t used = display_width(line);
    if (max_width > 0 && used < max_width &&
        used + display_width(last) > max_width) {
      last = fit_width(last, max_width - used, unicode);
    }
    line += last;
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    return line;
  };
  std::vector<std::string> lines;
  lines.reserve(shown.size());
  for (const auto& row : shown) {
    lines.push_back(render_row(row));
  }
  return lines;
}

} // namespace knotrelief::text
