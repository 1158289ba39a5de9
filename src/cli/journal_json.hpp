#pragma once

// A journal entry as JSON, every field of it: the objects of `log --json`
// and of `log export --format json` (its schema:
// docs/journal-export.schema.json, described in knotrelief(1)).

#include "cli/json.hpp"
#include "journal/entry.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace knotrelief::cli {

// The version `log export --format json` names in its "format" member.
inline constexpr std::string_view export_format = "knotrelief-journal/1";

// Every field; absent numbers and answers are null, lists are arrays, the
// fields this version does not know are [key, value] pairs in order.
Json entry_json(const journal::Entry& entry);

// The inverse of entry_json: what format_entry of the result writes is the
// line the entry was read from (for a line knotrelief wrote). An error names
// the member that is wrong.
std::expected<journal::Entry, std::string> entry_from_json(const Json& json);

} // namespace knotrelief::cli
