#include "cli/journal_json.hpp"

#include "journal/time.hpp"

#include <fmt/format.h>

namespace knotrelief::cli {

using journal::Entry;

namespace {

Json optional_number(const std::optional<int>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

template <typename T>
Json optional_word(const std::optional<T>& value)
{
  return value ? Json(journal::to_string(*value)) : Json(nullptr);
}

std::optional<int> number_of(const Json& json, const char* key)
{
  const Json& value = json.at(key);
  return value.is_null() ? std::nullopt : std::optional(value.get<int>());
}

// The answer at `key` read by `parse`, nothing for null; throws on a word
// `parse` does not know.
template <typename Parse>
auto word_of(const Json& json, const char* key, Parse parse)
  -> decltype(parse(std::string_view()))
{
  const Json& value = json.at(key);
  if (value.is_null()) {
    return std::nullopt;
  }
  auto parsed = parse(value.get<std::string>());
  if (!parsed) {
    throw std::invalid_argument(fmt::format("{} is not a known value", key));
  }
  return parsed;
}

} // namespace

Json entry_json(const Entry& entry)
{
  Json extra = Json::array();
  for (const auto& [key, value] : entry.extra) {
    extra.push_back(Json::array({key, value}));
  }
  return Json{
    {"time", journal::format_timestamp(entry.time, entry.utc_offset_minutes)},
    {"routines", entry.routines},
    {"areas", entry.areas},
    {"status", to_string(entry.status)},
    {"planned_s", optional_number(entry.planned_seconds)},
    {"actual_s", optional_number(entry.actual_seconds)},
    {"steps_done", optional_number(entry.steps_done)},
    {"steps_total", optional_number(entry.steps_total)},
    {"hold", entry.holds},
    {"pain_before", optional_number(entry.pain_before)},
    {"pain_after", optional_number(entry.pain_after)},
    {"tingling", entry.tingling},
    {"checked", optional_word(entry.checked)},
    {"tighter", optional_word(entry.tighter)},
    {"note", entry.note.empty() ? Json(nullptr) : Json(entry.note)},
    {"extra", extra}};
}

std::expected<Entry, std::string> entry_from_json(const Json& json)
{
  try {
    Entry entry;
    auto time = journal::parse_timestamp(json.at("time").get<std::string>());
    if (!time) {
      return std::unexpected("time: " + time.error());
    }
    entry.time = time->time;
    entry.utc_offset_minutes = time->utc_offset_minutes;
    json.at("routines").get_to(entry.routines);
    json.at("areas").get_to(entry.areas);
    entry.status =
      word_of(json, "status", journal::parse_status).value_or(entry.status);
    entry.planned_seconds = number_of(json, "planned_s");
    entry.actual_seconds = number_of(json, "actual_s");
    entry.steps_done = number_of(json, "steps_done");
    entry.steps_total = number_of(json, "steps_total");
    json.at("hold").get_to(entry.holds);
    entry.pain_before = number_of(json, "pain_before");
    entry.pain_after = number_of(json, "pain_after");
    entry.tingling = json.at("tingling").get<bool>();
    entry.checked = word_of(json, "checked", journal::parse_checked);
    entry.tighter = word_of(json, "tighter", journal::parse_tighter);
    const Json& note = json.at("note");
    entry.note = note.is_null() ? std::string() : note.get<std::string>();
    for (const Json& pair : json.at("extra")) {
      entry.extra.emplace_back(pair.at(0).get<std::string>(),
                               pair.at(1).get<std::string>());
    }
    return entry;
  } catch (const std::exception& error) {
    return std::unexpected(error.what());
  }
}

} // namespace knotrelief::cli
