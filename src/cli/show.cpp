#include "cli/commands.hpp"
#include "cli/guide.hpp"
#include "cli/json.hpp"
#include "cli/spots.hpp"
#include "routine/describe.hpp"
#include "session/timeline.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::cli {

using routine::Routine;
using routine::Technique;

namespace {

// Prints `text` wrapped to `width`, each line after `indent`; the first line
// starts with `label` instead of blanks when given.
std::string joined(const std::vector<std::string>& items,
                   std::string_view separator)
{
  std::string result;
  for (const auto& item : items) {
    result += (result.empty() ? "" : std::string(separator)) + item;
  }
  return result;
}

// The routine's own safety notes, then the signs that call for a
// professional, which hold for every routine (the guide's).
void print_safety(std::FILE* out, const Routine& routine, std::size_t width)
{
  safe_print(out, "\nSafety\n");
  for (const auto& note : routine.safety) {
    print_wrapped(out, note, 4, width, "  -");
  }
  const auto& professional = guide_section("professional");
  print_wrapped(out, professional.title + ":", 4, width, "  -");
  for (const auto& sign : professional.points) {
    print_wrapped(out, sign, 6, width, "    -");
  }
}

void print_routine(Context& context, const Routine& routine)
{
  std::FILE* out = context.out();
  const std::size_t width = layout_width(context);
  safe_print(out, "{} ({})\n", routine.name, routine.id);
  print_facts(
    out,
    fmt::format("Area: {}   Time: {}   Tools: {}",
                routine.area.empty() ? "-" : routine.area,
                session::describe_length(routine),
                routine.tools.empty() ? "-" : joined(routine.tools, ", ")),
    width);
  if (routine.origin != routine::Origin::builtin) {
    safe_print(out, "From: {}\n", routine.path);
  }
  if (!routine.summary.empty()) {
    safe_print(out, "\n");
    print_wrapped(out, routine.summary, 0, width);
  }
  safe_print(out, "\nSteps\n");
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const auto& step = routine.steps[i];
    safe_print(out,
               "{:>3}. {} - {}\n",
               i + 1,
               step.name,
               routine::describe_timing(step));
    std::vector<std::string> facts;
    if (!step.technique.empty()) {
      facts.push_back(fmt::format("technique: {}", step.technique));
    }
    if (!step.spots.empty()) {
      facts.push_back(fmt::format("{}: {}",
                                  step.spots.size() == 1 ? "spot" : "spots",
                                  joined(step.spots, " + ")));
    }
    if (step.pressure != routine::Pressure::unspecified) {
      facts.push_back(
        fmt::format("pressure: {}", routine::to_string(step.pressure)));
    }
    if (!facts.empty()) {
      print_wrapped(out, joined(facts, ", "), 5, width);
    }
    print_wrapped(out, step.cue, 5, width);
    if (!step.advice.empty()) {
      print_wrapped(out, step.advice, 16, width, "     Pressure:");
    }
    if (!step.breathing.empty()) {
      print_wrapped(out, step.breathing, 16, width, "     Breathing:");
    }
    if (!step.halfway.empty()) {
      print_wrapped(out, step.halfway, 16, width, "     Halfway:");
    }
  }
  const auto marks = step_marks(routine);
  if (!marks.empty()) {
    safe_print(out, "\nWhere (numbers are steps)\n");
    print_body_map(context, marks);
  }
  print_safety(out, routine, width);
  safe_print(out, "\n");
  print_wrapped(out,
                "Times are at the low end of each range; run with --hold mid "
                "or high for longer holds.",
                0,
                width);
}

