#pragma once

// Reading one journal line: the other half of format_entry (entry.hpp).

#include "journal/entry.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace knotrelief::journal {

// Parses one journal line (without its newline). Says what is wrong
// otherwise, without a location (the reader adds FILE:LINE). A line holds
// no control character but tab (text::find_control_character): a value's
// newline, carriage return and tab are written escaped.
std::expected<Entry, std::string> parse_entry(std::string_view line);

// Why `value` (a note) cannot be written to the journal, if it cannot: it
// is not UTF-8, or holds a control character other than newline, carriage
// return and tab, which the reader would refuse.
std::optional<std::string> field_text_problem(std::string_view value);

} // namespace knotrelief::journal
