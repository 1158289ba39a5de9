// `knotrelief today` (and bare `knotrelief`): the coach's plan for today,
// printed and, on a terminal, run as one session.

#include "cli/today.hpp"

#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/json.hpp"
#include "cli/run_dialog.hpp"
#include "cli/validators.hpp"
#include "coach/after_run.hpp"
#include "coach/plan.hpp"
#include "journal/reader.hpp"
#include "journal/time.hpp"
#include "routine/duration.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cmath>

namespace knotrelief::cli {

CLI::App* add_today_command(CLI::App& app, TodayOptions& options)
{
  CLI::App* command =
    app.add_subcommand(today_summary.name, today_summary.description);
  command
    ->add_option("--minutes",
                 options.minutes,
                 "Time budget in minutes, 1-120 (default 10)")
    ->type_name("N")
    ->transform(whole_number(1, 120));
  command->add_option("--area", options.area, "Plan for this area (first run)")
    ->type_name("AREA");
  auto* json = command->add_flag(
    "--json", options.json, "Print the plan as JSON (never starts)");
  auto* run = command->add_flag("--run", options.run, "Start without asking")
                ->excludes(json);
  command
    ->add_flag("--no-run", options.no_run, "Only print the plan, never start")
    ->excludes(run);
  command->add_flag("--plain",
                    options.plain,
                    "Run the session as plain lines (screen readers)");
  command->add_flag("--reduce-motion",
                    options.reduce_motion,
                    "Run the session on a calmer full screen");
  return command;
}

int coach_today(const Context& context)
{
  const std::string text = context.env()("KNOTRELIEF_TODAY").value_or("");
  if (text.empty()) {
    return journal::local_today(std::chrono::system_clock::now());
  }
  auto stamp = journal::parse_timestamp(text + "T12:00:00Z");
  if (!stamp) {
    throw UsageError(
      fmt::format("KNOTRELIEF_TODAY='{}' is not a date as YYYY-MM-DD", text));
  }
  return journal::local_day(stamp->time, 0);
}

coach::SummaryBuilder read_summary(Context& context,
                                   const std::filesystem::path& journal,
                                   int today,
                                   JournalHistory* history,
                                   UnreadableJournal unreadable)
{
  coach::SummaryBuilder builder(today);
  if (journal.empty()) {
    return builder;
  }
  std::size_t problems = 0;
  const auto read = journal::read_entries(
    journal,
    [&builder, history](const journal::Entry& entry) {
      builder.add(entry);
      if (history != nullptr) {
        add_to_history(*history, entry);
      }
    },
    [&problems](const Diagnostic&) { ++problems; });
  if (!read && unreadable == UnreadableJournal::fail) {
    throw Error(read.error());
  }
  if (!read) {
    context.warn(read.error());
    if (history != nullptr) {
      *history = {};
    }
    return coach::SummaryBuilder(today);
  }
  if (problems > 0) {
    context.warn(fmt::format("{} malformed journal line{} left out (knotrelief "
                             "log shows where)",
                             problems,
                             problems == 1 ? "" : "s"));
  }
  return builder;
}

void print_after_run(Context& context,
                     const coach::SummaryBuilder& before,
                     const journal::Entry& entry)
{
  for (const std::string& line : coach::after_run_lines(before, entry)) {
    safe_print(context.out(), "{}\n", line);
  }
}

namespace {

std::string_view state_name(coach::AreaState state)
{
  switch (state) {
    case coach::AreaState::over_budget:
      return "over budget";
    case coach::AreaState::not_due:
      return "not due";
    case coach::AreaState::stopped:
      return "stopped";
    case coach::AreaState::no_routine:
      return "no routine";
    case coach::AreaState::planned:
      break;
  }
  return "planned";
}

Json plan_json(const coach::Plan& plan)
{
  Json json;
  json["today"] = journal::iso_date(plan.today);
  json["budget_seconds"] = plan.budget_seconds;
  json["planned_seconds"] = plan.planned_seconds;
  json["needs_area"] = plan.needs_area;
  json["areas"] = Json::array();
  for (const auto& area : plan.areas) {
    Json item;
    item["area"] = area.area;
    item["state"] = state_name(area.state);
    item["soreness"] =
      area.soreness ? Json(std::round(*area.soreness * 10) / 10) : Json();
    item["chronic"] = area.chronic;
    item["red_flag"] = area.red_flag;
    item["reason"] = area.reason;
    item["routine"] = Json();
    if (area.choice) {
      item["routine"] = {{"id", area.choice->id},
                         {"hold", session::to_string(area.choice->hold)},
                         {"seconds", area.choice->seconds},
                         {"reason", area.choice->reason},
                         {"hold_reason", area.choice->hold_reason}};
    }
    item["next_due"] =
      area.next_due_day ? Json(journal::iso_date(*area.next_due_day)) : Json();
    json["areas"].push_back(std::move(item));
  }
  json["advice"] = plan.advice;
  json["next_due"] =
    plan.next_due_day ? Json(journal::iso_date(*plan.next_due_day)) : Json();
  return json;
}

std::string headline(const coach::Plan& plan)
{
  std::string parts;
  for (const auto& area : plan.areas) {
    if (area.state == coach::AreaState::planned) {
      parts += fmt::format("{}{} ({})",
                           parts.empty() ? "" : ", ",
                           area.area,
                           routine::format_duration(area.choice->seconds));
    }
  }
  return fmt::format("Today: {} - {} in all",
                     parts,
                     routine::format_duration(plan.planned_seconds));
}

void print_area(Context& context,
                const coach::AreaPlan& area,
                std::size_t column)
{
  const std::size_t width = layout_width(context);
  const bool unicode = context.output_is_unicode();
  const std::string name = text::fit_width(area.area, column, unicode);
  const auto line = [&](std::string_view label, const std::string& text) {
    print_wrapped(context.out(), text, column + 4, width, label);
  };
  const std::string label = "  " + name + "  ";
  if (area.state != coach::AreaState::planned) {
    line(label,
         fmt::format("{}{}",
                     area.reason,
                     area.state == coach::AreaState::over_budget
                       ? " (over the time budget: another day)"
                       : ""));
    return;
  }
  line(label, area.reason);
  line({}, area.choice->reason);
  line({}, "hold: " + area.choice->hold_reason);
}

void print_plan(Context& context, const coach::Plan& plan)
{
  std::size_t column = 0;
  for (const auto& area : plan.areas) {
    column = std::max(column, text::display_width(area.area));
  }
  column = std::min<std::size_t>(column, 16);
  if (plan.planned_seconds > 0) {
    safe_print(context.out(), "{}\n", headline(plan));
  } else if (plan.next_due_day) {
    safe_print(context.out(),
               "Nothing due today; the next session is due {}.\n",
               journal::iso_date(*plan.next_due_day));
  } else {
    safe_print(context.out(), "Nothing to do today.\n");
  }
  for (const auto& area : plan.areas) {
    print_area(context, area, column);
  }
  if (!plan.advice.empty()) {
    safe_print(context.out(), "Advice:\n");
  }
  for (const auto& advice : plan.advice) {
    print_wrapped(context.out(), advice, 4, layout_width(context), "  -");
  }
}

} // namespace

namespace {

// The numbered menu of areas of a first run; an empty answer or the end of
// the input chooses nothing, and so does a signal, left in `signal`.
std::string ask_area(Context& context,
                     term::SignalPipe& signals,
                     const std::vector<std::string>& areas,
                     int& signal)
{
  safe_print(context.out(),
             "No sessions in the last {} days. Where does it hurt?\n",
             coach::active_window_days);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    safe_print(context.out(), "  {}. {}\n", i + 1, areas[i]);
  }
  while (true) {
    const auto reply =
      ask_line(context, signals, fmt::format("Area [1-{}] ", areas.size()));
    signal = reply.signal;
    if (reply.end != term::PromptEnd::answered || reply.line.empty()) {
      return {};
    }
    const auto number =
      reply.line.find_first_not_of("0123456789") == std::string::npos &&
          reply.line.size() < 4
        ? std::stoul(reply.line)
        : 0;
    if (number >= 1 && number <= areas.size()) {
      return areas[number - 1];
    }
    safe_print(
      context.out(), "  A number from 1 to {}, please.\n", areas.size());
  }
}

void check_area(const std::string& area, const std::vector<std::string>& areas)
{
  if (!area.empty() &&
      std::find(areas.begin(), areas.end(), area) == areas.end()) {
    throw UsageError(fmt::format("no routine works the area '{}'{}",
                                 area,
                                 text::did_you_mean(area, areas)));
  }
}

// Whether to start: --run, or on a terminal a yes (Enter) to the question.
// A signal at the question is left in `signal`.
bool should_start(Context& context,
                  const TodayOptions& options,
                  bool interactive,
                  term::SignalPipe& signals,
                  int& signal)
{
  if (options.run) {
    return true;
  }
  if (options.no_run || !interactive) {
    return false;
  }
  const auto reply = ask_line(context, signals, "Start now? [Y/n] ");
  signal = reply.signal;
  return reply.end == term::PromptEnd::answered &&
         (reply.line.empty() || reply.line[0] == 'y' || reply.line[0] == 'Y');
}

ExitStatus run_plan(Context& context,
                    const coach::Plan& plan,
                    const TodayOptions& options)
{
  RunOptions run;
  run.plain = options.plain;
  run.reduce_motion = options.reduce_motion;
  for (const coach::RoutineChoice* choice : plan.planned()) {
    run.names.push_back(choice->id);
    run.routine_holds.push_back(choice->hold);
  }
  return command_run(context, run);
}

} // namespace

