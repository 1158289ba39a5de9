// Reading one journal line back into an Entry: the inverse of format_entry.

#include "journal/parse.hpp"

#include "util/limits.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>

namespace knotrelief::journal {

namespace {

constexpr int max_seconds = limits::max_session_seconds;
constexpr int max_steps = 100'000;

// One key=value of a line, pointing into it: no copy is made unless the
// value is kept (a note, a field this version does not know) or quoted.
struct Field
{
  std::string_view key;
  std::string_view raw; // as written; between the quotes when quoted
  bool quoted = false;
};

bool is_key_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The value of a quoted field with its escapes undone; the escapes were
// checked when the field was read.
std::string unescape(std::string_view raw)
{
  std::string value;
  value.reserve(raw.size());
  for (std::size_t at = 0; at < raw.size(); ++at) {
    if (raw[at] != '\\' || at + 1 == raw.size()) {
      value += raw[at];
      continue;
    }
    switch (const char escaped = raw[++at]) {
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      default: // '"' or '\\'
        value += escaped;
    }
  }
  return value;
}

std::string value_of(const Field& field)
{
  return field.quoted ? unescape(field.raw) : std::string(field.raw);
}

// Reads a quoted value starting after the opening quote at `at`; advances
// `at` past the closing quote. The value is what lies between the quotes.
std::expected<std::string_view, std::string> read_quoted(std::string_view line,
                                                         std::size_t& at)
{
  const std::size_t start = at;
  while (at < line.size()) {
    const char c = line[at++];
    if (c == '"') {
      return line.substr(start, at - 1 - start);
    }
    if (c != '\\') {
      continue;
    }
    if (at == line.size()) {
      break;
    }
    const char escaped = line[at++];
    if (std::string_view("\"\\nrt").find(escaped) == std::string_view::npos) {
      return std::unexpected(
        fmt::format("unknown escape '\\{}' in a quoted value", escaped));
    }
  }
  return std::unexpected("unterminated quoted value (a '\"' is missing)");
}

// Reads the field that starts at `at` (past any blanks); advances `at`.
std::expected<Field, std::string> read_field(std::string_view line,
                                             std::size_t& at)
{
  const std::size_t key_start = at;
  while (at < line.size() && is_key_char(line[at])) {
    ++at;
  }
  if (at == key_start || at == line.size() || line[at] != '=') {
    const std::size_t end = std::min(line.find(' ', key_start), line.size());
    return std::unexpected(fmt::format(
      "expected key=value, found '{}'",
      line.substr(key_start, std::min<std::size_t>(end - key_start, 40))));
  }
  Field field{line.substr(key_start, at - key_start), {}, false};
  ++at; // '='
  if (at < line.size() && line[at] == '"') {
    ++at;
    auto quoted = read_quoted(line, at);
    if (!quoted) {
      return std::unexpected(quoted.error());
    }
    field.raw = *quoted;
    field.quoted = true;
    return field;
  }
  // (find_first_of with a set runs memchr over the set for every byte.)
  std::size_t end = at;
  bool stray_quote = false;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t') {
    stray_quote = stray_quote || line[end] == '"';
    ++end;
  }
  field.raw = line.substr(at, end - at);
  if (stray_quote) {
    return std::unexpected(
      fmt::format("stray '\"' in the value of {}", field.key));
  }
  at = end;
  return field;
}

std::expected<int, std::string> number(const Field& field, int max)
{
  const std::string value = field.quoted ? unescape(field.raw) : "";
  const std::string_view text = field.quoted ? value : field.raw;
  int parsed = 0;
  const bool digits = !text.empty() && text.size() <= 9 &&
                      std::all_of(text.begin(), text.end(), [](char c) {
                        return c >= '0' && c <= '9';
                      });
  if (digits) {
    std::from_chars(text.data(), text.data() + text.size(), parsed);
  }
  if (!digits || parsed > max) {
    return std::unexpected(
      fmt::format("{}='{}' is not a whole number from 0 to {}",
                  field.key,
                  text.substr(0, 20),
                  max));
  }
  return parsed;
}

std::expected<std::vector<std::string>, std::string> id_list(const Field& field)
{
  const std::string value = value_of(field);
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = std::min(value.find(',', start), value.size());
    if (end == start) {
      return std::unexpected(fmt::format("{} has an empty name", field.key));
    }
    ids.emplace_back(value, start, end - start);
    start = end + 1;
  }
  return ids;
}

