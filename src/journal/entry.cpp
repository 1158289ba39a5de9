#include "journal/entry.hpp"

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

std::string format_timestamp(std::chrono::system_clock::time_point time,
                             int utc_offset_minutes)
{
  const auto seconds =
    std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch())
      .count() +
    utc_offset_minutes * 60LL;
  const std::time_t shifted = static_cast<std::time_t>(seconds);
  std::tm parts{};
  ::gmtime_r(&shifted, &parts);
  const int offset =
    utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                     parts.tm_year + 1900,
                     parts.tm_mon + 1,
                     parts.tm_mday,
                     parts.tm_hour,
                     parts.tm_min,
                     parts.tm_sec,
                     utc_offset_minutes < 0 ? '-' : '+',
                     offset / 60,
                     offset % 60);
}

int local_utc_offset_minutes(std::chrono::system_clock::time_point time)
{
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  ::localtime_r(&seconds, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
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
  add_number("pain_before", entry.pain_before);
  add_number("pain_after", entry.pain_after);
  if (entry.tingling) {
    line += " tingling=yes";
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

int Entry::local_day() const
{
  const auto seconds =
    std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch())
      .count() +
    utc_offset_minutes * 60LL;
  return static_cast<int>(seconds >= 0 ? seconds / 86400
                                       : (seconds - 86399) / 86400);
}

int days_from_civil(int year, unsigned month, unsigned day)
{
  const auto date = std::chrono::year_month_day{
    std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  return static_cast<int>(
    std::chrono::sys_days(date).time_since_epoch().count());
}

bool is_comment(std::string_view line)
{
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

std::optional<int> fixed_digits(std::string_view text,
                                std::size_t at,
                                std::size_t count)
{
  if (at + count > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::expected<Timestamp, std::string> parse_timestamp(std::string_view text)
{
  const auto bad = [&] {
    return std::unexpected(
      fmt::format("bad time '{}': expected e.g. 2026-11-21T08:30:12+01:00",
                  text.substr(0, 40)));
  };
  // YYYY-MM-DDTHH:MM:SS then Z or +HH:MM / -HH:MM
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':') {
    return bad();
  }
  const auto year = fixed_digits(text, 0, 4);
  const auto month = fixed_digits(text, 5, 2);
  const auto day = fixed_digits(text, 8, 2);
  const auto hour = fixed_digits(text, 11, 2);
  const auto minute = fixed_digits(text, 14, 2);
  const auto second = fixed_digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) {
    return bad();
  }
  int offset = 0;
  if (text.size() == 20 && text[19] == 'Z') {
    offset = 0;
  } else if (text.size() == 25 && (text[19] == '+' || text[19] == '-') &&
             text[22] == ':') {
    const auto offset_hours = fixed_digits(text, 20, 2);
    const auto offset_minutes = fixed_digits(text, 23, 2);
    if (!offset_hours || !offset_minutes || *offset_hours > 14 ||
        *offset_minutes > 59) {
      return bad();
    }
    offset =
      (*offset_hours * 60 + *offset_minutes) * (text[19] == '-' ? -1 : 1);
  } else {
    return bad();
  }
  const auto date = std::chrono::year_month_day{
    std::chrono::year{*year},
    std::chrono::month{static_cast<unsigned>(*month)},
    std::chrono::day{static_cast<unsigned>(*day)}};
  // Up to 2200: system_clock counts nanoseconds and ends in 2262.
  if (!date.ok() || *year < 1970 || *year > 2200 || *hour > 23 ||
      *minute > 59 || *second > 60) {
    return bad();
  }
  const auto local = std::chrono::sys_days(date) + std::chrono::hours(*hour) +
                     std::chrono::minutes(*minute) +
                     std::chrono::seconds(*second);
  return Timestamp{
    std::chrono::system_clock::time_point(local - std::chrono::minutes(offset)),
    offset};
}

} // namespace knotrelief::journal
