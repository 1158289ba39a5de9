// `knotrelief remind enable|disable|status|next`: the reminders' unit files
// and the systemd user manager that runs them. No daemon of our own.

#include "cli/remind.hpp"

#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/remind_systemd.hpp"
#include "cli/validators.hpp"
#include "journal/time.hpp"
#include "remind/units.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace knotrelief::cli {

namespace fs = std::filesystem;

namespace {

const std::string session_timer = std::string(remind::session_unit) + ".timer";
const std::string breaks_timer = std::string(remind::breaks_unit) + ".timer";

// The four files the reminders may have, and the links `systemctl enable`
// makes to the timers.
std::vector<fs::path> our_files(const fs::path& folder)
{
  std::vector<fs::path> files;
  for (std::string_view unit : {remind::session_unit, remind::breaks_unit}) {
    for (const char* kind : {".service", ".timer"}) {
      files.push_back(folder / (std::string(unit) + kind));
    }
  }
  return files;
}

void add_schedule_options(CLI::App& command, remind::ScheduleOptions& options)
{
  command
    .add_option(
      "--at", options.at, "Time of the session reminder (default 09:00)")
    ->type_name("HH:MM")
    ->check(not_empty());
  command
    .add_option("--days",
                options.days,
                "daily (default), weekdays, weekends or days as mon,wed,fri")
    ->type_name("DAYS")
    ->check(not_empty());
  command
    .add_option(
      "--breaks", options.breaks, "Movement breaks this often, 10m-4h (off)")
    ->type_name("EVERY")
    ->check(not_empty());
  command
    .add_option(
      "--between", options.between, "Hours of the breaks (default 09:00-18:00)")
    ->type_name("HH:MM-HH:MM")
    ->check(not_empty());
}

remind::Schedule schedule_of(const remind::ScheduleOptions& options)
{
  auto schedule = remind::parse_schedule(options);
  if (!schedule) {
    throw UsageError(schedule.error());
  }
  return *schedule;
}

std::string read_file(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The schedule the installed timer keeps, if reminders are on.
std::optional<remind::Schedule> installed_schedule(const fs::path& folder)
{
  const fs::path timer = folder / session_timer;
  std::error_code error;
  if (!fs::exists(timer, error)) {
    return std::nullopt;
  }
  const auto line = remind::schedule_in(read_file(timer));
  auto schedule = line ? remind::parse_schedule_arguments(*line)
                       : std::unexpected(std::string("no schedule line"));
  if (!schedule) {
    throw Error(fmt::format("{}: not written by knotrelief remind enable ({})",
                            timer.string(),
                            schedule.error()),
                ExitStatus::failure,
                "Run 'knotrelief remind enable' to write it again.");
  }
  return *schedule;
}

// Replaces `path` with `text` in one step (a temporary file renamed over
// it); nothing is written when it already holds `text`.
void write_file(const fs::path& path, const std::string& text)
{
  std::error_code error;
  if (fs::exists(path, error) && read_file(path) == text) {
    return;
  }
  const fs::path temporary = path.string() + ".new";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      throw Error(fmt::format("cannot write {}", temporary.string()));
    }
  }
  fs::rename(temporary, path, error);
  if (error) {
    throw Error(
      fmt::format("cannot write {}: {}", path.string(), error.message()));
  }
}

void remove_file(const fs::path& path)
{
  std::error_code error;
  fs::remove(path, error);
  if (error) {
    throw Error(
      fmt::format("cannot remove {}: {}", path.string(), error.message()));
  }
}

// What the service passes on, so that it reads the journal and routines the
// shell does: --journal when its path does not come from the defaults a
// service sees, and each --routines folder; as absolute paths.
std::vector<std::string> service_options(const Context& context)
{
  std::vector<std::string> options;
  if (!context.options().journal.empty() ||
      context.env()("KNOTRELIEF_JOURNAL") || context.env()("XDG_DATA_HOME")) {
    options = {"--journal", fs::absolute(journal_file(context)).string()};
  }
  for (const std::string& folder : context.options().routine_dirs) {
    options.insert(options.end(),
                   {"--routines", fs::absolute(folder).string()});
  }
  return options;
}

