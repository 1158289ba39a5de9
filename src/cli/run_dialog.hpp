#pragma once

// The parts of `run` around the countdown itself: how the terminal is used,
// the header, the soreness questions, the summary with its safety advice,
// and the journal line.

#include "cli/commands.hpp"
#include "session/record.hpp"
#include "session/runner.hpp"
#include "term/prompt.hpp"
#include "term/session_terminal.hpp"
#include "term/signals.hpp"

#include <chrono>
#include <filesystem>
#include <optional>

namespace knotrelief::cli {

using term::TerminalTraits;

// Whether ACCESSIBLE asks for plain lines: set to anything but empty or 0.
bool accessible_requested(const EnvLookup& env);

// How the terminal can be used; `plain` (--plain), or ACCESSIBLE, keeps a
// terminal to plain lines: no full screen, no colour.
TerminalTraits detect_terminal(const Context& context, bool plain = false);

void print_header(Context& context, const session::Timeline& timeline);

struct PainAnswer
{
  std::optional<int> score;
  int signal = 0; // the signal that interrupted the question, if any
};

PainAnswer ask_pain(Context& context,
                    term::SignalPipe& signals,
                    std::string_view question);

// Asks `question` and reads a line, again after Ctrl-Z and `fg`.
term::PromptResult ask_line(Context& context,
                            term::SignalPipe& signals,
                            std::string_view question);

// A yes/no question; Enter means no. Nothing when the input ended or a
// signal came instead of an answer; the signal is left in `signal`.
std::optional<bool> ask_yes(Context& context,
                            term::SignalPipe& signals,
                            std::string_view question,
                            int& signal);

// A reply to "Which side felt tighter?": l, left, r, right, s or same in
// any case; nothing for anything else.
std::optional<journal::Tighter> tighter_answer(std::string_view reply);

// Shows `prompt` and waits for Enter: the signal that came instead, or 0.
int wait_for_enter(Context& context,
                   term::SignalPipe& signals,
                   std::string_view prompt);

using session::SessionRecord;

// The summary, the closing questions (unless --pain-after answered them or
// there is no terminal; the tighter side only when `each_side`: the session
// had steps done on each side) and the advice. Returns the record completed
// with the answers; a signal at a question ends the questions and is kept in
// result.signal.
SessionRecord close_session(Context& context,
                            const RunOptions& options,
                            SessionRecord record,
                            term::SignalPipe& signals,
                            bool each_side);

struct LogResult
{
  bool written = false;
  int signal = 0; // a signal that ended the wait for the journal's lock
};

// Appends the session's line to `journal`. When it cannot be written, says
// why and prints the line to keep by hand.
LogResult log_session(Context& context,
                      const session::Timeline& timeline,
                      const SessionRecord& record,
                      const std::filesystem::path& journal,
                      term::SignalPipe& signals);

} // namespace knotrelief::cli
