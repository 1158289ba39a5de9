#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <cwchar>
#include <iterator>
#include <locale.h>
#include <numeric>

namespace knotrelief::text {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  // Three rolling rows: two back are needed for transpositions.
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] =
        std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

std::vector<std::string> closest_names(std::string_view name,
                                       std::span<const std::string> candidates,
                                       std::size_t limit)
{
  const std::string wanted = to_lower(name);
  // Allow about one typo per three letters, at least two.
  const std::size_t max_distance = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& candidate : candidates) {
    const std::string lower = to_lower(candidate);
    std::size_t distance = edit_distance(wanted, lower);
    // A prefix ("tennis" for "tennis-ball") is a good guess too.
    if (wanted.size() >= 3 && lower.starts_with(wanted)) {
      distance = std::min<std::size_t>(distance, 1);
    }
    if (distance <= max_distance && distance < lower.size()) {
      scored.emplace_back(distance, candidate);
    }
  }
  std::stable_sort(scored.begin(), scored.end(), [](auto& x, auto& y) {
    return x.first < y.first;
  });
  // Only the best matches: "neck" for "NECK", not also "back".
  std::vector<std::string> result;
  for (auto& [distance, candidate] : scored) {
    if (result.size() == limit || distance > scored.front().first) {
      break;
    }
    if (std::find(result.begin(), result.end(), candidate) == result.end()) {
      result.push_back(candidate);
    }
  }
  return result;
}

std::string quoted_list(std::span<const std::string> names,
                        std::string_view conjunction)
{
  std::string result;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      result += i + 1 == names.size() ? fmt::format(" {} ", conjunction) : ", ";
    }
    result += fmt::format("'{}'", names[i]);
  }
  return result;
}

std::string did_you_mean(std::string_view name,
                         std::span<const std::string> candidates)
{
  const auto close = closest_names(name, candidates);
  if (close.empty()) {
    return {};
  }
  return fmt::format("; did you mean {}?", quoted_list(close));
}

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i)
{
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead < 0x80) {
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) {
      min_second = 0xA0;
    } else if (lead == 0xED) {
      max_second = 0x9F;
    }
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) {
      min_second = 0x90;
    } else if (lead == 0xF4) {
      max_second = 0x8F;
    }
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) {
    return 0;
  }
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) {
      return 0;
    }
  }
  return length;
}

bool is_continuation_byte(char c)
{
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The code point of one valid UTF-8 sequence (a lone byte as itself).
char32_t decode(std::string_view bytes)
{
  const auto byte = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(bytes[k]));
  };
  switch (bytes.size()) {
    case 2:
      return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) |
             (byte(2) & 0x3F);
    case 4:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) |
             ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    default:
      return byte(0);
  }
}

bool is_c1(char32_t code_point)
{
  return code_point >= 0x80 && code_point <= 0x9F;
}

// Characters that reorder the text around them on screen: a name could be
// made to read backwards ("txt.exe" as "exe.txt").
bool is_bidi_control(char32_t code_point)
{
  return (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069) ||
         code_point == 0x200E || code_point == 0x200F || code_point == 0x061C;
}

Glyph escaped_glyph(std::string text)
{
  const std::size_t width = text.size();
  return {std::move(text), width};
}

std::string unicode_escape(char32_t code_point)
{
  return fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code_point));
}

// How printable() shows a control character, or nothing for other ones.
std::optional<Glyph> escape_for(char32_t code_point, LineBreak breaks)
{
  switch (code_point) {
    case '\n':
      return breaks == LineBreak::symbol ? Glyph{"\u23CE", 1}
                                         : escaped_glyph("\\n");
    case '\t':
      return escaped_glyph("\\t");
    case '\r':
      return escaped_glyph("\\r");
    case 0x1B:
      return escaped_glyph("\\e");
    default:
      break;
  }
  if (code_point < 0x20 || code_point == 0x7F || is_c1(code_point)) {
    return escaped_glyph(
      fmt::format("\\x{:02x}", static_cast<std::uint32_t>(code_point)));
  }
  if (is_bidi_control(code_point)) {
    return escaped_glyph(unicode_escape(code_point));
  }
  return std::nullopt;
}

// C.UTF-8 (part of glibc), or null where it is missing.
locale_t utf8_locale()
{
  static const locale_t locale =
    ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return locale;
}

