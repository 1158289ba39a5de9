#pragma once

// The journal as CSV (RFC 4180) for `log export --format csv`: a header row,
// then one row an entry, every field, lines ending in CRLF. A field holding
// a comma, a double quote, CR or LF, or a leading or trailing space is
// quoted, its quotes doubled. Free text (the note, the unknown fields) that
// starts with = + - @, a tab or CR gets a leading ' so that a spreadsheet
// shows it instead of running it as a formula (knotrelief(1)).

#include "journal/entry.hpp"

#include <string>
#include <string_view>

namespace knotrelief::journal {

// The header row, CRLF included.
std::string csv_header();

// One entry's row, CRLF included. Lists (routines, areas, hold points) are
// joined with commas; fields this version does not know go in the last
// column as they are written in the journal ("key=value key2=value2").
std::string csv_row(const Entry& entry);

// `value` as one CSV field.
std::string csv_field(std::string_view value);

// Free text as a spreadsheet may safely open it: a leading ' before a
// first character that would start a formula.
std::string csv_text(std::string_view text);

} // namespace knotrelief::journal
