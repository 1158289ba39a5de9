#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/validators.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <sstream>

namespace knotrelief::cli {

namespace {

constexpr std::string_view program = "knotrelief";

// A subcommand declared with all its options, and how to run it once it is
// the command chosen on the line.
struct Declared
{
  CLI::App* command;
  std::function<ExitStatus(Context&)> run;
};

// One entry of the table of commands.
struct Command
{
  CommandSummary summary;
  // Declares the subcommand (named as `summary` says) under its parent, with
  // all its options.
  Declared (*add)(CLI::App& parent);
  // Commands of its own, as `log add`: declared under it, in this order.
  std::span<const Command> children;
};

// The `add` of an entry whose command has options: add_command declares the
// subcommand and binds the options, which live as long as the runner that
// passes them to run_command.
template <typename Options, auto add_command, auto run_command>
Declared declare(CLI::App& parent)
{
  auto options = std::make_shared<Options>();
  CLI::App* command = add_command(parent, *options);
  return {command, [options](Context& context) {
            return run_command(context, *options);
          }};
}

// The same for a command without options.
template <auto add_command, auto run_command>
Declared declare(CLI::App& parent)
{
  return {add_command(parent), run_command};
}

constexpr Command log_commands[] = {
  {log_add_summary,
   declare<LogAddOptions, add_log_add_command, command_log_add>,
   {}},
  {log_stats_summary,
   declare<LogStatsOptions, add_log_stats_command, command_log_stats>,
   {}},
  {log_export_summary,
   declare<LogExportOptions, add_log_export_command, command_log_export>,
   {}},
  {log_report_summary,
   declare<LogReportOptions, add_log_report_command, command_log_report>,
   {}},
  {log_path_summary, declare<add_log_path_command, command_log_path>, {}},
};

constexpr Command remind_commands[] = {
  {remind_enable_summary,
   declare<remind::ScheduleOptions,
           add_remind_enable_command,
           command_remind_enable>,
   {}},
  {remind_disable_summary,
   declare<add_remind_disable_command, command_remind_disable>,
   {}},
  {remind_status_summary,
   declare<add_remind_status_command, command_remind_status>,
   {}},
  {remind_next_summary,
   declare<RemindNextOptions, add_remind_next_command, command_remind_next>,
   {}},
  {remind_check_summary,
   declare<RemindCheckOptions, add_remind_check_command, command_remind_check>,
   {}},
};

// Every command, in the order --help lists them. A new command is one entry
// here, its summary and options in commands.hpp, and one file with its
// add_*_command and run_*.
constexpr Command commands[] = {
  {today_summary, declare<TodayOptions, add_today_command, command_today>, {}},
  {list_summary, declare<ListOptions, add_list_command, command_list>, {}},
  {show_summary, declare<ShowOptions, add_show_command, command_show>, {}},
  {check_summary, declare<CheckOptions, add_check_command, command_check>, {}},
  {run_summary, declare<RunOptions, add_run_command, command_run>, {}},
  {log_summary,
   declare<LogOptions, add_log_command, command_log>,
   log_commands},
  {remind_summary,
   declare<add_remind_command, command_remind_status>,
   remind_commands},
};

// --help without CLI11's own words: no "TEXT REQUIRED" after a positional,
// no "..." or defaults after an option, only the name of its value.
class HelpFormatter : public CLI::Formatter
{
public:
  std::string make_option_opts(const CLI::Option* option) const override
  {
    if (option->get_positional() || option->get_type_size() == 0 ||
        option->get_type_name().empty()) {
      return {};
    }
    return " " + option->get_type_name();
  }
};

constexpr std::string_view global_options_note =
  "Global options (--journal, --no-color, --routines) go before or after\n"
  "the command.";

// The end of a command's --help: its notes, examples and where the global
// options go.
std::string command_footer(const CommandSummary& command)
{
  std::string footer;
  if (*command.notes != '\0') {
    footer += fmt::format("{}\n\n", command.notes);
  }
  footer += "Examples:\n";
  std::istringstream examples(command.examples);
  for (std::string line; std::getline(examples, line);) {
    footer += fmt::format("  {}\n", line);
  }
  return footer + fmt::format("\n{} See knotrelief(1).", global_options_note);
}

void add_global_options(CLI::App& app, GlobalOptions& options)
{
  app
    .add_option("--journal",
                options.journal,
                "Journal file (default: $KNOTRELIEF_JOURNAL, else "
                "$XDG_DATA_HOME/knotrelief/journal.txt)")
    ->type_name("FILE");
  app.add_flag(
    "--no-color", options.no_color, "No colour (also when NO_COLOR is set)");
  app
    .add_option("--routines",
                options.routine_dirs,
                "Extra folder of routine files (repeatable)")
    ->type_name("DIR")
    ->check(existing_folder())
    ->allow_extra_args(false);
}

// Declaring a subcommand's options costs more than everything else a quick
// command does (bench/startup.sh), so only subcommands whose name is among
// the arguments get them. The others are bare entries with the same name and
// description: enough for the overview in --help, and never parsed, since a
// subcommand is chosen by its name.
bool named_in(std::span<const std::string> args, const CommandSummary& command)
{
  return std::find(args.begin(), args.end(), command.name) != args.end();
}

CLI::App* add_bare_command(CLI::App& app, const CommandSummary& command)
{
  return app.add_subcommand(command.name, command.description);
}

// Declares `table` under `parent`: in full (and their own commands) those
// named in `args`, bare the others. The ones in full go to `declared`.
void add_commands(CLI::App& parent,
                  std::span<const Command> table,
                  std::span<const std::string> args,
                  std::vector<Declared>& declared)
{
  for (const Command& command : table) {
    if (!named_in(args, command.summary)) {
      add_bare_command(parent, command.summary);
      continue;
    }
    declared.push_back(command.add(parent));
    declared.back().command->footer(command_footer(command.summary));
    add_commands(*declared.back().command, command.children, args, declared);
  }
}

// The deepest command chosen on the line so far: `log add`, or the program.
const CLI::App& chosen_command(const CLI::App& app)
{
  const CLI::App* current = &app;
  while (!current->get_subcommands().empty()) {
    current = current->get_subcommands().front();
  }
  return *current;
}

// "log add " for `log add`, "" for the program itself.
std::string command_path(const CLI::App& command)
{
  std::string path;
  for (const CLI::App* at = &command; at->get_parent() != nullptr;
       at = at->get_parent()) {
    path.insert(0, at->get_name() + " ");
  }
  return path;
}

// The long options `command` takes: its own and those of the commands above
// it (the global options), as "--name".
std::vector<std::string> long_options(const CLI::App& command)
{
  std::vector<std::string> names;
  for (const CLI::App* at = &command; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* option : at->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
    }
  }
  return names;
}

// "unknown option '--jsn' for 'list'; did you mean '--json'?"
std::string unknown_option(const CLI::App& command, const std::string& word)
{
  const std::string option = word.substr(0, word.find('='));
  std::string path = command_path(command);
  if (!path.empty()) {
    path.pop_back();
  }
  return fmt::format("unknown option '{}'{}{}",
                     option,
                     path.empty() ? "" : fmt::format(" for '{}'", path),
                     text::did_you_mean(option, long_options(command)));
}

// A word left over where a command was expected (at the top, or after a
// command that has commands of its own, like `log`) is most likely a
// mistyped command: say so, with the closest names.
std::string explain_extras(const CLI::App& app, const CLI::ExtrasError& error)
{
  const CLI::App* current = &chosen_command(app);
  const std::string path = command_path(*current);
  const auto children =
    current->get_subcommands([](const CLI::App*) { return true; });
  std::vector<std::string> extras = app.remaining(true);
  if (!extras.empty() && extras.front().starts_with("--")) {
    return unknown_option(*current, extras.front());
  }
  if (children.empty() || extras.empty() || extras.front().starts_with('-')) {
    return error.what();
  }
  std::vector<std::string> names;
  names.reserve(children.size());
  for (const CLI::App* child : children) {
    names.push_back(child->get_name());
  }
  return fmt::format("unknown command '{}{}'{}",
                     path,
                     extras.front(),
                     text::did_you_mean(extras.front(), names));
}

// An error may list details and say what to do next; a usage error that
// doesn't say points at the help of the command it is about. Messages quote
// arguments and files (CLI11's own quote the argument as it is), so each
// message and line is shown through printable() as a whole: a newline in it
// shows as \n and no outside text can start a line that looks like ours.
int print_error(std::FILE* err,
                const CLI::App& app,
                const std::string& message,
                ExitStatus status,
                const std::string& next_step = {},
                std::span<const std::string> details = {})
{
  fmt::print(err, "{}: error: {}\n", program, text::printable(message));
  for (const std::string& detail : details) {
    fmt::print(err, "  {}\n", text::printable(detail));
  }
  if (!next_step.empty()) {
    fmt::print(err, "{}\n", text::printable(next_step));
  } else if (status == ExitStatus::usage) {
    fmt::print(err,
               "Run '{} {}--help' for usage.\n",
               program,
               command_path(chosen_command(app)));
  }
  return static_cast<int>(status);
}

// Output that could not be written (a full disk, a closed pipe) is an error,
// not a silent success.
int check_output(std::FILE* out, std::FILE* err, int status)
{
  if (std::fflush(out) != 0 || std::ferror(out)) {
    const int error = errno;
    fmt::print(err,
               "{}: error: cannot write output: {}\n",
               program,
               std::strerror(error));
    return status == 0 ? 1 : status;
  }
  return status;
}

void write_text(std::FILE* stream, const std::string& text)
{
  std::fwrite(text.data(), 1, text.size(), stream);
}

// --help, --help-all and --version: CLI11 prints them to C++ streams.
int print_call(const CLI::App& app,
               const CLI::Success& call,
               std::FILE* out,
               std::FILE* err)
{
  std::ostringstream out_text;
  std::ostringstream err_text;
  const int status = app.exit(call, out_text, err_text);
  write_text(out, out_text.str());
  write_text(err, err_text.str());
  return status;
}

// The program's options and description; its commands are added apart.
std::unique_ptr<CLI::App> make_app(GlobalOptions& global)
{
  auto app = std::make_unique<CLI::App>(
    "A terminal coach for self-massage: guided routines for muscle "
    "knots, timed in the terminal, with a plain-text journal.",
    std::string(program));
  app->set_version_flag("--version",
                        fmt::format("{} {}", program, version()),
                        "Print the version and exit");
  app->formatter(std::make_shared<HelpFormatter>());
  // Options a command does not know go to the program: the global options
  // work after the command too (subcommands take this when added).
  app->fallthrough();
  app->require_subcommand(0, 1);
  app->footer("Examples:\n"
              "  knotrelief list\n"
              "  knotrelief run neck\n"
              "  knotrelief log stats\n\n"
              "Run 'knotrelief COMMAND --help' for a command's options and "
              "examples. See knotrelief(1).");
  add_global_options(*app, global);
  return app;
}

// Parses `args`; an exit status when that is the end (help, version, a
// usage error), nothing when a command is to run.
std::optional<int> parse(CLI::App& app,
                         std::span<const std::string> args,
                         std::FILE* out,
                         std::FILE* err)
{
  try {
    // CLI11 takes the arguments last first.
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::Success& call) {
    return check_output(out, err, print_call(app, call, out, err));
  } catch (const CLI::ExtrasError& e) {
    return print_error(err, app, explain_extras(app, e), ExitStatus::usage);
  } catch (const CLI::ParseError& e) {
    return print_error(err, app, e.what(), ExitStatus::usage);
  }
  return std::nullopt;
}

// Runs the command chosen on the parsed line: `today` when none was.
int dispatch(const CLI::App& app,
             const std::vector<Declared>& declared,
             Context& context)
{
  const CLI::App* chosen = &chosen_command(app);
  const auto found = std::find_if(
    declared.begin(), declared.end(), [chosen](const Declared& command) {
      return command.command == chosen;
    });
  if (found == declared.end() && chosen != &app) {
    fmt::print(context.err(), "{}", app.help());
    return static_cast<int>(ExitStatus::usage);
  }
  ExitStatus status = ExitStatus::success;
  try {
    status = found == declared.end() ? command_today(context, TodayOptions{})
                                     : found->run(context);
  } catch (const Error& e) {
    std::fflush(context.out());
    return print_error(
      context.err(), app, e.what(), e.status(), e.next_step(), e.details());
  } catch (const std::exception& e) {
    std::fflush(context.out());
    return print_error(context.err(),
                       app,
                       fmt::format("internal error: {}", e.what()),
                       ExitStatus::failure);
  }
  return check_output(context.out(), context.err(), static_cast<int>(status));
}

int dispatch(std::span<const std::string> args,
             const EnvLookup& env,
             std::FILE* out,
             std::FILE* err)
{
  // Everything shown from here on, errors included, is for the locale's
  // character set; put back after, for a caller that runs this in process.
  const text::ScopedOutputCharset charset(locale_charset());
  GlobalOptions global;
  const std::unique_ptr<CLI::App> app = make_app(global);
  std::vector<Declared> declared;
  add_commands(*app, commands, args, declared);
  if (auto status = parse(*app, args, out, err)) {
    return *status;
  }
  Context context(global, env, out, err);
  return dispatch(*app, declared, context);
}

// Runs `body`; an exception that escaped even that (such as running out of
// memory while the parser is being set up) is reported as an internal error,
// written without allocating, since memory may have run out: bytes that are
// not printable ASCII as '?'.
template <typename Body>
int with_last_resort(std::FILE* err, Body body)
{
  const char* what = nullptr;
  try {
    return body();
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  std::fputs("knotrelief: error: internal error", err);
  if (what != nullptr) {
    std::fputs(": ", err);
    for (const char* c = what; *c != '\0'; ++c) {
      std::fputc(*c >= 0x20 && *c < 0x7F ? *c : '?', err);
    }
  }
  std::fputs("\n", err);
  return static_cast<int>(ExitStatus::failure);
}

} // namespace

int execute(std::span<const std::string> args,
            const EnvLookup& env,
            std::FILE* out,
            std::FILE* err)
{
  return with_last_resort(err, [&] { return dispatch(args, env, out, err); });
}

int execute(int argc, char** argv)
{
  return with_last_resort(stderr, [&] {
    std::vector<std::string> args;
    if (argc > 1) {
      args.assign(argv + 1, argv + argc);
    }
    return execute(args, process_environment(), stdout, stderr);
  });
}

} // namespace knotrelief::cli
