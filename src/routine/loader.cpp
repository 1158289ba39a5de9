#include "routine/loader.hpp"

#include "routine/yaml_document.hpp"
#include "routine/yaml_fields.hpp"
#include "util/limits.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace knotrelief::routine {

namespace {

using yaml::Fields;
using yaml::Problems;
using yaml::TextKind;

std::optional<std::string> read_id(Fields& fields)
{
  auto id = fields.text("id", true);
  if (id && !is_valid_id(*id)) {
    fields.problem("id",
                   fmt::format("id '{}' must use only a-z, 0-9 and '-' (at "
                               "most 64 characters)",
                               *id));
    return std::nullopt;
  }
  return id;
}

// A value that must be one of a few words (`names`, as `parse` knows them).
template <typename T>
std::optional<T> read_choice(Fields& fields,
                             std::string_view key,
                             std::optional<T> (*parse)(std::string_view),
                             const std::vector<std::string>& names)
{
  auto text = fields.text(key, false);
  if (!text) {
    return std::nullopt;
  }
  auto value = parse(*text);
  if (!value) {
    std::string choices;
    for (std::size_t i = 0; i < names.size(); ++i) {
      choices += (i == 0                  ? ""
                  : i + 1 == names.size() ? " or "
                                          : ", ") +
                 names[i];
    }
    fields.problem(key,
                   fmt::format("'{}' must be {}, not '{}'{}",
                               key,
                               choices,
                               *text,
                               text::did_you_mean(*text, names)));
  }
  return value;
}

std::optional<Pressure> read_pressure(Fields& fields)
{
  return read_choice<Pressure>(
    fields, "pressure", parse_pressure, {"gentle", "moderate", "firm"});
}

std::optional<Sides> read_sides(Fields& fields)
{
  return read_choice<Sides>(
    fields, "sides", parse_sides, {"both", "left", "right"});
}

void read_step_timing(Fields& fields, Step& step)
{
  if (fields.has("hold") && fields.has("count")) {
    fields.problem("count",
                   "a step has either 'hold' (a time) or 'count' "
                   "(movements), not both");
    return;
  }
  if (fields.has("hold")) {
    step.hold = fields.duration("hold", max_hold_seconds, true);
    if (fields.has("pace")) {
      fields.problem("pace", "'pace' only applies to a step with 'count'");
    }
    return;
  }
  if (!fields.has("count")) {
    // Not a key's problem: reported at the start of the step.
    fields.problem("",
                   fmt::format("step '{}' needs 'hold' (a time, e.g. 45s) or "
                               "'count' (a number of movements)",
                               step.name));
    return;
  }
  step.count = fields.whole_number("count", 1, max_count).value_or(0);
  if (auto pace = fields.duration("pace", max_pace_seconds, false)) {
    step.pace_seconds = pace->low;
  }
}

// `spot`: one spot id or a list of them, each one a known spot.
std::vector<std::string> read_step_spots(Fields& fields,
                                         Problems& problems,
                                         std::span<const std::string> spot_ids)
{
  const YAML::Node* node = fields.node("spot");
  if (!node) {
    return {};
  }
  std::vector<std::string> spots;
  if (node->IsScalar()) {
    if (auto id = fields.text("spot", false)) {
      spots.push_back(*id);
    }
  } else if (node->IsSequence()) {
    spots = fields.text_list("spot", max_step_spots).value_or(spots);
  } else {
    fields.problem("spot",
                   fmt::format("'spot' must be a spot id or a list of them, "
                               "not {}",
                               yaml::describe(*node)));
  }
  for (std::size_t i = 0; i < spots.size(); ++i) {
    const YAML::Node item = node->IsSequence() ? (*node)[i] : *node;
    const auto mark = yaml::mark_or(item, node->Mark());
    if (std::find(spot_ids.begin(), spot_ids.end(), spots[i]) ==
        spot_ids.end()) {
      problems.add(mark,
                   fmt::format("unknown spot '{}'{}",
                               spots[i],
                               text::did_you_mean(spots[i], spot_ids)));
    } else if (std::find(spots.begin(), spots.begin() + i, spots[i]) !=
               spots.begin() + i) {
      problems.add(mark, fmt::format("spot '{}' is listed twice", spots[i]));
    }
  }
  return spots;
}

Step read_step(const YAML::Node& node,
               Problems& problems,
               std::span<const std::string> technique_ids,
               std::span<const std::string> spot_ids)
{
  Fields fields(node,
                problems,
                {"name",
                 "technique",
                 "spot",
                 "cue",
                 "hold",
                 "count",
                 "pace",
                 "sides",
                 "reps",
                 "pressure",
                 "advice",
                 "breathing",
                 "halfway"});
  Step step;
  const YAML::Mark mark = node.Mark();
  step.where = {problems.file(), mark.line + 1, mark.column + 1};
  step.name = fields.text("name", true).value_or("");
  step.cue = fields.text("cue", true, TextKind::prose).value_or("");
  if (auto technique = fields.text("technique", false)) {
    if (std::find(technique_ids.begin(), technique_ids.end(), *technique) ==
        technique_ids.end()) {
      fields.problem(
        "technique",
        fmt::format("unknown technique '{}'{}",
                    *technique,
                    text::did_you_mean(*technique, technique_ids)));
    }
    step.technique = *technique;
  }
  step.spots = read_step_spots(fields, problems, spot_ids);
  read_step_timing(fields, step);
  step.sides = read_sides(fields).value_or(Sides::none);
  step.reps = fields.whole_number("reps", 1, max_reps).value_or(1);
  step.pressure = read_pressure(fields).value_or(Pressure::unspecified);
  step.advice = fields.text("advice", false, TextKind::prose).value_or("");
  step.breathing =
    fields.text("breathing", false, TextKind::prose).value_or("");
  step.halfway = fields.text("halfway", false, TextKind::prose).value_or("");
  return step;
}

void read_steps(Fields& fields,
                Problems& problems,
                std::span<const std::string> technique_ids,
                std::span<const std::string> spot_ids,
                Routine& routine)
{
  const YAML::Node* steps = fields.node("steps");
  if (!steps) {
    problems.add(fields.map_mark(), "missing required key 'steps'");
    return;
  }
  if (!steps->IsSequence()) {
    fields.problem("steps",
                   fmt::format("'steps' must be a list of steps, not {}",
                               yaml::describe(*steps)));
    return;
  }
  if (steps->size() == 0) {
    fields.problem("steps", "'steps' is empty; a routine needs at least one");
    return;
  }
  if (steps->size() > max_steps) {
    fields.problem("steps",
                   fmt::format("{} steps is too many (at most {})",
                               steps->size(),
                               max_steps));
    return;
  }
  for (const YAML::Node& step : *steps) {
    if (!step.IsMap()) {
      problems.add(yaml::mark_or(step, steps->Mark()),
                   fmt::format("each step must be a mapping with name, cue "
                               "and hold or count, not {}",
                               yaml::describe(step)));
      continue;
    }
    routine.steps.push_back(read_step(step, problems, technique_ids, spot_ids));
  }
}

// Seconds one step adds to the longest run: each side and repetition is a
// pause and then the work.
std::int64_t longest_step_seconds(const Step& step)
{
  const std::int64_t work = step.is_counted()
                              ? std::int64_t{step.count} * step.pace_seconds
                              : std::int64_t{step.hold ? step.hold->high : 0};
  const auto holds =
    static_cast<std::int64_t>(expand_sides(step.sides).size()) * step.reps;
  return holds * (work + default_pause_seconds);
}

// Refuses, at the step that passes it, a routine longer than a session may
// be.
void check_length(const std::vector<Step>& steps, Problems& problems)
{
  std::int64_t total = 0;
  for (const Step& step : steps) {
    total += longest_step_seconds(step);
    if (total > limits::max_session_seconds) {
      problems.add_at(
        step.where.line,
        step.where.column,
        fmt::format("with step '{}' the routine can last more than {} (holds "
                    "at the high end, with pauses), the longest a session "
                    "may be: use fewer steps or reps, or shorter holds",
                    step.name,
                    format_duration(limits::max_session_seconds)));
      return;
    }
  }
}

} // namespace

