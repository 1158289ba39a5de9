// Reading one journal line back into an Entry: the inverse of format_entry.

#include "journal/parse.hpp"

#include "util/limits.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::journal {

namespace {

constexpr int max_seconds = limits::max_session_seconds;
constexpr int max_steps = 100'000;

using Field = std::pair<std::string, std::string>;

bool is_key_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Reads a quoted value starting after the opening quote at `at`; advances
// `at` past the closing quote.
std::expected<std::string, std::string> read_quoted(std::string_view line,
                                                    std::size_t& at)
{
  std::string value;
  while (at < line.size()) {
    const char c = line[at++];
    if (c == '"') {
      return value;
    }
    if (c != '\\') {
      value += c;
      continue;
    }
    if (at == line.size()) {
      break;
    }
    switch (const char escaped = line[at++]) {
      case '"':
      case '\\':
        value += escaped;
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      default:
        return std::unexpected(
          fmt::format("unknown escape '\\{}' in a quoted value", escaped));
    }
  }
  return std::unexpected("unterminated quoted value (a '\"' is missing)");
}

std::expected<std::vector<Field>, std::string> split_fields(
  std::string_view line)
{
  std::vector<Field> fields;
  std::size_t at = 0;
  while (at < line.size()) {
    if (line[at] == ' ' || line[at] == '\t') {
      ++at;
      continue;
    }
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
    std::string key(line.substr(key_start, at - key_start));
    ++at; // '='
    std::string value;
    if (at < line.size() && line[at] == '"') {
      ++at;
      auto quoted = read_quoted(line, at);
      if (!quoted) {
        return std::unexpected(quoted.error());
      }
      value = std::move(*quoted);
    } else {
      const std::size_t end =
        std::min(line.find_first_of(" \t", at), line.size());
      value = std::string(line.substr(at, end - at));
      if (value.find('"') != std::string::npos) {
        return std::unexpected(
          fmt::format("stray '\"' in the value of {}", key));
      }
      at = end;
    }
    if (std::any_of(fields.begin(), fields.end(), [&](auto& f) {
          return f.first == key;
        })) {
      return std::unexpected(fmt::format("duplicate field '{}'", key));
    }
    fields.emplace_back(std::move(key), std::move(value));
  }
  return fields;
}

std::expected<int, std::string> number(const Field& field, int max)
{
  const auto& text = field.second;
  const bool ok = !text.empty() && text.size() <= 9 &&
                  text.find_first_not_of("0123456789") == std::string::npos;
  if (!ok || std::stoi(text) > max) {
    return std::unexpected(
      fmt::format("{}='{}' is not a whole number from 0 to {}",
                  field.first,
                  text.substr(0, 20),
                  max));
  }
  return std::stoi(text);
}

std::expected<std::vector<std::string>, std::string> id_list(const Field& field)
{
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start <= field.second.size()) {
    std::size_t end =
      std::min(field.second.find(',', start), field.second.size());
    std::string id = field.second.substr(start, end - start);
    if (id.empty()) {
      return std::unexpected(fmt::format("{} has an empty name", field.first));
    }
    ids.push_back(std::move(id));
    start = end + 1;
  }
  return ids;
}

// Applies one field to the entry; unknown keys are kept as they are.
std::expected<void, std::string> apply(const Field& field, Entry& entry)
{
  const std::string& key = field.first;
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
    const auto status = parse_status(field.second);
    if (!status) {
      return std::unexpected(
        fmt::format("unknown status '{}'", field.second.substr(0, 20)));
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
    const std::size_t slash = field.second.find('/');
    const Field done{key, field.second.substr(0, slash)};
    const Field total{
      key, slash == std::string::npos ? "" : field.second.substr(slash + 1)};
    auto done_value = number(done, max_steps);
    auto total_value = number(total, max_steps);
    if (!done_value || !total_value || *done_value > *total_value) {
      return std::unexpected(fmt::format("steps='{}' is not DONE/TOTAL",
                                         field.second.substr(0, 20)));
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
        field.second.substr(0, 20)));
    }
    entry.holds = std::move(*points);
  } else if (key == "tingling") {
    if (field.second != "yes" && field.second != "no") {
      return std::unexpected("tingling must be yes or no");
    }
    entry.tingling = field.second == "yes";
  } else if (key == "checked") {
    entry.checked = parse_checked(field.second);
    if (!entry.checked) {
      return std::unexpected("checked must be clear or signs");
    }
  } else if (key == "note") {
    entry.note = field.second;
  } else {
    entry.extra.push_back(field);
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
  const std::size_t space = std::min(line.find_first_of(" \t"), line.size());
  auto timestamp = parse_timestamp(line.substr(0, space));
  if (!timestamp) {
    return std::unexpected(timestamp.error());
  }
  auto fields = split_fields(line.substr(space));
  if (!fields) {
    return std::unexpected(fields.error());
  }
  Entry entry;
  entry.time = timestamp->time;
  entry.utc_offset_minutes = timestamp->utc_offset_minutes;
  for (const Field& field : *fields) {
    if (auto applied = apply(field, entry); !applied) {
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
  const auto has_status = [](const Field& field) {
    return field.first == "status";
  };
  if (std::none_of(fields->begin(), fields->end(), has_status)) {
    return std::unexpected("no status= field");
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
