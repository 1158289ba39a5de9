#pragma once

// The parts of `run` around the countdown itself: how the terminal is used,
// the header, the soreness questions, the summary with its safety advice,
// and the journal line.

#include "cli/commands.hpp"
#include "session/runner.hpp"
#include "term/signals.hpp"

#include <chrono>
#include <filesystem>
#include <optional>

namespace knotrelief::cli {

struct TerminalTraits
{
  bool smart = false;       // stdout is a terminal and TERM is not dumb
  bool keys = false;        // stdin is a terminal
  bool interactive = false; // both: questions may be asked
  bool color = false;
  bool unicode = false;
};

TerminalTraits detect_terminal(const Context& context);

void print_header(Context& context, const session::Timeline& timeline);

struct PainAnswer
{
  std::optional<int> score;
  int signal = 0; // the signal that interrupted the question, if any
};

PainAnswer ask_pain(Context& context,
                    term::SignalPipe& signals,
                    std::string_view question);

struct SessionRecord
{
  std::chrono::system_clock::time_point start;
  session::RunResult result;
  bool failed = false;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
  bool tingling = false;
  std::string note; // from --note, or asked at the closing questions
};

// Refuses, before anything starts, a session the journal could not hold:
// longer than limits::max_session_seconds (many routines, a high --scale),
// or a line longer than the reader accepts (very many routines).
void check_session_fits(const session::Timeline& timeline,
                        const SessionRecord& record);

// When pain rose or numbness/tingling was reported: the seeds' signs that it
// is time to see a professional, in our words. Empty when all is well.
std::string safety_advice(const SessionRecord& record);

// Summary, closing questions, advice, and the journal line. Returns false
// when the journal could not be written (the line is then printed).
bool finish_session(Context& context,
                    const RunOptions& options,
                    const session::Timeline& timeline,
                    SessionRecord& record,
                    const std::filesystem::path& journal,
                    term::SignalPipe& signals);

} // namespace knotrelief::cli
