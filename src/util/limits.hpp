#pragma once

// Limits shared by the code that writes the journal and the code that reads
// it back, and by the routine loader and `run`, which decide how long a
// session can be. One definition, so that nothing is written that the reader
// would later skip as malformed.

#include <cstddef>

namespace knotrelief::limits {

// A journal line (without its newline) is at most this long; the reader
// skips longer lines, so the writer refuses to write them.
inline constexpr std::size_t max_journal_line_bytes = std::size_t{64} * 1024;

// No session lasts longer than a day: planned_s and actual_s above this are
// malformed, routines that could run longer are refused when loaded, and
// `run` refuses a combination of routines and --scale that passes it.
inline constexpr int max_session_seconds = 24 * 60 * 60;

// A note as written in the journal: quoted and escaped, where a quote, a
// backslash, a newline, a carriage return and a tab take two bytes each.
// Leaves room in a line for every other field.
inline constexpr std::size_t max_note_bytes = std::size_t{16} * 1024;

} // namespace knotrelief::limits