bool is_valid_id(std::string_view id)
{
  return !id.empty() && id.size() <= 64 &&
         id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
           std::string_view::npos;
}

Loaded<Routine> parse_routine(std::string_view text,
                              const std::string& file,
                              std::span<const std::string> technique_ids,
                              std::span<const std::string> spot_ids)
{
  Problems problems(file);
  auto document = yaml::parse_mapping(
    text, problems, "a routine file must be a mapping (id, name, steps, ...)");
  if (!document) {
    return std::unexpected(problems.take());
  }
  Fields fields(*document,
                problems,
                {"id", "name", "area", "summary", "tools", "safety", "steps"});
  Routine routine;
  routine.path = file;
  const YAML::Mark id_mark = fields.key_mark("id");
  routine.where = {file, id_mark.line + 1, id_mark.column + 1};
  routine.id = read_id(fields).value_or("");
  routine.name = fields.text("name", true).value_or("");
  routine.area = fields.text("area", false).value_or("");
  routine.summary = fields.text("summary", false, TextKind::prose).value_or("");
  routine.tools =
    fields.text_list("tools", 20).value_or(std::vector<std::string>{});
  routine.safety = fields.text_list("safety", 20, TextKind::prose)
                     .value_or(std::vector<std::string>{});
  read_steps(fields, problems, technique_ids, spot_ids, routine);
  check_length(routine.steps, problems);
  if (!problems.empty()) {
    return std::unexpected(problems.take());
  }
  return routine;
}

