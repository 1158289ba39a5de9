#include "journal/entry.hpp"

#include "journal/parse.hpp"
#include "journal/time.hpp"
#include "util/limits.hpp"

#include <fmt/format.h>

#include <ctime>

namespace knotrelief::journal {

namespace {

constexpr std::string_view status_names[] = {"completed",
                                             "quit",
                                             "interrupted",
                                             "failed",
                                             "manual"};

} // namespace

std::string_view to_string(Status status)
{
  return status_names[static_cast<std::size_t>(status)];
}

std::optional<Status> parse_status(std::string_view text)
{
  for (std::size_t i = 0; i < std::size(status_names); ++i) {
    if (status_names[i] == text) {
      return static_cast<Status>(i);
    }
  }
  return std::nullopt;
}

std::string_view to_string(Checked checked)
{
  return checked == Checked::clear ? "clear" : "signs";
}

std::optional<Checked> parse_checked(std::string_view text)
{
  for (Checked checked : {Checked::clear, Checked::signs}) {
    if (to_string(checked) == text) {
      return checked;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Tighter tighter)
{
  switch (tighter) {
    case Tighter::left:
      return "left";
    case Tighter::right:
      return "right";
    case Tighter::same:
      break;
  }
  return "same";
}

std::optional<Tighter> parse_tighter(std::string_view text)
{
  for (Tighter tighter : {Tighter::left, Tighter::right, Tighter::same}) {
    if (to_string(tighter) == text) {
      return tighter;
    }
  }
  return std::nullopt;
}

std::string quote_value(const std::string& value)
{
  const bool bare =
    !value.empty() && value.find_first_of(" \t\"\\=\n\r#") == std::string::npos;
  if (bare) {
    return value;
  }
  std::string quoted = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '\t':
        quoted += "\\t";
        break;
      default:
        quoted += c;
    }
  }
  return quoted + "\"";
}

namespace {

std::string joined(const std::vector<std::string>& items)
{
  std::string result;
  for (const auto& item : items) {
    result += (result.empty() ? "" : ",") + item;
  }
  return result;
}

} // namespace

std::string format_entry(const Entry& entry)
{
  std::string line = format_timestamp(entry.time, entry.utc_offset_minutes);
  const auto add = [&](std::string_view key, const std::string& value) {
    line += fmt::format(" {}={}", key, quote_value(value));
  };
  const auto add_number = [&](std::string_view key,
                              const std::optional<int>& value) {
    if (value) {
      line += fmt::format(" {}={}", key, *value);
    }
  };
  add("routine", joined(entry.routines));
  if (!entry.areas.empty()) {
    add("area", joined(entry.areas));
  }
  add("status", std::string(to_string(entry.status)));
  add_number("planned_s", entry.planned_seconds);
  add_number("actual_s", entry.actual_seconds);
  if (entry.steps_done && entry.steps_total) {
    line += fmt::format(" steps={}/{}", *entry.steps_done, *entry.steps_total);
  }
  if (!entry.holds.empty()) {
    add("hold", joined(entry.holds));
  }
  add_number("pain_before", entry.pain_before);
  add_number("pain_after", entry.pain_after);
  if (entry.tingling) {
    line += " tingling=yes";
  }
  if (entry.checked) {
    add("checked", std::string(to_string(*entry.checked)));
  }
  if (entry.tighter) {
    add("tighter", std::string(to_string(*entry.tighter)));
  }
  if (!entry.note.empty()) {
    add("note", entry.note);
  }
  for (const auto& [key, value] : entry.extra) {
    add(key, value);
  }
  return line;
}

std::optional<std::string> note_problem(const std::string& note)
{
  if (auto problem = field_text_problem(note)) {
    return problem;
  }
  const std::size_t written = quote_value(note).size();
  if (written <= limits::max_note_bytes) {
    return std::nullopt;
  }
  return fmt::format("the note takes {} bytes in the journal, more than the "
                     "limit of {} bytes ({} KiB; a quote, backslash, newline "
                     "or tab counts twice)",
                     written,
                     limits::max_note_bytes,
                     limits::max_note_bytes / 1024);
}

bool is_comment(std::string_view line)
{
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

std::string_view Entry::hold_of(std::size_t index) const
{
  if (holds.size() == 1) {
    return holds.front();
  }
  return index < holds.size() ? std::string_view(holds[index]) : "";
}

bool is_hold_point(std::string_view text)
{
  return text == "low" || text == "mid" || text == "high";
}

int Entry::local_day() const
{
  return journal::local_day(time, utc_offset_minutes);
}

} // namespace knotrelief::journal
