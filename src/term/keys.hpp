#pragma once

#include "session/ports.hpp"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::term {

// How long a lone Esc waits for a following byte before it counts as the
// Esc key (as vim's 'ttimeout'): the bytes of one escape sequence arrive
// well within it, a person's next key well after it.
inline constexpr std::chrono::milliseconds escape_timeout{50};

// Turns the bytes read from a raw-mode terminal into commands: space pause,
// n next, b back, + and - time, q or a lone Esc quit, ? help. Escape
// sequences (arrows, function keys, mouse) and other keys are dropped.
//
// The bytes may come in pieces of any size: an escape sequence cut off at
// the end of one feed() is kept and completed by the next. Whether an ESC at
// the end is the Esc key or the start of a sequence only time tells: the
// caller calls flush() once no byte has followed for escape_timeout.
class KeyDecoder
{
public:
  std::vector<session::Command> feed(std::string_view bytes);
  // No more bytes soon: a kept lone ESC is the Esc key (quit); a kept,
  // unfinished sequence is dropped.
  std::vector<session::Command> flush();
  // True while the end of an escape sequence is awaited.
  bool pending() const { return !m_partial.empty(); }

private:
  std::string m_partial; // an unfinished escape sequence, ESC first
};

// All of `bytes` at once, with nothing following: feed(), then flush().
std::vector<session::Command> decode_keys(std::string_view bytes);

} // namespace knotrelief::term
