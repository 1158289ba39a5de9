#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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

// The first control character in `text`, if any: a C0 control not listed in
// `allowed` (e.g. "\n"), DEL, a C1 control (U+0080-U+009F), or a bidi
// override, embedding, isolate or mark (U+202A-U+202E, U+2066-U+2069,
// U+200E, U+200F, U+061C), which reorders the text around it on screen.
// Such characters could drive the user's terminal or disguise text, so new
// input that will be displayed must not contain them. The problem names the
// character as printable() shows it: "control character \e".
std::optional<TextFault> find_control_character(std::string_view text,
                                                std::string_view allowed = {});

// The code point starting at byte `at` of `text` and its length in bytes;
// a byte that does not start valid UTF-8 comes back as itself, length 1,
// with `valid` false.
struct CodePoint
{
  char32_t value;
  std::size_t length;
  bool valid;
};
CodePoint code_point_at(std::string_view text, std::size_t at);

// Whether find_control_character reports `code_point` whatever is allowed:
// DEL, a C1 control or a bidi control. (C0 controls depend on `allowed`.)
bool is_control_character(char32_t code_point);

// 1-based line and column (in characters) of a byte offset.
struct LineColumn
{
  int line;
  int column;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// ---------------------------------------------------------------------------
// Showing text that comes from outside the program.
//
// The contract: every piece of text from a file, an argument or the
// environment (routine and journal fields, file names, typed names, messages
// quoting them) passes through printable() on its way to a terminal. Table,
// fit_width, wrap, Screen::put, to_string(Diagnostic) and the cli printing
// helpers do it themselves, so text given to them is safe as it is.
//
// printable() shows what could drive or disguise the terminal as visible
// escapes:
//   newline \n (or a symbol, see LineBreak), tab \t, carriage return \r,
//   ESC \e, other C0 controls and DEL \xNN, C1 controls \x80-\x9f,
//   bytes that are not UTF-8 \xNN, bidi controls \u202e,
//   characters the C library has no width for \uNNNN.
// Everything else, backslashes included, is kept, so printable() of its own
// output changes nothing. When the output's character set is ASCII (see
// Charset), every other character beyond ASCII is shown as \uNNNN too.
// ---------------------------------------------------------------------------

// The character set of the output that printable() shows text for.
//   utf8:  printable characters beyond ASCII are kept ("ě").
//   ascii: they are escaped too ("\u011b"), so printable() gives only
//          printable ASCII. For a terminal not in UTF-8 mode, which reads
//          bytes 0x80-0x9F as C1 controls even inside a valid UTF-8
//          character: the "ě" of C4 9B holds 0x9B, CSI.
enum class Charset
{
  utf8,
  ascii,
};

// The contract: one process-wide setting, UTF-8 until set. The CLI sets it
// once at start-up from the locale's character set, before it shows
// anything (see ScopedOutputCharset), and nothing else changes it; every
// printable(), width and fit below follows it, so an escaped character is
// measured as wide as its escape. JSON output does not use printable() and
// is not affected.
Charset output_charset();
void set_output_charset(Charset charset);

// Sets the output character set for the life of the object and puts back
// the one before: for the CLI's entry point, run in process by tests, and
// for tests themselves.
class ScopedOutputCharset
{
public:
  explicit ScopedOutputCharset(Charset charset)
    : m_previous(output_charset())
  {
    set_output_charset(charset);
  }
  ~ScopedOutputCharset() { set_output_charset(m_previous); }
  ScopedOutputCharset(const ScopedOutputCharset&) = delete;
  ScopedOutputCharset& operator=(const ScopedOutputCharset&) = delete;

private:
  Charset m_previous;
};

// How a newline is shown.
enum class LineBreak
{
  escaped, // \n
  symbol,  // U+23CE, for table cells on a UTF-8 terminal (\n in ASCII)
};

// One character as shown: its bytes (with any zero-width marks that follow
// it) and the terminal columns it takes (0 only for marks with nothing to
// attach to).
struct Glyph
{
  std::string text;
  std::size_t width;
};

// `text` as the glyphs printable() shows it as.
std::vector<Glyph> glyphs(std::string_view text,
                          LineBreak breaks = LineBreak::escaped);

std::string printable(std::string_view text,
                      LineBreak breaks = LineBreak::escaped);

// Columns a single code point takes on a terminal: 2 for wide East Asian
// characters and emoji, 0 for combining and zero-width ones, -1 when the C
// library does not know it (or for a control character). From wcwidth(3)
// under C.UTF-8, whatever the process's locale is.
int code_point_width(char32_t code_point);

// Number of terminal columns printable(text) takes.
std::size_t display_width(std::string_view text);

// printable(text) padded or cut to exactly `width` columns. A cut ends in
// "…" (or "..." when `unicode` is false) and never splits a character,
// its marks or an escape; a wide character that does not fit is replaced by
// a space.
std::string fit_width(std::string_view text, std::size_t width, bool unicode);

// Splits printable text into lines of at most `width` columns at spaces and
// newlines (a word longer than a line gets a line of its own).
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// The argument as the shown_format functions pass it on: text through
// printable(), anything else as it is.
template <typename T>
decltype(auto) shown(T&& value)
{
  if constexpr (std::is_convertible_v<T, std::string_view>) {
    return printable(std::string_view(value));
  } else {
    return std::forward<T>(value);
  }
}
template <typename T>
using shown_t = decltype(shown(std::declval<T>()));

// fmt::format with every text argument passed through printable(). The
// format string is the program's own and is kept as it is.
template <typename... Args>
std::string shown_format(fmt::format_string<shown_t<Args>...> format,
                         Args&&... args)
{
  // Checked at compile time against the shown types; formatted here.
  return fmt::vformat(
    fmt::string_view(format),
    fmt::make_format_args(shown(std::forward<Args>(args))...));
}

std::string to_lower(std::string_view text);

} // namespace knotrelief::text
