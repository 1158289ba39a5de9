#pragma once

// The lines `run` prints under its summary: today's change of soreness
// against the usual for the session's routines, and when the next session
// is due.

#include "coach/summary.hpp"
#include "journal/entry.hpp"

#include <string>
#include <vector>

namespace knotrelief::coach {

// `before` holds the journal as it was before the session, as of the
// session's day; `entry` is the session's journal line.
std::vector<std::string> after_run_lines(const SummaryBuilder& before,
                                         const journal::Entry& entry);

} // namespace knotrelief::coach