// Widths for a system without C.UTF-8: combining marks, and the wide East
// Asian and emoji blocks. Anything else takes a column.
int fallback_width(char32_t code_point)
{
  struct Range
  {
    char32_t first;
    char32_t last;
  };
  static constexpr Range zero[] = {{0x0300, 0x036F},
                                   {0x1AB0, 0x1AFF},
                                   {0x1DC0, 0x1DFF},
                                   {0x200B, 0x200F},
                                   {0x20D0, 0x20FF},
                                   {0xFE00, 0xFE0F},
                                   {0xFE20, 0xFE2F}};
  static constexpr Range wide[] = {{0x1100, 0x115F},
                                   {0x2E80, 0x303E},
                                   {0x3041, 0x33FF},
                                   {0x3400, 0x4DBF},
                                   {0x4E00, 0x9FFF},
                                   {0xA000, 0xA4CF},
                                   {0xAC00, 0xD7A3},
                                   {0xF900, 0xFAFF},
                                   {0xFE30, 0xFE4F},
                                   {0xFF00, 0xFF60},
                                   {0xFFE0, 0xFFE6},
                                   {0x1F300, 0x1F64F},
                                   {0x1F900, 0x1F9FF},
                                   {0x20000, 0x3FFFD}};
  const auto in = [&](const auto& ranges) {
    return std::any_of(std::begin(ranges), std::end(ranges), [&](Range r) {
      return code_point >= r.first && code_point <= r.last;
    });
  };
  return in(zero) ? 0 : in(wide) ? 2 : 1;
}

// Relaxed is enough: it is set once before any output, and a thread that
// formats text is started after that.
std::atomic<Charset> current_output_charset{Charset::utf8};

} // namespace

Charset output_charset()
{
  return current_output_charset.load(std::memory_order_relaxed);
}

void set_output_charset(Charset charset)
{
  current_output_charset.store(charset, std::memory_order_relaxed);
}

namespace {

// How many bytes at the start of `text` are printable ASCII (space to '~'):
// valid UTF-8 and no control character, so the checks below can skip them.
// Journal lines are almost always all of it (bench/journal_scale.sh).
std::size_t printable_ascii_prefix(std::string_view text)
{
  // Eight bytes at a time while none is below 0x20, 0x7F or above.
  constexpr std::uint64_t ones = 0x0101010101010101U;
  constexpr std::uint64_t highs = 0x8080808080808080U;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t below_space = (word - 0x20 * ones) & ~word & highs;
    const std::uint64_t del = word ^ (0x7F * ones);
    const std::uint64_t is_del = (del - ones) & ~del & highs;
    if (((word & highs) | below_space | is_del) != 0) {
      break;
    }
  }
  while (i < text.size() &&
         static_cast<unsigned char>(text[i]) - 0x20U < 0x5FU) {
    ++i;
  }
  return i;
}

} // namespace

std::optional<TextFault> find_encoding_fault(std::string_view text)
{
  for (std::size_t i = printable_ascii_prefix(text); i < text.size();) {
    if (text[i] == '\0') {
      return TextFault{i, "NUL byte (binary data)"};
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      return TextFault{i, "invalid UTF-8"};
    }
    i += length;
  }
  return std::nullopt;
}

CodePoint code_point_at(std::string_view text, std::size_t at)
{
  const std::size_t length = utf8_sequence_length(text, at);
  if (length == 0) {
    return {static_cast<unsigned char>(text[at]), 1, false};
  }
  return {decode(text.substr(at, length)), length, true};
}

bool is_control_character(char32_t code_point)
{
  return code_point == 0x7F || is_c1(code_point) || is_bidi_control(code_point);
}

std::optional<TextFault> find_control_character(std::string_view text,
                                                std::string_view allowed)
{
  for (std::size_t i = printable_ascii_prefix(text); i < text.size();) {
    // A byte that is not UTF-8 is the encoding check's business.
    const CodePoint code_point = code_point_at(text, i);
    const bool c0 = code_point.valid && code_point.value < 0x20 &&
                    allowed.find(static_cast<char>(code_point.value)) ==
                      std::string_view::npos;
    if (c0 || (code_point.valid && is_control_character(code_point.value))) {
      return TextFault{
        i,
        fmt::format("control character {}",
                    printable(text.substr(i, code_point.length)))};
    }
    i += code_point.length;
  }
  return std::nullopt;
}

