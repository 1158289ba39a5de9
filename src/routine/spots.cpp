#include "routine/spots.hpp"

#include <algorithm>

namespace knotrelief::routine {

std::string_view to_string(View view)
{
  return view == View::front ? "front" : "back";
}

std::optional<View> parse_view(std::string_view text)
{
  if (text == "front") {
    return View::front;
  }
  if (text == "back") {
    return View::back;
  }
  return std::nullopt;
}

const std::vector<std::string>& BodyOutline::rows(View view) const
{
  return view == View::front ? front : back;
}

int BodyOutline::height() const
{
  return static_cast<int>(front.size());
}

int BodyOutline::width() const
{
  return front.empty() ? 0 : static_cast<int>(front.front().size());
}

bool BodyOutline::is_inside(View view, Cell cell) const
{
  const auto& grid = rows(view);
  if (cell.row < 0 || cell.row >= static_cast<int>(grid.size()) ||
      cell.column < 0) {
    return false;
  }
  const std::string& row = grid[static_cast<std::size_t>(cell.row)];
  return cell.column < static_cast<int>(row.size()) &&
         row[static_cast<std::size_t>(cell.column)] == inside_mark;
}

Cell BodyOutline::mirrored(Cell cell) const
{
  return {cell.row, width() - 1 - cell.column};
}

Cell spot_cell(const Spot& spot, const BodyOutline& outline, Side side)
{
  return spot.paired && side == Side::right ? outline.mirrored(spot.cell)
                                            : spot.cell;
}

const Spot* SpotLibrary::find(std::string_view id) const
{
  const auto it = std::find_if(
    spots.begin(), spots.end(), [id](const Spot& s) { return s.id == id; });
  return it == spots.end() ? nullptr : &*it;
}

std::vector<std::string> SpotLibrary::ids() const
{
  std::vector<std::string> result;
  result.reserve(spots.size());
  for (const Spot& spot : spots) {
    result.push_back(spot.id);
  }
  return result;
}

std::vector<std::string> routine_spots(const Routine& routine)
{
  std::vector<std::string> result;
  for (const Step& step : routine.steps) {
    for (const std::string& id : step.spots) {
      if (std::find(result.begin(), result.end(), id) == result.end()) {
        result.push_back(id);
      }
    }
  }
  return result;
}

} // namespace knotrelief::routine
