#include "journal/csv.hpp"

#include "journal/time.hpp"

#include <fmt/format.h>

#include <optional>
#include <vector>

namespace knotrelief::journal {

namespace {

constexpr std::string_view columns[] = {"time",
                                        "routine",
                                        "area",
                                        "status",
                                        "planned_s",
                                        "actual_s",
                                        "steps_done",
                                        "steps_total",
                                        "hold",
                                        "pain_before",
                                        "pain_after",
                                        "tingling",
                                        "checked",
                                        "tighter",
                                        "note",
                                        "extra"};

std::string joined(const std::vector<std::string>& names)
{
  std::string text;
  for (const auto& name : names) {
    text += (text.empty() ? "" : ",") + name;
  }
  return text;
}

std::string number(const std::optional<int>& value)
{
  return value ? std::to_string(*value) : std::string();
}

template <typename T>
std::string word(const std::optional<T>& value)
{
  return value ? std::string(to_string(*value)) : std::string();
}

std::string extra_fields(const Entry& entry)
{
  std::string text;
  for (const auto& [key, value] : entry.extra) {
    text +=
      fmt::format("{}{}={}", text.empty() ? "" : " ", key, quote_value(value));
  }
  return text;
}

} // namespace

std::string csv_field(std::string_view value)
{
  const bool quote =
    value.find_first_of(",\"\r\n") != std::string_view::npos ||
    (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) {
    return std::string(value);
  }
  std::string field = "\"";
  for (const char c : value) {
    field += c;
    if (c == '"') {
      field += '"';
    }
  }
  return field + '"';
}

std::string csv_text(std::string_view text)
{
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) !=
                         std::string_view::npos) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string csv_header()
{
  std::string row;
  for (const std::string_view column : columns) {
    row += (row.empty() ? "" : ",") + std::string(column);
  }
  return row + "\r\n";
}

std::string csv_row(const Entry& entry)
{
  const std::string fields[] = {
    format_timestamp(entry.time, entry.utc_offset_minutes),
    csv_text(joined(entry.routines)), // ids of user files: free text too
    csv_text(joined(entry.areas)),
    std::string(to_string(entry.status)),
    number(entry.planned_seconds),
    number(entry.actual_seconds),
    number(entry.steps_done),
    number(entry.steps_total),
    joined(entry.holds),
    number(entry.pain_before),
    number(entry.pain_after),
    entry.tingling ? "yes" : "no",
    word(entry.checked),
    word(entry.tighter),
    csv_text(entry.note),
    csv_text(extra_fields(entry))};
  static_assert(std::size(fields) == std::size(columns));
  std::string row;
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    row += (i == 0 ? "" : ",") + csv_field(fields[i]);
  }
  return row + "\r\n";
}

} // namespace knotrelief::journal