void print_technique(Context& context, const Technique& technique)
{
  std::FILE* out = context.out();
  const std::size_t width = layout_width(context);
  safe_print(out, "{} ({})\n", technique.name, technique.id);
  std::vector<std::string> facts;
  if (technique.hold) {
    facts.push_back(
      fmt::format("Hold: {}", routine::format_duration(*technique.hold)));
  }
  if (technique.reps) {
    facts.push_back(
      fmt::format("Reps: {}", routine::describe_reps(*technique.reps)));
  }
  if (technique.pressure != routine::Pressure::unspecified) {
    facts.push_back(
      fmt::format("Pressure: {}", routine::to_string(technique.pressure)));
  }
  if (!facts.empty()) {
    print_facts(out, joined(facts, "   "), width);
  }
  safe_print(out, "\nWhat it is\n");
  print_wrapped(out, technique.what, 2, width);
  safe_print(out, "\nHow\n");
  for (std::size_t i = 0; i < technique.how.size(); ++i) {
    print_wrapped(
      out, technique.how[i], 5, width, fmt::format("{:>3}.", i + 1));
  }
  if (!technique.best_for.empty()) {
    safe_print(out, "\nBest for\n");
    for (const auto& item : technique.best_for) {
      print_wrapped(out, item, 4, width, "  -");
    }
  }
  if (!technique.example.empty()) {
    safe_print(out, "\nExample\n");
    print_wrapped(out, technique.example, 2, width);
  }
  if (!technique.advice.empty()) {
    safe_print(out, "\nPressure\n");
    print_wrapped(out, technique.advice, 2, width);
  }
  std::vector<std::string> users;
  for (const auto& routine : context.library().routines()) {
    if (std::any_of(
          routine.steps.begin(), routine.steps.end(), [&](auto& step) {
            return step.technique == technique.id;
          })) {
      users.push_back(routine.id);
    }
  }
  if (!users.empty()) {
    safe_print(out, "\nUsed in: {}\n", joined(users, ", "));
  }
}

// A spot, or a usage error suggesting any close name `show` knows.
void show_spot(Context& context,
               std::string_view name,
               const ShowOptions& options)
{
  const auto& library = context.library();
  if (const routine::Spot* spot = library.spots().find(name)) {
    print_spot(context, *spot, options);
    return;
  }
  std::vector<std::string> names = library.routine_ids();
  names.emplace_back("guide");
  names.insert(names.end(),
               library.technique_ids().begin(),
               library.technique_ids().end());
  names.insert(
    names.end(), library.spot_ids().begin(), library.spot_ids().end());
  throw UsageError(
    fmt::format("unknown routine, technique or spot '{}'{}",
                text::printable(name),
                text::did_you_mean(name, names)),
    "Run 'knotrelief list', 'knotrelief list --techniques' or 'knotrelief "
    "list --spots' to see them all.");
}

} // namespace

CLI::App* add_show_command(CLI::App& app, ShowOptions& options)
{
  CLI::App* command =
    app.add_subcommand(show_summary.name, show_summary.description);
  command
    ->add_option(
      "NAME",
      options.name,
      "A routine, technique or spot id (spot:ID for a spot when a routine "
      "has its id), a routine file, or 'guide'")
    ->required();
  command->add_flag("--json", options.json, "Print JSON");
  return command;
}

ExitStatus command_show(Context& context, const ShowOptions& options)
{
  const auto& library = context.library();
  if (options.name == "guide") {
    if (options.json) {
      print_json(context.out(), guide_json(guide()));
    } else {
      print_guide(context);
    }
    return ExitStatus::success;
  }
  if (options.name.starts_with(spot_prefix)) {
    show_spot(context, options.name.substr(spot_prefix.size()), options);
    return ExitStatus::success;
  }
  if (!routine::looks_like_path(options.name)) {
    if (const Technique* technique = library.find_technique(options.name)) {
      if (options.json) {
        print_json(context.out(), technique_json(*technique));
      } else {
        print_technique(context, *technique);
      }
      return ExitStatus::success;
    }
    if (!library.find_routine(options.name)) {
      show_spot(context, options.name, options);
      return ExitStatus::success;
    }
  }
  const Routine routine = library.resolve_routine(options.name);
  if (library.spots().find(options.name) != nullptr) {
    context.warn(fmt::format("'{}' is a routine of yours and a spot: this is "
                             "the routine (knotrelief show spot:{} for the "
                             "spot)",
                             options.name,
                             options.name));
  }
  if (options.json) {
    print_json(context.out(), routine_json(routine));
  } else {
    print_routine(context, routine);
  }
  return ExitStatus::success;
}

} // namespace knotrelief::cli
