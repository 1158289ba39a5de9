#pragma once

// One function pair per subcommand: add_* declares its options on the CLI11
// app (wiring only), run_* does the work once parsing succeeded.

#include "cli/context.hpp"
#include "coach/rules.hpp"
#include "remind/schedule.hpp"
#include "session/timeline.hpp"
#include "util/error.hpp"

#include <CLI/App.hpp>

#include <string>
#include <vector>

namespace knotrelief::cli {

// A subcommand's name, the line --help shows for it, and the examples at
// the end of its own --help (one a line, each after "  ").
struct CommandSummary
{
  const char* name;
  const char* description;
  const char* examples = "";
  const char* notes = ""; // said before the examples
};

inline constexpr CommandSummary today_summary{
  "today",
  "Today's plan from the journal, then run it (also: knotrelief alone)"};
inline constexpr CommandSummary list_summary{
  "list",
  "List routines (or techniques) with their area, time and tools",
  "knotrelief list --area neck\n"
  "knotrelief list --techniques --json\n"
  "knotrelief list --spots"};
inline constexpr CommandSummary show_summary{
  "show",
  "Show a routine's steps, a technique, a spot on the body map, or the guide",
  "knotrelief show neck\n"
  "knotrelief show upper-trapezius\n"
  "knotrelief show ./my-routine.yaml --json"};
inline constexpr CommandSummary check_summary{
  "check",
  "Validate routine files and report every problem",
  "knotrelief check ~/.config/knotrelief/routines\n"
  "knotrelief check ./my-routine.yaml\n"
  "knotrelief check --quiet ~/.config/knotrelief/routines/*.yaml"};
inline constexpr CommandSummary run_summary{
  "run",
  "Run one or more routines as a guided countdown, then log the session",
  "knotrelief run neck\n"
  "knotrelief run neck shoulders --hold mid\n"
  "knotrelief run back --pain-before 6 --pain-after 3 --no-bell",
  "Keys while it runs: space pause/resume, n next step, b back a step, + or -\n"
  "10 s more or less, q or Esc quit, ? help."};
inline constexpr CommandSummary log_summary{
  "log",
  "Show the journal of sessions (see also log add, log stats, log path)",
  "knotrelief log\n"
  "knotrelief log --since 2w --routine neck\n"
  "knotrelief log --limit 100 --json"};
inline constexpr CommandSummary log_add_summary{
  "add",
  "Log a session done without the timer",
  "knotrelief log add neck\n"
  "knotrelief log add back --minutes 10 --pain-before 5 --pain-after 3\n"
  "knotrelief log add calves --at 2026-11-21T08:30 --note 'after a run'"};
inline constexpr CommandSummary log_stats_summary{
  "stats",
  "Totals, streaks, weekly sessions and warnings",
  "knotrelief log stats\n"
  "knotrelief log stats --since 1m\n"
  "knotrelief log stats --json"};
inline constexpr CommandSummary log_export_summary{
  "export",
  "Every entry, every field, as CSV or JSON",
  "knotrelief log export --format csv -o journal.csv\n"
  "knotrelief log export --format json --since 3m\n"
  "knotrelief log export --format json -o - | jq '.entries | length'",
  "CSV follows RFC 4180 (a header row, CRLF line ends); JSON names its\n"
  "version in \"format\". -o writes the file whole or not at all."};
inline constexpr CommandSummary log_report_summary{
  "report",
  "One page for a physiotherapist or doctor (HTML, Markdown or text)",
  "knotrelief log report -o report.html\n"
  "knotrelief log report --since 4w --format text\n"
  "knotrelief log report --format md -o report.md",
  "HTML is one file (inline CSS and SVG, no script): open it in a browser\n"
  "and print it, or: chromium --headless --print-to-pdf=report.pdf "
  "report.html"};
inline constexpr CommandSummary log_path_summary{
  "path",
  "Print the journal's path",
  "knotrelief log path\n"
  "knotrelief --journal ~/notes/journal.txt log path"};

inline constexpr CommandSummary remind_summary{
  "remind",
  "Reminders through systemd user timers (see remind enable, status)",
  "knotrelief remind enable --at 07:30 --days weekdays\n"
  "knotrelief remind status\n"
  "knotrelief remind disable"};
inline constexpr CommandSummary remind_enable_summary{
  "enable",
  "Write and start the reminder timer (again: change its schedule)",
  "knotrelief remind enable\n"
  "knotrelief remind enable --at 18:30 --days mon,wed,fri\n"
  "knotrelief remind enable --breaks 50m --between 09:00-17:30"};
inline constexpr CommandSummary remind_disable_summary{
  "disable",
  "Stop the reminder timers and remove their files",
  "knotrelief remind disable\n"
  "knotrelief remind status"};
inline constexpr CommandSummary remind_status_summary{
  "status",
  "Show the schedule, when it fires next, and whether today's session is done",
  "knotrelief remind status\n"
  "knotrelief --journal ~/notes/journal.txt remind status"};
inline constexpr CommandSummary remind_next_summary{
  "next",
  "List the next times the reminders fire (the schedule, or one to preview)",
  "knotrelief remind next --count 10\n"
  "knotrelief remind next --at 07:30 --days weekdays --from 2026-11-23T08:00"};
inline constexpr CommandSummary remind_check_summary{
  "check",
  "Notify when a session is due today (what the timer runs)",
  "knotrelief remind check\n"
  "knotrelief remind check --break"};

struct ListOptions
{
  bool techniques = false;
  bool spots = false;
  std::string area;
  std::string tool;
  bool json = false;
  // Hidden, for the shell completions: bare ids, areas or tools, one a line.
  bool ids = false;
  bool areas = false;
  bool tools = false;
};
CLI::App* add_list_command(CLI::App& app, ListOptions& options);
ExitStatus command_list(Context& context, const ListOptions& options);

struct ShowOptions
{
  std::string name;
  bool json = false;
};
CLI::App* add_show_command(CLI::App& app, ShowOptions& options);
ExitStatus command_show(Context& context, const ShowOptions& options);

struct CheckOptions
{
  std::vector<std::string> files;
  bool quiet = false;
};
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);
ExitStatus command_check(Context& context, const CheckOptions& options);

