#pragma once

// Named spots on the body (data/spots.yaml, knotrelief-routine(5) section
// SPOTS): where a knot usually sits, how to find it, and where it is drawn
// on the body map, a front and a back outline seen as in a mirror.

#include "routine/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::routine {

enum class View
{
  front,
  back
};

std::string_view to_string(View view);
std::optional<View> parse_view(std::string_view text);

// A cell of an outline: 0-based row and column.
struct Cell
{
  int row = 0;
  int column = 0;

  bool operator==(const Cell&) const = default;
};

// The front and the back of the body as rows of ASCII of one width, the
// same for both; `inside_mark` marks the body's inside, anything else but a
// space is the outline drawn around it. The person's left is on the left of
// both views: the front as a mirror shows it, the back as seen from behind.
struct BodyOutline
{
  static constexpr char inside_mark = '#';

  std::vector<std::string> front;
  std::vector<std::string> back;

  const std::vector<std::string>& rows(View view) const;
  int height() const;
  int width() const;
  bool is_inside(View view, Cell cell) const;
  // `cell` reflected across the middle column.
  Cell mirrored(Cell cell) const;

  bool operator==(const BodyOutline&) const = default;
};

struct Spot
{
  std::string id;
  std::string name;
  std::string area;    // as routines name areas: neck, back, ...
  bool paired = false; // one on the left and one on the right
  View view = View::back;
  Cell cell;        // the left one of a pair
  std::string find; // one line: how to find it with your fingers

  bool operator==(const Spot&) const = default;
};

// Where `spot` is drawn for `side`: a pair's left or right one; Side::none
// gives the left one (callers draw both of a pair for it).
Cell spot_cell(const Spot& spot, const BodyOutline& outline, Side side);

struct SpotLibrary
{
  BodyOutline outline;
  std::vector<Spot> spots; // in file order

  const Spot* find(std::string_view id) const;
  std::vector<std::string> ids() const;

  bool operator==(const SpotLibrary&) const = default;
};

// The spots of the routine's steps, each once, in the order steps name
// them.
std::vector<std::string> routine_spots(const Routine& routine);

} // namespace knotrelief::routine