std::string running_program()
{
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (error) {
    throw Error(fmt::format("cannot tell where knotrelief is installed: "
                            "/proc/self/exe: {}",
                            error.message()));
  }
  return program.string();
}

// The commands that turn the timers on, for the manager or for people.
std::vector<std::vector<std::string>> enable_commands(
  const remind::Schedule& schedule)
{
  std::vector<std::string> timers{session_timer};
  if (schedule.breaks) {
    timers.push_back(breaks_timer);
  }
  std::vector<std::string> enable{"enable", "--now"};
  enable.insert(enable.end(), timers.begin(), timers.end());
  std::vector<std::string> restart{"restart"};
  restart.insert(restart.end(), timers.begin(), timers.end());
  return {{"daemon-reload"}, enable, restart};
}

void print_commands(Context& context,
                    const UserManager& manager,
                    const std::vector<std::vector<std::string>>& commands)
{
  safe_print(context.out(),
             "No systemd user manager answers ({}). Run these where one "
             "does:\n",
             manager.why_not());
  for (const auto& command : commands) {
    safe_print(context.out(), "  {}\n", systemctl_line(command));
  }
}

// The links `systemctl enable` made to our timers, which `systemctl
// disable` would remove: done here when no manager answers.
void remove_enable_links(const fs::path& folder,
                         const std::vector<std::string>& timers)
{
  for (const std::string& timer : timers) {
    const fs::path link = folder / "timers.target.wants" / timer;
    std::error_code error;
    if (fs::is_symlink(link, error)) {
      remove_file(link);
    }
  }
}

// Takes the breaks' units away (stopped first) when a schedule has none;
// true if there were some.
bool drop_breaks(const fs::path& folder, const UserManager& manager)
{
  const fs::path timer = folder / breaks_timer;
  std::error_code error;
  if (!fs::exists(timer, error)) {
    return false;
  }
  if (manager.reachable()) {
    manager.run({"disable", "--now", breaks_timer});
  } else {
    remove_enable_links(folder, {breaks_timer});
  }
  remove_file(timer);
  remove_file(folder / (std::string(remind::breaks_unit) + ".service"));
  return true;
}

// The reminder would fail each time it fires on a journal it cannot read:
// refused now, where the person can see why. (A journal not written yet is
// fine.)
void check_journal_readable(const Context& context)
{
  const fs::path journal = journal_file(context);
  std::error_code error;
  const auto status = fs::status(journal, error);
  if (!fs::exists(status)) {
    return;
  }
  const char* problem = fs::is_directory(status) ? "it is a folder"
                        : ::access(journal.c_str(), R_OK) != 0
                          ? std::strerror(errno)
                          : nullptr;
  if (problem != nullptr) {
    throw Error(fmt::format("the reminder could not read the journal {}: {}",
                            display_path(context, journal.string()),
                            problem));
  }
}

} // namespace

CLI::App* add_remind_command(CLI::App& app)
{
  CLI::App* command =
    app.add_subcommand(remind_summary.name, remind_summary.description);
  command->require_subcommand(0, 1);
  return command;
}

CLI::App* add_remind_enable_command(CLI::App& remind,
                                    remind::ScheduleOptions& options)
{
  CLI::App* command = remind.add_subcommand(remind_enable_summary.name,
                                            remind_enable_summary.description);
  add_schedule_options(*command, options);
  return command;
}

CLI::App* add_remind_disable_command(CLI::App& remind)
{
  return remind.add_subcommand(remind_disable_summary.name,
                               remind_disable_summary.description);
}

CLI::App* add_remind_status_command(CLI::App& remind)
{
  return remind.add_subcommand(remind_status_summary.name,
                               remind_status_summary.description);
}

