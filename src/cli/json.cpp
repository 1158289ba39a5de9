#include "cli/json.hpp"

#include "session/timeline.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace knotrelief::cli {

using routine::DurationRange;

namespace {

Json duration_json(const DurationRange& range)
{
  return Json{{"min_s", range.low}, {"max_s", range.high}};
}

Json optional_text(const std::string& text)
{
  return text.empty() ? Json(nullptr) : Json(text);
}

Json pressure_json(routine::Pressure pressure)
{
  return pressure == routine::Pressure::unspecified
           ? Json(nullptr)
           : Json(routine::to_string(pressure));
}

Json step_json(const routine::Step& step)
{
  Json json{{"name", step.name},
            {"technique", optional_text(step.technique)},
            {"spots", step.spots},
            {"cue", step.cue}};
  if (step.hold) {
    json["hold"] = duration_json(*step.hold);
  } else {
    json["count"] = step.count;
    json["pace_s"] = step.pace_seconds;
  }
  json["sides"] = routine::to_string(step.sides);
  json["reps"] = step.reps;
  json["pressure"] = pressure_json(step.pressure);
  json["advice"] = optional_text(step.advice);
  json["breathing"] = optional_text(step.breathing);
  json["halfway"] = optional_text(step.halfway);
  return json;
}

} // namespace

std::string_view origin_name(routine::Origin origin)
{
  switch (origin) {
    case routine::Origin::builtin:
      return "built-in";
    case routine::Origin::user:
      return "user";
    case routine::Origin::file:
      break;
  }
  return "file";
}

Json routine_summary_json(const routine::Routine& routine)
{
  return Json{
    {"id", routine.id},
    {"name", routine.name},
    {"area", optional_text(routine.area)},
    {"summary", optional_text(routine.summary)},
    {"tools", routine.tools},
    {"total_s", session::routine_seconds(routine)}, // get-ready included
    {"prep_s", session::TimelineOptions{}.prep_seconds},
    {"steps", routine.steps.size()},
    {"source", origin_name(routine.origin)},
    {"path",
     routine.origin == routine::Origin::builtin ? Json(nullptr)
                                                : Json(routine.path)},
    {"replaces_builtin", routine.replaces_builtin},
  };
}

Json routine_json(const routine::Routine& routine)
{
  Json json = routine_summary_json(routine);
  json["kind"] = "routine";
  json["safety"] = routine.safety;
  Json steps = Json::array();
  for (const auto& step : routine.steps) {
    steps.push_back(step_json(step));
  }
  json["steps"] = std::move(steps);
  return json;
}

Json technique_json(const routine::Technique& technique)
{
  return Json{
    {"kind", "technique"},
    {"id", technique.id},
    {"name", technique.name},
    {"what", technique.what},
    {"how", technique.how},
    {"best_for", technique.best_for},
    {"example", optional_text(technique.example)},
    {"hold", technique.hold ? duration_json(*technique.hold) : Json(nullptr)},
    {"reps",
     technique.reps
       ? Json{{"min", technique.reps->low}, {"max", technique.reps->high}}
       : Json(nullptr)},
    {"pressure", pressure_json(technique.pressure)},
    {"advice", optional_text(technique.advice)},
  };
}

namespace {

// JSON escapes C0 controls itself but writes DEL, C1 and bidi controls as
// they are; inside a JSON string (the only place they can be) \uXXXX means
// the same and cannot drive a terminal.
std::string escape_controls(const std::string& dumped)
{
  std::string result;
  result.reserve(dumped.size());
  for (std::size_t at = 0; at < dumped.size();) {
    const text::CodePoint code_point = text::code_point_at(dumped, at);
    if (code_point.valid && text::is_control_character(code_point.value)) {
      result +=
        fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code_point.value));
    } else {
      result.append(dumped, at, code_point.length);
    }
    at += code_point.length;
  }
  return result;
}

} // namespace

void print_json(std::FILE* out, const Json& json)
{
  // Text is validated UTF-8 on load; `replace` only guards the output (file
  // names are not checked).
  fmt::print(
    out,
    "{}\n",
    escape_controls(json.dump(2, ' ', false, Json::error_handler_t::replace)));
}

Json guide_json(const routine::Guide& guide)
{
  Json sections = Json::array();
  for (const auto& section : guide.sections) {
    sections.push_back({{"id", section.id},
                        {"title", section.title},
                        {"points", section.points},
                        {"note", optional_text(section.note)}});
  }
  return {{"sections", sections}};
}

} // namespace knotrelief::cli