ExitStatus command_today(Context& context, const TodayOptions& options)
{
  const int today = coach_today(context);
  const auto& routines = context.library().routines();
  const auto areas = coach::routine_areas(routines);
  check_area(options.area, areas);
  const coach::SummaryBuilder summary =
    read_summary(context, journal_file(context), today);
  coach::PlanOptions plan_options{options.minutes, options.area};
  coach::Plan plan =
    coach::make_plan(summary.summary(), routines, plan_options);
  const bool interactive = detect_terminal(context).interactive;
  bool start = false;
  int signal = 0;
  {
    term::SignalPipe signals(term::ending_signals());
    if (plan.needs_area && interactive && !options.json) {
      plan_options.area = ask_area(context, signals, areas, signal);
      if (plan_options.area.empty()) {
        fmt::print(context.out(), "\n");
        return signal != 0 ? exit_status_for_signal(signal)
                           : ExitStatus::success;
      }
      plan = coach::make_plan(summary.summary(), routines, plan_options);
    }
    if (options.json) {
      print_json(context.out(), plan_json(plan));
    } else if (plan.needs_area) {
      safe_print(context.out(),
                 "No sessions in the last {} days. Say where it hurts: "
                 "knotrelief today --area AREA ({}).\n",
                 coach::active_window_days,
                 text::quoted_list(areas));
    } else {
      print_plan(context, plan);
    }
    start = !plan.planned().empty() && !options.json &&
            should_start(context, options, interactive, signals, signal);
  }
  if (signal != 0) {
    fmt::print(context.out(), "\n");
    return exit_status_for_signal(signal);
  }
  return start ? run_plan(context, plan, options) : ExitStatus::success;
}

} // namespace knotrelief::cli
