#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::text {

// Optimal string alignment distance (Levenshtein plus adjacent swaps), so
// that "nekc" is one edit from "neck".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `name` (at most `limit`, best first), for
// "did you mean" hints. Only names within a small distance qualify.
std::vector<std::string> closest_names(std::string_view name,
                                       std::span<const std::string> candidates,
                                       std::size_t limit = 3);

// "; did you mean 'neck'?" or "; did you mean 'neck' or 'back'?", or "" when
// nothing is close.
std::string did_you_mean(std::string_view name,
                         std::span<const std::string> candidates);

// "'a', 'b' or 'c'".
std::string quoted_list(std::span<const std::string> names,
                        std::string_view conjunction = "or");

// Where a text first breaks the rules for displayable text, if anywhere.
struct TextFault
{
  std::size_t offset;  // byte offset of the fault
  std::string problem; // e.g. "invalid UTF-8"
};

// Checks that `text` is valid UTF-8 with no NUL byte. Control characters are
// checked separately by find_control_character.
std::optional<TextFault> find_encoding_fault(std::string_view text);

// The first C0/C1 control character other than tab and newline, if any. Such
// characters (e.g. ESC) could drive the user's terminal, so text that will be
// displayed must not contain them.
std::optional<TextFault> find_control_character(std::string_view text);

// 1-based line and column (in characters) of a byte offset.
struct LineColumn
{
  int line;
  int column;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// Number of terminal columns a UTF-8 string takes, counting each code point
// as one column (good enough for the Latin text this program shows).
std::size_t display_width(std::string_view text);

// Pads or cuts `text` to exactly `width` columns (cut text ends in "…" or
// "..." when `unicode` is false).
std::string fit_width(std::string_view text, std::size_t width, bool unicode);

// Splits text into lines of at most `width` columns at spaces.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

std::string to_lower(std::string_view text);

} // namespace knotrelief::text
