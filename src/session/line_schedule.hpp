#pragma once

#include "session/frame.hpp"

#include <optional>
#include <vector>

namespace knotrelief::session {

// The moments of a session that earn a line of their own in plain mode,
// where nothing is redrawn and each line stays in the scrollback (and is
// read out once by a screen reader).
enum class Moment
{
  segment_start,    // every segment, as it starts
  halfway,          // a hold or set of at least long_hold_seconds, half
                    // done, or one of any length with a halfway cue
  ten_seconds_left, // the same, with ten seconds to go
  countdown,        // 3-2-1 before the next segment, as one line
};

// Holds and counted sets at least this long get the halfway and the
// ten-seconds-left lines; shorter ones only the start and the 3-2-1.
inline constexpr int long_hold_seconds = 30;
inline constexpr int last_seconds_warning = 10;

// Which moments each frame reaches, each once per segment: fed the frames
// of a session in order, it gives the moments that came up since the frame
// before (none while paused). The first frame of a segment gives only its
// start, so a segment entered late (`n`, `b`) does not catch up on lines.
// Adding time (`+`) past a moment lets it come again.
class LineSchedule
{
public:
  std::vector<Moment> observe(const Frame& frame);

private:
  struct Reached
  {
    bool halfway = false;
    bool ten_left = false;
    bool countdown = false;
  };

  static Reached reached(const Frame& frame);

  std::optional<std::size_t> m_segment;
  Reached m_reached;
};

} // namespace knotrelief::session
