#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
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

} // namespace

std::optional<TextFault> find_encoding_fault(std::string_view text)
{
  for (std::size_t i = 0; i < text.size();) {
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

std::optional<TextFault> find_control_character(std::string_view text)
{
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c0 = c < 0x20 && c != '\t' && c != '\n';
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80;
    if (c0 || c == 0x7F || c1) {
      return TextFault{i, "control character"};
    }
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

std::size_t display_width(std::string_view text)
{
  return static_cast<std::size_t>(std::count_if(
    text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

std::string fit_width(std::string_view text, std::size_t width, bool unicode)
{
  const std::size_t current = display_width(text);
  if (current <= width) {
    return std::string(text) + std::string(width - current, ' ');
  }
  const std::string_view ellipsis = unicode ? "…" : "...";
  const std::size_t ellipsis_width = display_width(ellipsis);
  if (width <= ellipsis_width) {
    return std::string(width, '.');
  }
  std::string result;
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_continuation_byte(text[i])) {
      if (columns == width - ellipsis_width) {
        break;
      }
      ++columns;
    }
    result += text[i];
  }
  return result + std::string(ellipsis);
}

std::vector<std::string> wrap(std::string_view text, std::size_t width)
{
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  width = std::max<std::size_t>(width, 1);
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!line.empty() &&
          display_width(line) + 1 + display_width(word) > width) {
        lines.push_back(std::move(line));
        line.clear();
      }
      if (!line.empty()) {
        line += ' ';
      }
      line += word;
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
