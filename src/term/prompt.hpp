#pragma once

#include "term/signals.hpp"

#include <optional>
#include <string>

namespace knotrelief::term {

enum class PromptEnd
{
  answered,
  end_of_input,
  suspended, // Ctrl-Z: the process stopped and was continued; ask again
  signalled
};

struct PromptResult
{
  PromptEnd end = PromptEnd::answered;
  std::string line;      // without the newline
  int signal = 0;        // when signalled
  bool too_long = false; // the line passed max_bytes; `line` is empty
};

// Reads one line from the terminal `fd` in its normal (cooked) mode while
// watching the signal pipe, so Ctrl-C at a question ends the program cleanly
// and Ctrl-Z stops it as any program (the caller then asks again). Without
// job control (job_control_available()) Ctrl-Z is ignored.
// A line longer than `max_bytes` is read to its end and refused whole
// (too_long), never cut: a cut could split a character or lose words.
PromptResult read_line(int fd,
                       SignalPipe& signals,
                       std::size_t max_bytes = 1024);

// Parses a soreness score: "" (skip) gives nothing; 0..10 gives the number;
// anything else is an error message.
std::optional<std::string> pain_score_error(const std::string& text);

} // namespace knotrelief::term