// Applies one field to the entry; unknown keys are kept as they are.
std::expected<void, std::string> apply(const Field& field, Entry& entry)
{
  const std::string_view key = field.key;
  const auto set_number = [&](std::optional<int>& target,
                              int max) -> std::expected<void, std::string> {
    auto value = number(field, max);
    if (!value) {
      return std::unexpected(value.error());
    }
    target = *value;
    return {};
  };
  if (key == "routine" || key == "area") {
    auto ids = id_list(field);
    if (!ids) {
      return std::unexpected(ids.error());
    }
    (key == "routine" ? entry.routines : entry.areas) = std::move(*ids);
  } else if (key == "status") {
    const auto status = parse_status(field.raw);
    if (!status) {
      return std::unexpected(
        fmt::format("unknown status '{}'", field.raw.substr(0, 20)));
    }
    entry.status = *status;
  } else if (key == "planned_s") {
    return set_number(entry.planned_seconds, max_seconds);
  } else if (key == "actual_s") {
    return set_number(entry.actual_seconds, max_seconds);
  } else if (key == "pain_before") {
    return set_number(entry.pain_before, 10);
  } else if (key == "pain_after") {
    return set_number(entry.pain_after, 10);
  } else if (key == "steps") {
    const std::size_t slash = field.raw.find('/');
    const Field done{key, field.raw.substr(0, slash), field.quoted};
    const Field total{
      key,
      slash == std::string_view::npos ? "" : field.raw.substr(slash + 1),
      field.quoted};
    auto done_value = number(done, max_steps);
    auto total_value = number(total, max_steps);
    if (!done_value || !total_value || *done_value > *total_value) {
      return std::unexpected(
        fmt::format("steps='{}' is not DONE/TOTAL", field.raw.substr(0, 20)));
    }
    entry.steps_done = *done_value;
    entry.steps_total = *total_value;
  } else if (key == "hold") {
    auto points = id_list(field);
    if (!points || !std::all_of(points->begin(), points->end(), [](auto& p) {
          return is_hold_point(p);
        })) {
      return std::unexpected(fmt::format(
        "hold='{}' is not low, mid or high (one, or one per routine)",
        field.raw.substr(0, 20)));
    }
    entry.holds = std::move(*points);
  } else if (key == "tingling") {
    if (field.raw != "yes" && field.raw != "no") {
      return std::unexpected("tingling must be yes or no");
    }
    entry.tingling = field.raw == "yes";
  } else if (key == "checked") {
    entry.checked = parse_checked(field.raw);
    if (!entry.checked) {
      return std::unexpected("checked must be clear or signs");
    }
  } else if (key == "tighter") {
    entry.tighter = parse_tighter(field.raw);
    if (!entry.tighter) {
      return std::unexpected("tighter must be left, right or same");
    }
  } else if (key == "note") {
    entry.note = value_of(field);
  } else {
    entry.extra.emplace_back(key, value_of(field));
  }
  return {};
}

// The keys apply() knows; a field this version does not know is kept in
// Entry::extra. Each may come once in a line.
constexpr std::string_view known_keys[] = {"routine",
                                           "area",
                                           "status",
                                           "planned_s",
                                           "actual_s",
                                           "pain_before",
                                           "pain_after",
                                           "steps",
                                           "tingling",
                                           "checked",
                                           "tighter",
                                           "hold",
                                           "note"};
static_assert(std::size(known_keys) <= 32);

// The bit of `key` in the set of keys seen: 0 for a key apply() doesn't know.
constexpr std::uint32_t key_bit(std::string_view key)
{
  for (std::size_t i = 0; i < std::size(known_keys); ++i) {
    if (known_keys[i] == key) {
      return 1U << i;
    }
  }
  return 0;
}

// Reads the fields after the timestamp into `entry`, each checked once.
std::expected<void, std::string> apply_fields(std::string_view line,
                                              Entry& entry)
{
  std::uint32_t seen = 0;
  for (std::size_t at = 0; at < line.size();) {
    if (line[at] == ' ' || line[at] == '\t') {
      ++at;
      continue;
    }
    auto field = read_field(line, at);
    if (!field) {
      return std::unexpected(field.error());
    }
    const std::uint32_t bit = key_bit(field->key);
    const bool again = bit != 0 ? (seen & bit) != 0
                                : std::any_of(entry.extra.begin(),
                                              entry.extra.end(),
                                              [&](const auto& kept) {
                                                return kept.first == field->key;
                                              });
    if (again) {
      return std::unexpected(fmt::format("duplicate field '{}'", field->key));
    }
    seen |= bit;
    if (auto applied = apply(*field, entry); !applied) {
      return std::unexpected(applied.error());
    }
  }
  if (entry.routines.empty()) {
    return std::unexpected("no routine= field");
  }
  if (entry.holds.size() > 1 && entry.holds.size() != entry.routines.size()) {
    return std::unexpected(fmt::format("hold= names {} points for {} routines",
                                       entry.holds.size(),
                                       entry.routines.size()));
  }
  if ((seen & key_bit("status")) == 0) {
    return std::unexpected("no status= field");
  }
  return {};
}

} // namespace

std::expected<Entry, std::string> parse_entry(std::string_view line)
{
  if (line.find('\0') != std::string_view::npos) {
    return std::unexpected("NUL byte in the line");
  }
  if (text::find_encoding_fault(line)) {
    return std::unexpected("not valid UTF-8");
  }
  if (auto fault = text::find_control_character(line, "\t")) {
    return std::unexpected(
      fmt::format("{} at byte {}", fault->problem, fault->offset + 1));
  }
  const std::size_t space = static_cast<std::size_t>(
    std::find_if(
      line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; }) -
    line.begin());
  auto timestamp = parse_timestamp(line.substr(0, space));
  if (!timestamp) {
    return std::unexpected(timestamp.error());
  }
  Entry entry;
  entry.time = timestamp->time;
  entry.utc_offset_minutes = timestamp->utc_offset_minutes;
  if (auto applied = apply_fields(line.substr(space), entry); !applied) {
    return std::unexpected(applied.error());
  }
  return entry;
}

std::optional<std::string> field_text_problem(std::string_view value)
{
  if (auto fault = text::find_encoding_fault(value)) {
    return fault->problem;
  }
  if (auto fault = text::find_control_character(value, "\n\r\t")) {
    return fault->problem;
  }
  return std::nullopt;
}

} // namespace knotrelief::journal