LineColumn line_column_at(std::string_view text, std::size_t offset)
{
  LineColumn position{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if (!is_continuation_byte(text[i])) {
      ++position.column;
    }
  }
  return position;
}

int code_point_width(char32_t code_point)
{
  if (code_point >= 0x20 && code_point < 0x7F) {
    return 1;
  }
  if (code_point < 0xA0) {
    return -1;
  }
  if (const locale_t locale = utf8_locale()) {
    // wcwidth follows the calling thread's locale: C.UTF-8 just for this.
    const locale_t previous = ::uselocale(locale);
    const int width = ::wcwidth(static_cast<wchar_t>(code_point));
    ::uselocale(previous);
    return width;
  }
  return fallback_width(code_point);
}

std::vector<Glyph> glyphs(std::string_view text, LineBreak breaks)
{
  // On an ASCII output, everything beyond ASCII is an escape (a newline too,
  // as the symbol is not ASCII).
  const bool ascii = output_charset() == Charset::ascii;
  if (ascii) {
    breaks = LineBreak::escaped;
  }
  std::vector<Glyph> result;
  bool attachable = false; // whether a mark may join the last glyph
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint code_point = code_point_at(text, i);
    const std::string_view bytes = text.substr(i, code_point.length);
    i += code_point.length;
    std::optional<Glyph> escape =
      code_point.valid
        ? escape_for(code_point.value, breaks)
        : escaped_glyph(
            fmt::format("\\x{:02x}", static_cast<unsigned>(code_point.value)));
    const int width = escape ? 0 : code_point_width(code_point.value);
    if (!escape && (width < 0 || (ascii && code_point.value >= 0x80))) {
      escape = escaped_glyph(unicode_escape(code_point.value));
    }
    if (escape) {
      result.push_back(std::move(*escape));
      attachable = false;
    } else if (width == 0 && attachable) {
      result.back().text += bytes;
    } else {
      result.push_back({std::string(bytes), static_cast<std::size_t>(width)});
      attachable = true;
    }
  }
  return result;
}

namespace {

// Printable ASCII only: most text, shown as it is, a column a byte, and
// not worth splitting into glyphs.
bool is_plain(std::string_view text)
{
  return std::all_of(
    text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

} // namespace

std::string printable(std::string_view text, LineBreak breaks)
{
  if (is_plain(text)) {
    return std::string(text);
  }
  std::string result;
  for (const Glyph& glyph : glyphs(text, breaks)) {
    result += glyph.text;
  }
  return result;
}

std::size_t display_width(std::string_view text)
{
  if (is_plain(text)) {
    return text.size();
  }
  std::size_t width = 0;
  for (const Glyph& glyph : glyphs(text)) {
    width += glyph.width;
  }
  return width;
}

std::string fit_width(std::string_view text, std::size_t width, bool unicode)
{
  const std::vector<Glyph> shown = glyphs(text);
  std::size_t current = 0;
  for (const Glyph& glyph : shown) {
    current += glyph.width;
  }
  std::string result;
  std::size_t columns = 0;
  std::size_t room = width;
  std::string_view ellipsis;
  if (current > width) {
    ellipsis = unicode ? "\u2026" : "...";
    const std::size_t ellipsis_width = unicode ? 1 : 3;
    if (width <= ellipsis_width) {
      return std::string(width, '.');
    }
    room = width - ellipsis_width;
  }
  for (const Glyph& glyph : shown) {
    if (columns + glyph.width > room) {
      break;
    }
    result += glyph.text;
    columns += glyph.width;
  }
  // A wide character cut at the edge leaves a column blank.
  const std::size_t blanks = room - columns;
  return ellipsis.empty()
           ? result + std::string(blanks, ' ')
           : result + std::string(ellipsis) + std::string(blanks, ' ');
}

std::vector<std::string> wrap(std::string_view text, std::size_t width)
{
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t start = 0;
  width = std::max<std::size_t>(width, 1);
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string word = printable(text.substr(start, end - start));
    if (!word.empty()) {
      const std::size_t word_width = display_width(word);
      if (!line.empty() && line_width + 1 + word_width > width) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
      }
      if (!line.empty()) {
        line += ' ';
        ++line_width;
      }
      line += word;
      line_width += word_width;
    }
    start = end + 1;
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string to_lower(std::string_view text)
{
  std::string result(text);
  for (char& c : result) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

} // namespace knotrelief::text
