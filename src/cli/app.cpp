#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace knotrelief::cli {

namespace {

constexpr std::string_view program = "knotrelief";

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
    ->check(CLI::ExistingDirectory.description(""))
    ->allow_extra_args(false);
}

// Declaring a subcommand's options costs more than everything else a quick
// command does (bench/startup.sh), so only subcommands whose name is among
// the arguments get them. The others are bare entries with the same name and
// description: enough for the overview in --help, and never parsed, since a
// subcommand is chosen by its name.
bool named_in(int argc, char** argv, const CommandSummary& command)
{
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == command.name) {
      return true;
    }
  }
  return false;
}

CLI::App* add_bare_command(CLI::App& app, const CommandSummary& command)
{
  return app.add_subcommand(command.name, command.description);
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

// An error may say what to do next; a usage error that doesn't points at
// the help of the command it is about. Messages quote arguments and files,
// so they are shown printable.
int print_error(const CLI::App& app,
                const std::string& message,
                ExitStatus status,
                const std::string& next_step = {})
{
  fmt::print(
    stderr, "{}: error: {}\n", program, text::printable_lines(message));
  if (!next_step.empty()) {
    fmt::print(stderr, "{}\n", text::printable_lines(next_step));
  } else if (status == ExitStatus::usage) {
    fmt::print(stderr,
               "Run '{} {}--help' for usage.\n",
               program,
               command_path(chosen_command(app)));
  }
  return static_cast<int>(status);
}

// Output that could not be written (a full disk, a closed pipe) is an error,
// not a silent success.
int check_output(int status)
{
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int error = errno;
    fmt::print(stderr,
               "{}: error: cannot write output: {}\n",
               program,
               std::strerror(error));
    return status == 0 ? 1 : status;
  }
  return status;
}

} // namespace

namespace {

int run(int argc, char** argv)
{
  CLI::App app("A terminal coach for self-massage: guided routines for muscle "
               "knots, timed in the terminal, with a plain-text journal.",
               std::string(program));
  app.set_version_flag("--version", version(), "Print the version and exit");
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.footer("Run 'knotrelief COMMAND --help' for a command's options. See "
             "knotrelief(1).");

  GlobalOptions global;
  ListOptions list;
  ShowOptions show;
  CheckOptions check;
  RunOptions run;
  LogOptions log;
  LogAddOptions log_add;
  LogStatsOptions log_stats;
  add_global_options(app, global);
  const auto add = [&](const CommandSummary& command, auto add_full) {
    return named_in(argc, argv, command) ? add_full()
                                         : add_bare_command(app, command);
  };
  CLI::App* list_command =
    add(list_summary, [&] { return add_list_command(app, list); });
  CLI::App* show_command =
    add(show_summary, [&] { return add_show_command(app, show); });
  CLI::App* check_command =
    add(check_summary, [&] { return add_check_command(app, check); });
  CLI::App* run_command =
    add(run_summary, [&] { return add_run_command(app, run); });
  LogCommands log_commands{};
  if (named_in(argc, argv, log_summary)) {
    log_commands = add_log_commands(app, log, log_add, log_stats);
  } else {
    CLI::App* bare = add_bare_command(app, log_summary);
    log_commands = {bare, bare, bare, bare};
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    return print_error(app, explain_extras(app, e), ExitStatus::usage);
  } catch (const CLI::ParseError& e) {
    return print_error(app, e.what(), ExitStatus::usage);
  }

  Context context(global, process_environment(), stdout, stderr);
  ExitStatus status = ExitStatus::success;
  try {
    if (list_command->parsed()) {
      status = run_list(context, list);
    } else if (show_command->parsed()) {
      status = run_show(context, show);
    } else if (check_command->parsed()) {
      status = run_check(context, check);
    } else if (run_command->parsed()) {
      status = run_run(context, run);
    } else if (log_commands.add->parsed()) {
      status = run_log_add(context, log_add);
    } else if (log_commands.stats->parsed()) {
      status = run_log_stats(context, log_stats);
    } else if (log_commands.path->parsed()) {
      status = run_log_path(context);
    } else if (log_commands.log->parsed()) {
      status = run_log(context, log);
    } else {
      fmt::print(stderr, "{}", app.help());
      return static_cast<int>(ExitStatus::usage);
    }
  } catch (const Error& e) {
    std::fflush(stdout);
    return print_error(app, e.what(), e.status(), e.next_step());
  } catch (const std::exception& e) {
    std::fflush(stdout);
    return print_error(
      app, fmt::format("internal error: {}", e.what()), ExitStatus::failure);
  }
  return check_output(static_cast<int>(status));
}

} // namespace

int main(int argc, char** argv)
{
  // Errors are handled inside run(); this catches what escapes even that,
  // such as running out of memory while the parser is being set up.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fputs("knotrelief: error: internal error: ", stderr);
    // Without allocating (memory may have run out): other bytes as '?'.
    for (const char* c = e.what(); *c != '\0'; ++c) {
      std::fputc(*c >= 0x20 && *c < 0x7F ? *c : '?', stderr);
    }
    std::fputs("\n", stderr);
  } catch (...) {
    std::fputs("knotrelief: error: internal error\n", stderr);
  }
  return static_cast<int>(ExitStatus::failure);
}

} // namespace knotrelief::cli
