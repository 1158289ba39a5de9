#include "term/body_map.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace knotrelief::term {

using routine::BodyOutline;
using routine::Cell;
using routine::View;

namespace {

constexpr std::string_view mirror_note =
  "L is your left, R your right, as in a mirror";

// How an outline character is drawn: the inside blank, edges as lines.
std::string edge_glyph(char c, bool unicode)
{
  if (c == BodyOutline::inside_mark) {
    return " ";
  }
  if (unicode) {
    switch (c) {
      case '/':
        return "\u2571";
      case '\\':
        return "\u2572";
      case '|':
        return "\u2502";
      case '-':
        return "\u2500";
      default:
        break;
    }
  }
  return std::string(1, c);
}

// The marks by view and cell, the first on a cell kept.
using Placed = std::map<std::pair<View, std::pair<int, int>>, const MapMark*>;

Placed place(const routine::SpotLibrary& spots, std::span<const MapMark> marks)
{
  Placed placed;
  for (const MapMark& mark : marks) {
    const routine::Spot* spot = spots.find(mark.spot);
    if (!spot) {
      continue;
    }
    std::vector<routine::Side> sides{mark.side};
    if (spot->paired && mark.side == routine::Side::none) {
      sides = {routine::Side::left, routine::Side::right};
    }
    for (routine::Side side : sides) {
      const Cell cell = routine::spot_cell(*spot, spots.outline, side);
      placed.emplace(std::pair{spot->view, std::pair{cell.row, cell.column}},
                     &mark);
    }
  }
  return placed;
}

void add_run(MapLine& line, std::string_view text, Style style)
{
  if (!line.empty() && line.back().style == style) {
    line.back().text += text;
  } else {
    line.push_back({std::string(text), style});
  }
}

void add_view_row(MapLine& line,
                  const BodyOutline& outline,
                  View view,
                  int row,
                  const Placed& placed,
                  const BodyMapOptions& options)
{
  const std::string& cells = outline.rows(view)[static_cast<std::size_t>(row)];
  for (int column = 0; column < static_cast<int>(cells.size()); ++column) {
    const auto mark = placed.find({view, {row, column}});
    if (mark != placed.end()) {
      add_run(line,
              mark->second->glyph,
              options.color ? mark->second->style : Style{});
    } else {
      add_run(
        line,
        edge_glyph(cells[static_cast<std::size_t>(column)], options.unicode),
        {});
    }
  }
}

std::string view_header(View view, int width)
{
  const std::string name = view == View::front ? "FRONT" : "BACK";
  const int inner = std::max(width - 2, 0);
  const int left = (inner - static_cast<int>(name.size())) / 2;
  const int right = inner - static_cast<int>(name.size()) - left;
  return fmt::format("L{:{}}{}{:{}}R", "", left, name, "", right);
}

// `text` cut to `width` columns when wider, never padded.
std::string cut_to(std::string_view text, std::size_t width, bool unicode)
{
  std::string cut = text::fit_width(text, width, unicode);
  cut.erase(cut.find_last_not_of(' ') + 1);
  return cut;
}

} // namespace

int body_map_min_width(const BodyOutline& outline)
{
  return 2 * outline.width() + narrow_map_gap;
}

int body_map_height(const BodyOutline& outline)
{
  return outline.height() + 2;
}

std::vector<MapLine> draw_body_map(const routine::SpotLibrary& spots,
                                   std::span<const MapMark> marks,
                                   const BodyMapOptions& options)
{
  const BodyOutline& outline = spots.outline;
  const auto width = static_cast<std::size_t>(std::max(options.width, 0));
  if (options.width < body_map_min_width(outline)) {
    return {{{cut_to(fmt::format("(the body map needs {} columns)",
                                 body_map_min_width(outline)),
                     width,
                     options.unicode),
              {}}}};
  }
  const int gap =
    options.width >= 2 * outline.width() + map_gap ? map_gap : narrow_map_gap;
  const std::string spacer(static_cast<std::size_t>(gap), ' ');
  const Placed placed = place(spots, marks);
  std::vector<MapLine> lines;
  lines.push_back({{view_header(View::front, outline.width()) + spacer +
                      view_header(View::back, outline.width()),
                    Style{.bold = true}}});
  for (int row = 0; row < outline.height(); ++row) {
    MapLine line;
    add_view_row(line, outline, View::front, row, placed, options);
    add_run(line, spacer, {});
    add_view_row(line, outline, View::back, row, placed, options);
    lines.push_back(std::move(line));
  }
  lines.push_back(
    {{cut_to(mirror_note, width, options.unicode), Style{.dim = true}}});
  return lines;
}

std::string plain_text(const MapLine& line)
{
  std::string text;
  for (const MapRun& run : line) {
    text += run.text;
  }
  return text;
}

std::string current_spot_glyph(bool unicode)
{
  return unicode ? "\u25cf" : "@";
}

std::string step_glyph(std::size_t number)
{
  if (number >= 1 && number <= 9) {
    return std::string(1, static_cast<char>('0' + number));
  }
  if (number >= 10 && number < 10 + 26) {
    return std::string(1, static_cast<char>('a' + (number - 10)));
  }
  return "+";
}

std::vector<MapMark> marks_for(std::span<const std::string> ids,
                               const std::string& glyph,
                               Style style)
{
  std::vector<MapMark> marks;
  for (const std::string& id : ids) {
    marks.push_back({id, routine::Side::none, glyph, style});
  }
  return marks;
}

} // namespace knotrelief::term
