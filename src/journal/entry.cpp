#include "journal/entry.hpp"

#include <fmt/format.h>

#include <ctime>

namespace knotrelief::journal {

std::string format_timestamp(std::chrono::system_clock::time_point time,
                             int utc_offset_minutes)
{
  const auto seconds =
    std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count() +
    utc_offset_minutes * 60LL;
  const std::time_t shifted = static_cast<std::time_t>(seconds);
  std::tm parts{};
  ::gmtime_r(&shifted, &parts);
  const int offset = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
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
  const bool bare = !value.empty() &&
                    value.find_first_of(" \t\"\\=\n\r#") == std::string::npos;
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
  const auto add_number = [&](std::string_view key, const std::optional<int>& value) {
    if (value) {
      line += fmt::format(" {}={}", key, *value);
    }
  };
  add("routine", joined(entry.routines));
  if (!entry.areas.empty()) {
    add("area", joined(entry.areas));
  }
  add("status", entry.status);
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
  return line;
}

} // namespace knotrelief::journal
