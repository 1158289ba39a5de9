#pragma once

#include "routine/spots.hpp"
#include "session/frame.hpp"
#include "term/screen.hpp"

#include <string>
#include <vector>

namespace knotrelief::term {

struct LayoutOptions
{
  bool unicode = true; // box and block characters, else ASCII
  // The body map beside the cue, on terminals of at least
  // map_min_columns x map_min_rows; none: no map.
  const routine::SpotLibrary* spots = nullptr;
  // Less movement: the clocks in steps of calm_clock_step seconds and the
  // bar in steps of a tenth, so nothing changes every second.
  bool reduce_motion = false;
};

inline constexpr int calm_clock_step = 5;

// `seconds` rounded up to a multiple of calm_clock_step (a countdown never
// shows 0 before its end).
int calm_seconds(int seconds);

// `frame` with its clocks in calm_clock_step steps (reduce_motion).
session::Frame calm_frame(session::Frame frame);

inline constexpr int map_min_columns = 100;
inline constexpr int map_min_rows = 30;

// Draws one frame of a session on `screen`, fitted to its size: the clock
// (a counted step's movement, "4 / 10") in digits as large as the rows the
// text leaves allow, centred, with the bar across the width; a compact
// layout on small terminals, wrapped and cut text on narrow ones. On a
// large terminal the body map stands on the right with the step's spots
// marked on the side being worked.
void compose(const session::Frame& frame,
             bool help,
             const LayoutOptions& options,
             Screen& screen);

// "0:32" as five rows of block glyphs (3 cells a digit).
std::vector<std::string> big_clock(const std::string& clock, bool unicode);

// A bar of `width` cells, `fraction` of it filled.
std::string progress_bar(double fraction, int width, bool unicode);

// "0:45", "4:05", "1:02:03": a countdown clock face (0:00 below zero).
std::string format_clock(int seconds);

// A window title for `frame`: the time left in the segment, and what it is
// ("0:32 Upper-trap compression", "0:32 paused - ..."), at most
// `max_columns` wide. The text is printable(): no control characters.
std::string window_title(const session::Frame& frame, int max_columns = 60);

} // namespace knotrelief::term
