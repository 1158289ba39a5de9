#pragma once

// What `today` and `run` share: the journal folded for the coach, and the
// day the coach takes as today.

#include "cli/context.hpp"
#include "cli/guide.hpp"
#include "coach/summary.hpp"
#include "journal/entry.hpp"

#include <filesystem>

namespace knotrelief::cli {

// The local day of now, or KNOTRELIEF_TODAY (YYYY-MM-DD) when set: for
// tests, so that a fixture journal gives the same plan on any day. Usage
// error when it is set and not a real date.
int coach_today(const Context& context);

// What an unreadable journal (not a missing one) means to a reader.
enum class UnreadableJournal
{
  warn, // a warning, and it reads as empty: the session can still run
  fail, // an Error (exit 1): `remind check` must not guess "due"
};

// Reads `journal` into a summary as of `today`, and into `history` when
// given (one pass for both). Malformed lines are left out with one warning
// that counts them; a missing journal reads as empty.
coach::SummaryBuilder read_summary(
  Context& context,
  const std::filesystem::path& journal,
  int today,
  JournalHistory* history = nullptr,
  UnreadableJournal unreadable = UnreadableJournal::warn);

// The coach's lines after a session (coach::after_run_lines).
void print_after_run(Context& context,
                     const coach::SummaryBuilder& before,
                     const journal::Entry& entry);

} // namespace knotrelief::cli
