// `knotrelief remind check`: what the reminder service runs. Asks the coach
// whether a session is due today and, only then, notifies; never writes the
// journal and never reads stdin, so it cannot get in the way of a session.

#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/remind.hpp"
#include "cli/today.hpp"
#include "journal/time.hpp"
#include "remind/message.hpp"
#include "util/process.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace knotrelief::cli {

namespace {

// A notification that takes longer than this is given up on.
constexpr std::chrono::seconds notify_limit{10};

// Shows `message` with notify-send, from /usr/bin (a service has no PATH
// worth searching), or KNOTRELIEF_NOTIFY_SEND for tests. Why not, if it
// could not.
std::optional<std::string> notify(const Context& context,
                                  const remind::Message& message)
{
  const std::string program =
    context.env()("KNOTRELIEF_NOTIFY_SEND").value_or("/usr/bin/notify-send");
  const ProgramResult result =
    run_program(program,
                {"--app-name=knotrelief", "--", message.summary, message.body},
                notify_limit);
  if (!result.started) {
    return fmt::format("cannot run {}: {}", program, result.error);
  }
  if (result.timed_out || result.status != 0) {
    const std::string said = result.err.substr(0, result.err.find('\n'));
    return fmt::format(
      "{} failed{}{}", program, said.empty() ? "" : ": ", said);
  }
  return std::nullopt;
}

int sessions_today(const coach::Summary& summary)
{
  int count = 0;
  for (const auto& [name, area] : summary.areas) {
    count += area.sessions_between(summary.today, summary.today);
  }
  return count;
}

} // namespace

coach::Plan todays_plan(Context& context, const coach::Summary& summary)
{
  return coach::make_plan(
    summary, context.library().routines(), coach::PlanOptions{});
}

coach::SummaryBuilder todays_summary(Context& context)
{
  return read_summary(context,
                      journal_file(context),
                      coach_today(context),
                      nullptr,
                      UnreadableJournal::fail);
}

std::string todays_session(Context& context)
{
  const coach::SummaryBuilder summary = todays_summary(context);
  const coach::Plan plan = todays_plan(context, summary.summary());
  if (plan.needs_area) {
    return fmt::format("due: no session in the last {} days",
                       coach::active_window_days);
  }
  if (auto message = remind::session_message(plan)) {
    return "due: " + message->summary;
  }
  if (const int done = sessions_today(summary.summary()); done > 0) {
    return fmt::format(
      "done: {} session{} logged today", done, done == 1 ? "" : "s");
  }
  if (plan.next_due_day) {
    return fmt::format("nothing due (next session due {})",
                       journal::iso_date(*plan.next_due_day));
  }
  return "nothing due";
}

CLI::App* add_remind_check_command(CLI::App& remind,
                                   RemindCheckOptions& options)
{
  CLI::App* command = remind.add_subcommand(remind_check_summary.name,
                                            remind_check_summary.description);
  command->add_flag("--break",
                    options.stretch_break,
                    "Suggest a movement break instead (the breaks timer)");
  return command;
}

ExitStatus command_remind_check(Context& context,
                                const RemindCheckOptions& options)
{
  std::optional<remind::Message> message =
    options.stretch_break ? remind::break_message()
                          : remind::session_message(todays_plan(
                              context, todays_summary(context).summary()));
  if (!message) {
    safe_print(context.out(), "No session due today.\n");
    return ExitStatus::success;
  }
  if (auto why_not = notify(context, *message)) {
    context.warn(fmt::format("no notification: {}", *why_not));
    safe_print(context.out(), "{}\n", remind::one_line(*message));
  }
  return ExitStatus::success;
}

} // namespace knotrelief::cli
