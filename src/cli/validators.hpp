#pragma once

// Checks for numeric options with plain messages: "--prep: must be a whole
// number from 0 to 600, not 'x'" rather than CLI11's "Value x not in range
// 0 to 600" (which it also says for text that is not a number at all).

#include <CLI/Error.hpp>
#include <CLI/Validators.hpp>

#include <string>
#include <vector>

namespace knotrelief::cli {

// Number validators read the text as decimal (from_chars) and rewrite it in
// its plain form ("010" becomes "10"), so that CLI11's own conversion, which
// takes a leading 0 for octal, sees what was meant. Use them with
// ->transform() (->check() would drop the rewrite).
CLI::Validator whole_number(int low, int high);
CLI::Validator decimal_number(double low, double high);
// "must be 'low', 'mid' or 'high', not 'x'".
CLI::Validator one_of(std::vector<std::string> words);
// Text the journal can hold: "must not hold control character \e".
CLI::Validator journal_text();
// Any text but none: "must not be empty" (an empty value would otherwise
// quietly mean the default).
CLI::Validator not_empty();
// A folder that exists: "no such folder: X", "not a folder: X".
CLI::Validator existing_folder();

} // namespace knotrelief::cli