CLI::App* add_remind_next_command(CLI::App& remind, RemindNextOptions& options)
{
  CLI::App* command = remind.add_subcommand(remind_next_summary.name,
                                            remind_next_summary.description);
  add_schedule_options(*command, options.schedule);
  command
    ->add_option("--count", options.count, "How many times, 1-100 (default 5)")
    ->type_name("N")
    ->transform(whole_number(1, 100));
  command
    ->add_option("--from",
                 options.from,
                 "From this local time, YYYY-MM-DDTHH:MM (default now)")
    ->type_name("TIME")
    ->check(not_empty());
  return command;
}

ExitStatus command_remind_enable(Context& context,
                                 const remind::ScheduleOptions& options)
{
  const remind::Schedule schedule = schedule_of(options);
  check_journal_readable(context);
  const auto files =
    remind::unit_files(schedule, running_program(), service_options(context));
  if (!files) {
    throw Error(files.error());
  }
  const fs::path folder = unit_folder(context);
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) {
    throw Error(
      fmt::format("cannot create {}: {}", folder.string(), error.message()));
  }
  const UserManager manager(context);
  const bool breaks_dropped = !schedule.breaks && drop_breaks(folder, manager);
  for (const remind::UnitFile& file : *files) {
    write_file(folder / file.name, file.text);
  }
  safe_print(context.out(),
             "Reminder {}{}{}; unit files in {}.\n",
             remind::describe_reminder(schedule),
             schedule.breaks ? "; " : "",
             schedule.breaks ? remind::describe_breaks(*schedule.breaks) : "",
             display_path(context, folder.string()));
  auto commands = enable_commands(schedule);
  if (!manager.reachable()) {
    if (breaks_dropped) {
      // Its file is gone, so `disable` would be refused; `stop` is not.
      commands.insert(commands.begin(), {"stop", breaks_timer});
    }
    print_commands(context, manager, commands);
    return ExitStatus::success;
  }
  for (const auto& command : commands) {
    manager.run(command);
  }
  safe_print(context.out(), "The timer is on.\n");
  return ExitStatus::success;
}

ExitStatus command_remind_disable(Context& context)
{
  const fs::path folder = unit_folder(context);
  std::vector<fs::path> present;
  for (const fs::path& file : our_files(folder)) {
    std::error_code error;
    if (fs::exists(file, error)) {
      present.push_back(file);
    }
  }
  if (present.empty()) {
    safe_print(context.out(), "Reminders are off; nothing to remove.\n");
    return ExitStatus::success;
  }
  const UserManager manager(context);
  // systemctl refuses to disable a unit that has no file.
  std::vector<std::string> disable{"disable", "--now"};
  for (const fs::path& file : present) {
    if (file.extension() == ".timer") {
      disable.push_back(file.filename().string());
    }
  }
  if (manager.reachable()) {
    manager.run(disable);
  }
  for (const fs::path& file : present) {
    remove_file(file);
  }
  safe_print(context.out(),
             "Reminders off; unit files removed from {}.\n",
             display_path(context, folder.string()));
  if (!manager.reachable()) {
    remove_enable_links(folder, {session_timer, breaks_timer});
    print_commands(context, manager, {disable, {"daemon-reload"}});
    return ExitStatus::success;
  }
  manager.run({"daemon-reload"});
  return ExitStatus::success;
}

