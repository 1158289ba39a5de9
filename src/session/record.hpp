#pragma once

// What one run of `knotrelief run` leaves behind, and the rules that turn it
// into a journal line and advice. Pure: no terminal, no clock, no files.

#include "journal/entry.hpp"
#include "session/runner.hpp"
#include "session/timeline.hpp"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace knotrelief::session {

struct SessionRecord
{
  std::chrono::system_clock::time_point start;
  RunResult result;
  bool failed = false; // ended by an error in the program
  std::optional<int> pain_before;
  std::optional<int> pain_after;
  bool tingling = false;
  // The answer to the check before an area's first session, when asked.
  std::optional<journal::Checked> checked;
  std::optional<journal::Tighter> tighter; // after steps done on each side
  std::string note; // from --note, or asked at the closing questions
};

// A duration as whole seconds, rounded to the nearest.
std::int64_t whole_seconds(Millis duration);

// completed, quit, interrupted (by a signal), or failed (by an error).
journal::Status session_status(const SessionRecord& record);

// The journal entry for a session (knotrelief-journal(5)): the routines and
// their areas in order, times in whole seconds, the answers and the note.
journal::Entry make_entry(const Timeline& timeline,
                          const SessionRecord& record);

// Refuses (a usage error), before anything starts, a session the journal
// could not hold: longer than limits::max_session_seconds (many routines, a
// high --scale), or a line longer than the reader accepts (very many
// routines). `record` holds what is known before the start (the note).
void check_session_fits(const Timeline& timeline, const SessionRecord& record);

// Whether pain rose or numbness/tingling was reported: the session calls for
// advice rather than encouragement.
bool needs_advice(const SessionRecord& record);

// When pain rose or numbness/tingling was reported: what to do, then
// `professional_title` and the `professional_signs` that it is time to see a
// professional, one a line. Empty when all is well.
std::string safety_advice(const SessionRecord& record,
                          std::string_view professional_title,
                          std::span<const std::string> professional_signs);

} // namespace knotrelief::session
