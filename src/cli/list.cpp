#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/json.hpp"
#include "cli/spots.hpp"
#include "routine/describe.hpp"
#include "session/timeline.hpp"
#include "util/table.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <unistd.h>

namespace knotrelief::cli {

using routine::Routine;

namespace {

// Checks a filter value against the values that exist, so a typo is a usage
// error with a suggestion rather than a silently empty list.
void check_filter(std::string_view option,
                  const std::string& value,
                  std::vector<std::string> known)
{
  if (value.empty()) {
    return;
  }
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  if (std::find(known.begin(), known.end(), text::to_lower(value)) !=
      known.end()) {
    return;
  }
  std::string hint = text::did_you_mean(value, known);
  if (hint.empty()) {
    hint = fmt::format("; known: {}", text::quoted_list(known));
  }
  throw UsageError(fmt::format(
    "{}: no routine has '{}'{}", option, text::printable(value), hint));
}

bool matches(const Routine& routine, const ListOptions& options)
{
  if (!options.area.empty() &&
      text::to_lower(routine.area) != text::to_lower(options.area)) {
    return false;
  }
  if (!options.tool.empty()) {
    return std::any_of(
      routine.tools.begin(), routine.tools.end(), [&](const std::string& tool) {
        return text::to_lower(tool) == text::to_lower(options.tool);
      });
  }
  return true;
}

std::string source_text(const Routine& routine, const Context& context)
{
  if (routine.origin == routine::Origin::builtin) {
    return "built-in";
  }
  const std::string path = display_path(context, routine.path);
  return routine.replaces_builtin ? path + " (replaces built-in)" : path;
}

// --ids or --json of a list of items (techniques, spots): true when done.
template <typename Item, typename ToJson>
bool print_ids_or_json(Context& context,
                       const ListOptions& options,
                       std::span<const Item> items,
                       ToJson to_json)
{
  if (options.ids) {
    for (const Item& item : items) {
      safe_print(context.out(), "{}\n", item.id);
    }
  } else if (options.json) {
    Json list = Json::array();
    for (const Item& item : items) {
      list.push_back(to_json(item));
    }
    print_json(context.out(), list);
  }
  return options.ids || options.json;
}

// Fitted to a terminal; whole into a pipe or a file.
void print_fitted(Context& context, const text::Table& table)
{
  const bool terminal = ::isatty(::fileno(context.out())) == 1;
  for (const auto& line : table.render(
         terminal ? static_cast<std::size_t>(context.output_columns()) : 0,
         context.output_is_unicode())) {
    safe_print(context.out(), "{}\n", line);
  }
}

void list_techniques(Context& context, const ListOptions& options)
{
  const auto techniques = context.library().techniques();
  if (print_ids_or_json(context, options, techniques, technique_json)) {
    return;
  }
  text::Table table({"ID", "NAME", "HOLD", "REPS", "BEST FOR"});
  for (const auto& technique : techniques) {
    std::string best_for;
    for (const auto& item : technique.best_for) {
      best_for += (best_for.empty() ? "" : "; ") + item;
    }
    table.add_row(
      {technique.id,
       technique.name,
       technique.hold ? routine::format_duration(*technique.hold) : "-",
       technique.reps ? routine::describe_reps(*technique.reps) : "-",
       best_for});
  }
  print_fitted(context, table);
}

void list_spots(Context& context, const ListOptions& options)
{
  const std::span<const routine::Spot> spots = context.library().spots().spots;
  const auto to_json = [&](const routine::Spot& spot) {
    return spot_json(spot, routines_on(context, spot.id));
  };
  if (print_ids_or_json(context, options, spots, to_json)) {
    return;
  }
  text::Table table({"ID", "NAME", "AREA", "MAP", "ROUTINES"});
  for (const routine::Spot& spot : spots) {
    const auto routines = routines_on(context, spot.id);
    std::string names;
    for (const auto& id : routines) {
      names += (names.empty() ? "" : ", ") + id;
    }
    table.add_row({spot.id,
                   spot.name,
                   spot.area,
                   std::string(routine::to_string(spot.view)),
                   names.empty() ? "-" : names});
  }
  print_fitted(context, table);
}

// --areas and --tools: each area or tool some routine has, once, one a
// line, for the shell completions.
void list_values(Context& context, const ListOptions& options)
{
  std::vector<std::string> values;
  for (const Routine& routine : context.library().routines()) {
    if (options.areas && !routine.area.empty()) {
      values.push_back(text::to_lower(routine.area));
    }
    if (options.tools) {
      for (const auto& tool : routine.tools) {
        values.push_back(text::to_lower(tool));
      }
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (const auto& value : values) {
    safe_print(context.out(), "{}\n", value);
  }
}

} // namespace

CLI::App* add_list_command(CLI::App& app, ListOptions& options)
{
  CLI::App* command =
    app.add_subcommand(list_summary.name, list_summary.description);
  command->add_flag(
    "--techniques", options.techniques, "List the techniques instead");
  command->add_flag(
    "--spots", options.spots, "List the spots of the body map instead");
  command
    ->add_option("--area", options.area, "Only routines for this body area")
    ->type_name("AREA");
  command
    ->add_option("--tool", options.tool, "Only routines that use this tool")
    ->type_name("TOOL");
  command->add_flag("--json", options.json, "Print JSON");
  // For the shell completions; not part of the documented interface.
  command->add_flag("--ids", options.ids, "Print only the ids")->group("");
  command->add_flag("--areas", options.areas, "Print only the areas")
    ->group("");
  command->add_flag("--tools", options.tools, "Print only the tools")
    ->group("");
  return command;
}

namespace {

// --area and --tool must name an area or tool some routine has.
void check_filters(std::span<const Routine> routines,
                   const ListOptions& options)
{
  std::vector<std::string> areas;
  std::vector<std::string> tools;
  for (const Routine& routine : routines) {
    areas.push_back(text::to_lower(routine.area));
    for (const auto& tool : routine.tools) {
      tools.push_back(text::to_lower(tool));
    }
  }
  check_filter("--area", options.area, std::move(areas));
  check_filter("--tool", options.tool, std::move(tools));
}

std::vector<std::string> routine_row(const Routine& routine,
                                     const Context& context)
{
  std::string tool_list;
  for (const auto& tool : routine.tools) {
    tool_list += (tool_list.empty() ? "" : ", ") + tool;
  }
  return {routine.id,
          routine.name,
          routine.area.empty() ? "-" : routine.area,
          routine::format_duration(session::routine_seconds(routine)),
          tool_list.empty() ? "-" : tool_list,
          source_text(routine, context)};
}

} // namespace

ExitStatus command_list(Context& context, const ListOptions& options)
{
  if (options.areas || options.tools) {
    list_values(context, options);
    return ExitStatus::success;
  }
  if (options.techniques && options.spots) {
    throw UsageError("--techniques and --spots: choose one");
  }
  if (options.techniques || options.spots) {
    if (!options.area.empty() || !options.tool.empty()) {
      throw UsageError(fmt::format("--area and --tool filter routines, not {}",
                                   options.spots ? "--spots" : "--techniques"));
    }
    if (options.spots) {
      list_spots(context, options);
    } else {
      list_techniques(context, options);
    }
    return ExitStatus::success;
  }
  const auto routines = context.library().routines();
  check_filters(routines, options);

  Json list = Json::array();
  text::Table table({"ID", "NAME", "AREA", "TIME", "TOOLS", "SOURCE"});
  for (const Routine& routine : routines) {
    if (!matches(routine, options)) {
      continue;
    }
    if (options.ids) {
      safe_print(context.out(), "{}\n", routine.id);
      continue;
    }
    if (options.json) {
      list.push_back(routine_summary_json(routine));
      continue;
    }
    table.add_row(routine_row(routine, context));
  }
  if (options.json) {
    print_json(context.out(), list);
  } else if (!options.ids) {
    for (const auto& line : table.render(0, context.output_is_unicode())) {
      safe_print(context.out(), "{}\n", line);
    }
    safe_print(
      context.out(),
      "Times include {} to get ready (run --prep).\n",
      routine::format_duration(session::TimelineOptions{}.prep_seconds));
  }
  // Like ls with one unreadable entry: list the rest, but say it failed.
  return context.library_had_problems() ? ExitStatus::failure
                                        : ExitStatus::success;
}

} // namespace knotrelief::cli