namespace {

// A count of seconds of wall-clock time since 1970-01-01 00:00.
remind::LocalTime wall_time(long long seconds)
{
  const long long day =
    seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  return {static_cast<int>(day), static_cast<int>(seconds - day * 86400)};
}

long long epoch_seconds(std::chrono::system_clock::time_point time)
{
  return std::chrono::duration_cast<std::chrono::seconds>(
           time.time_since_epoch())
    .count();
}

// The local wall-clock time of `now` (TZ).
remind::LocalTime local_time(std::chrono::system_clock::time_point now)
{
  return wall_time(epoch_seconds(now) +
                   journal::local_utc_offset_minutes(now) * 60LL);
}

// --from: "2026-11-23T08:00" (or with a space, or seconds) as wall-clock
// time.
remind::LocalTime parse_from(std::string text)
{
  if (text.size() > 10 && text[10] == ' ') {
    text[10] = 'T';
  }
  auto stamp = journal::parse_timestamp(text + (text.size() == 16   ? ":00Z"
                                                : text.size() == 19 ? "Z"
                                                                    : "?"));
  if (!stamp) {
    throw UsageError(fmt::format(
      "--from: '{}' is not a local time as YYYY-MM-DDTHH:MM", text));
  }
  return wall_time(epoch_seconds(stamp->time));
}

std::string firing_text(const remind::Firing& firing)
{
  const int minute = firing.time.second / 60;
  return fmt::format("{} {} {}",
                     remind::weekday_name(remind::weekday_of(firing.time.day)),
                     journal::iso_date(firing.time.day),
                     remind::clock_text(minute));
}

std::string next_from_manager(const UserManager& manager)
{
  if (!manager.reachable()) {
    return {};
  }
  std::string next =
    manager
      .output(
        {"show", session_timer, "--property=NextElapseUSecRealtime", "--value"})
      .value_or("");
  next = next.substr(0, next.find('\n'));
  return next == "n/a" ? std::string() : next;
}

// The unit files that differ from what `remind enable` would write now for
// the same schedule: another knotrelief binary, another journal, or edited
// by hand.
void warn_if_changed(Context& context,
                     const fs::path& folder,
                     const remind::Schedule& schedule)
{
  const auto files =
    remind::unit_files(schedule, running_program(), service_options(context));
  if (!files) {
    context.warn(files.error());
    return;
  }
  for (const remind::UnitFile& file : *files) {
    const fs::path path = folder / file.name;
    std::error_code error;
    if (!fs::exists(path, error) || read_file(path) != file.text) {
      context.warn(fmt::format(
        "{} is not what 'knotrelief remind enable' writes from here (another "
        "knotrelief, another journal, or edited): run it again to rewrite it",
        display_path(context, path.string())));
    }
  }
}

} // namespace

ExitStatus command_remind_status(Context& context)
{
  const fs::path folder = unit_folder(context);
  const auto schedule = installed_schedule(folder);
  if (!schedule) {
    safe_print(context.out(),
               "Reminders: off (knotrelief remind enable turns them on)\n");
  } else {
    warn_if_changed(context, folder, *schedule);
    safe_print(
      context.out(), "Reminders: {}\n", remind::describe_reminder(*schedule));
    if (schedule->breaks) {
      safe_print(context.out(),
                 "Breaks:    {}\n",
                 remind::describe_breaks(*schedule->breaks));
    }
    const UserManager manager(context);
    if (const std::string next = next_from_manager(manager); !next.empty()) {
      safe_print(context.out(), "Next:      {} (from systemd)\n", next);
    } else {
      const auto firings = remind::next_firings(
        *schedule, local_time(std::chrono::system_clock::now()), 1);
      safe_print(context.out(),
                 "Next:      {} (computed: {})\n",
                 firing_text(firings.at(0)),
                 manager.reachable() ? "the timer is not active"
                                     : "no systemd user manager answers");
    }
  }
  safe_print(context.out(), "Today:     {}\n", todays_session(context));
  return ExitStatus::success;
}

ExitStatus command_remind_next(Context& context,
                               const RemindNextOptions& options)
{
  const auto& given = options.schedule;
  std::optional<remind::Schedule> schedule;
  if (!given.at.empty() || !given.days.empty() || !given.breaks.empty() ||
      !given.between.empty()) {
    schedule = schedule_of(given);
  } else {
    schedule = installed_schedule(unit_folder(context));
  }
  if (!schedule) {
    throw UsageError("reminders are off: give a schedule (--at, --days) to "
                     "preview one");
  }
  const remind::LocalTime from =
    options.from.empty() ? local_time(std::chrono::system_clock::now())
                         : parse_from(options.from);
  for (const remind::Firing& firing : remind::next_firings(
         *schedule, from, static_cast<std::size_t>(options.count))) {
    safe_print(context.out(),
               "{}  {}\n",
               firing_text(firing),
               firing.timer == remind::Timer::session ? "session reminder"
                                                      : "movement break");
  }
  return ExitStatus::success;
}

} // namespace knotrelief::cli
