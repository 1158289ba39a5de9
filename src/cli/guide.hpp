#pragma once

// The guide (data/guide.yaml) where it acts: `show guide`, and around a
// session of `run`: the check for the signs that call for a professional
// before the first session of an area, the "before you start" panel, and
// the closing panel with one aftercare and one habit line.

#include "cli/context.hpp"
#include "journal/entry.hpp"
#include "routine/guide.hpp"
#include "session/timeline.hpp"
#include "term/signals.hpp"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace knotrelief::cli {

// All of the guide, section by section (`knotrelief show guide`).
void print_guide(Context& context);

// A panel: its title, then each line wrapped and indented.
void print_panel(Context& context, const routine::Panel& panel);

// What the journal says that the guide's questions need: how many sessions
// are logged, and which areas had the check and were clear (a
// `checked=clear` field; the ids of routines without an area stand for
// their area).
struct JournalHistory
{
  std::size_t sessions = 0;
  std::set<std::string> checked_areas;
};

// Adds one journal entry to `history` (read_summary reads the journal).
void add_to_history(JournalHistory& history, const journal::Entry& entry);

// The areas of the session's routines that have not had the check yet.
std::vector<std::string> areas_to_check(const session::Timeline& timeline,
                                        const JournalHistory& history);

// The answer to the check.
struct CheckAnswer
{
  std::optional<journal::Checked> checked; // nothing: not asked or stopped
  bool stop = false; // a sign applies and the person chose not to go on
  int signal = 0;    // the signal that interrupted the questions
};

// Asks, on a terminal, whether any sign that calls for a professional
// applies, before the first session of `areas`; when one does, advises a
// professional and asks whether to go on anyway.
CheckAnswer check_for_signs(Context& context,
                            term::SignalPipe& signals,
                            const std::vector<std::string>& areas);

// The "before you start" panel: in full the first time, then one line,
// taking turns. The full panel waits for Enter on a terminal (`interactive`):
// the signal that came instead, or 0.
int show_intro(Context& context,
               term::SignalPipe& signals,
               const JournalHistory& history,
               bool interactive);

// The closing panel: one aftercare line and one habit line, taking turns.
void show_closing(Context& context, const JournalHistory& history);

} // namespace knotrelief::cli
