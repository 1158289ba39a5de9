#pragma once

#include "session/engine.hpp"

#include <string>
#include <vector>

namespace knotrelief::session {

// How long a hold shows its step's halfway cue.
inline constexpr int halfway_cue_seconds = 5;

// Everything a display needs for one moment of the session, in words and
// whole seconds. Displays format it; they never look at the engine.
struct Frame
{
  std::size_t segment_index = 0;
  SegmentKind kind = SegmentKind::hold;
  std::string routine_name;
  std::size_t routine_number = 1; // 1-based, of routine_count
  std::size_t routine_count = 1;
  std::size_t step_number = 1; // 1-based, within the routine
  std::size_t step_count = 1;
  std::string headline; // "Upper-trap compression", "Switch to the right side"
  std::string detail;   // "left side", "rep 2 of 2", "movement 4 of 10"
  std::string cue;
  // The step's spots (ids of routine/spots.hpp) and the side the segment is
  // on (a switch: the side to switch to).
  std::vector<std::string> spots;
  routine::Side side = routine::Side::none;
  std::string pressure; // "gentle", or empty
  std::string advice;
  std::string breathing;
  int remaining_seconds = 0; // rounded up, as a countdown shows it
  int length_seconds = 0;
  int session_remaining_seconds = 0;
  int movement = 0; // counted steps: 1-based movement
  int count = 0;
  int countdown = 0; // 3, 2, 1 just before a switch, else 0
  // The step's halfway cue when a hold, or a counted set, is half done:
  // for halfway_cue_seconds from the middle of a hold, during the first
  // movement of a set's second half; else empty.
  std::string halfway;
  bool paused = false;
  bool finished = false;

  // 0..1 of the current segment done.
  double fraction_done() const;
};

Frame make_frame(const Engine& engine, TimePoint now);

// A short spoken or printed line for the start of a segment:
// "Left side. Upper-trap compression." / "Switch to the right side."
std::string announcement(const Frame& frame);

int ceil_seconds(Millis duration);

} // namespace knotrelief::session