struct RunOptions
{
  std::vector<std::string> names;
  int prep_seconds = 5;
  std::string hold = "low";
  double scale = 1.0;
  bool no_bell = false;
  bool voice = false;
  bool title = false; // the time left in the terminal's window title
  bool plain = false; // plain lines on the normal screen (screen readers)
  bool reduce_motion = false; // the full screen's clock in 5 s steps
  int pain_before = -1;       // -1: ask on a terminal
  int pain_after = -1;
  bool no_log = false;
  bool no_intro = false;
  std::string note;
  std::string tighter; // left, right or same; empty: asked on a terminal
  // One hold point per routine (a plan of `today`); empty: `hold` for all.
  std::vector<session::HoldPoint> routine_holds;
};
CLI::App* add_run_command(CLI::App& app, RunOptions& options);
ExitStatus command_run(Context& context, const RunOptions& options);

struct TodayOptions
{
  int minutes = coach::default_budget_minutes;
  std::string area;
  bool json = false;
  bool run = false;
  bool no_run = false;
  bool plain = false;         // the session's, as `run --plain`
  bool reduce_motion = false; // the session's, as `run --reduce-motion`
};
CLI::App* add_today_command(CLI::App& app, TodayOptions& options);
ExitStatus command_today(Context& context, const TodayOptions& options);

struct LogOptions
{
  std::string since;
  std::string routine;
  int limit = 20;
  bool json = false;
};
struct LogAddOptions
{
  std::string routine;
  int pain_before = -1;
  int pain_after = -1;
  int minutes = -1;
  std::string note;
  std::string at;
};
struct LogStatsOptions
{
  std::string since;
  bool json = false;
};
struct LogExportOptions
{
  std::string format = "csv";
  std::string since;
  std::string output = "-"; // a file, or - for standard output
};
struct LogReportOptions
{
  std::string format = "html";
  std::string since;
  std::string output = "-"; // a file, or - for standard output
};
// `log` and its own commands: each add_log_*_command takes the `log` command.
CLI::App* add_log_command(CLI::App& app, LogOptions& options);
CLI::App* add_log_add_command(CLI::App& log, LogAddOptions& options);
CLI::App* add_log_stats_command(CLI::App& log, LogStatsOptions& options);
CLI::App* add_log_path_command(CLI::App& log);
ExitStatus command_log(Context& context, const LogOptions& options);
ExitStatus command_log_add(Context& context, const LogAddOptions& options);
ExitStatus command_log_stats(Context& context, const LogStatsOptions& options);
ExitStatus command_log_path(Context& context);
CLI::App* add_log_export_command(CLI::App& log, LogExportOptions& options);
ExitStatus command_log_export(Context& context,
                              const LogExportOptions& options);
CLI::App* add_log_report_command(CLI::App& log, LogReportOptions& options);
ExitStatus command_log_report(Context& context,
                              const LogReportOptions& options);

// `remind` and its own commands (bare `remind` is `remind status`).
struct RemindNextOptions
{
  remind::ScheduleOptions schedule;
  int count = 5;
  std::string from; // local time; empty: now
};
struct RemindCheckOptions
{
  bool stretch_break = false;
};
CLI::App* add_remind_command(CLI::App& app);
CLI::App* add_remind_enable_command(CLI::App& remind,
                                    remind::ScheduleOptions& options);
CLI::App* add_remind_disable_command(CLI::App& remind);
CLI::App* add_remind_status_command(CLI::App& remind);
CLI::App* add_remind_next_command(CLI::App& remind, RemindNextOptions& options);
CLI::App* add_remind_check_command(CLI::App& remind,
                                   RemindCheckOptions& options);
ExitStatus command_remind_enable(Context& context,
                                 const remind::ScheduleOptions& options);
ExitStatus command_remind_disable(Context& context);
ExitStatus command_remind_status(Context& context);
ExitStatus command_remind_next(Context& context,
                               const RemindNextOptions& options);
ExitStatus command_remind_check(Context& context,
                                const RemindCheckOptions& options);

} // namespace knotrelief::cli
