#pragma once

// The body map: the front and the back outline of data/spots.yaml side by
// side, with spots marked, drawn as lines of styled text. Pure: the caller
// says how wide, in which character set and whether in colour.

#include "routine/spots.hpp"
#include "term/screen.hpp"

#include <span>
#include <string>
#include <vector>

namespace knotrelief::term {

// One spot to mark: a pair's left or right one, or both (Side::none).
struct MapMark
{
  std::string spot;
  routine::Side side = routine::Side::none;
  std::string glyph; // one column: "1", "@", "\u25cf"
  Style style;       // with colour only; the glyph alone must tell it apart
};

struct BodyMapOptions
{
  int width = 80; // columns the map may take
  bool unicode = true;
  bool color = false;
};

struct MapRun
{
  std::string text;
  Style style;
};
using MapLine = std::vector<MapRun>;

// Columns between the two views, at full size and squeezed.
inline constexpr int map_gap = 4;
inline constexpr int narrow_map_gap = 1;

// Columns the map needs at least (the views with the narrow gap).
int body_map_min_width(const routine::BodyOutline& outline);

// Lines the map takes when it fits: a header with each view's name and its
// L and R, the outline's rows, and a line saying left and right are as in a
// mirror.
int body_map_height(const routine::BodyOutline& outline);

// The map with `marks` (the first mark on a cell wins; unknown spots are
// skipped), or, narrower than body_map_min_width(), one line saying so.
// No line is wider than options.width.
std::vector<MapLine> draw_body_map(const routine::SpotLibrary& spots,
                                   std::span<const MapMark> marks,
                                   const BodyMapOptions& options);

// A line's text without its styles.
std::string plain_text(const MapLine& line);

// The glyph of the current spot ("\u25cf" or "@") and of step `number`
// (1-9, then a-z, then "+").
std::string current_spot_glyph(bool unicode);
std::string step_glyph(std::size_t number);

// Marks for each spot of `ids`, both sides of a pair, with `glyph`.
std::vector<MapMark> marks_for(std::span<const std::string> ids,
                               const std::string& glyph,
                               Style style);

} // namespace knotrelief::term