namespace {

// A technique's `reps`: "3" or "3-5", from 1 to max_reps.
std::optional<RepRange> read_rep_range(Fields& fields)
{
  const auto text = fields.text("reps", false);
  if (!text) {
    return std::nullopt;
  }
  RepRange range;
  const auto dash = text->find('-');
  const auto number = [](std::string_view digits, int& value) {
    const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return error == std::errc() && end == digits.data() + digits.size() &&
           !digits.empty();
  };
  const std::string_view all(*text);
  const bool parsed = dash == std::string::npos
                        ? number(all, range.low) && number(all, range.high)
                        : number(all.substr(0, dash), range.low) &&
                            number(all.substr(dash + 1), range.high);
  if (!parsed || range.low < 1 || range.low > range.high ||
      range.high > max_reps) {
    fields.problem("reps",
                   fmt::format("'reps' must be a number or a range like 3-5, "
                               "from 1 to {}, not '{}'",
                               max_reps,
                               *text));
    return std::nullopt;
  }
  return range;
}

} // namespace

namespace {

Technique read_technique(const YAML::Node& node, Problems& problems)
{
  Fields fields(node,
                problems,
                {"id",
                 "name",
                 "what",
                 "how",
                 "best_for",
                 "example",
                 "hold",
                 "reps",
                 "pressure",
                 "advice"});
  Technique technique;
  technique.id = read_id(fields).value_or("");
  technique.name = fields.text("name", true).value_or("");
  technique.what = fields.text("what", true, TextKind::prose).value_or("");
  technique.how = fields.text_list("how", 20, TextKind::prose)
                    .value_or(std::vector<std::string>{});
  technique.best_for =
    fields.text_list("best_for", 20).value_or(std::vector<std::string>{});
  technique.example =
    fields.text("example", false, TextKind::prose).value_or("");
  technique.hold = fields.duration("hold", max_hold_seconds, true);
  technique.reps = read_rep_range(fields);
  technique.pressure = read_pressure(fields).value_or(Pressure::unspecified);
  technique.advice = fields.text("advice", false, TextKind::prose).value_or("");
  return technique;
}

} // namespace

Loaded<std::vector<Technique>> parse_techniques(std::string_view text,
                                                const std::string& file)
{
  Problems problems(file);
  std::vector<Technique> techniques;
  yaml::for_each_listed(
    text, problems, "techniques", "technique", [&](const YAML::Node& node) {
      techniques.push_back(read_technique(node, problems));
    });
  if (!problems.empty()) {
    return std::unexpected(problems.take());
  }
  return techniques;
}

std::expected<std::string, std::string> read_text_file(
  const std::filesystem::path& path)
{
  struct stat info
  {};
  if (::stat(path.c_str(), &info) != 0) {
    return std::unexpected(
      fmt::format("cannot open: {}", std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    return std::unexpected("is a directory, not a file");
  }
  // A FIFO or device would block or never end: routine files are files.
  if (!S_ISREG(info.st_mode)) {
    return std::unexpected("not a regular file");
  }
  if (static_cast<std::size_t>(info.st_size) > max_file_bytes) {
    return std::unexpected(fmt::format("file is too large ({} bytes; at most "
                                       "{} bytes)",
                                       info.st_size,
                                       max_file_bytes));
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return std::unexpected(
      fmt::format("cannot open: {}", std::strerror(errno)));
  }
  std::ostringstream content;
  content << stream.rdbuf();
  if (stream.bad()) {
    return std::unexpected(
      fmt::format("cannot read: {}", std::strerror(errno)));
  }
  return content.str();
}

Loaded<Routine> load_routine_file(const std::filesystem::path& path,
                                  std::span<const std::string> technique_ids,
                                  std::span<const std::string> spot_ids)
{
  auto text = read_text_file(path);
  if (!text) {
    return std::unexpected(
      std::vector<Diagnostic>{{{path.string(), 0, 0}, text.error()}});
  }
  return parse_routine(*text, path.string(), technique_ids, spot_ids);
}

} // namespace knotrelief::routine
