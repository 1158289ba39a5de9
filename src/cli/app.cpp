#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "util/error.hpp"

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

int print_error(const std::string& message, ExitStatus status)
{
  fmt::print(stderr, "{}: error: {}\n", program, message);
  if (status == ExitStatus::usage) {
    fmt::print(stderr, "Run '{} --help' for usage.\n", program);
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
  CLI::App* list_command = add_list_command(app, list);
  CLI::App* show_command = add_show_command(app, show);
  CLI::App* check_command = add_check_command(app, check);
  CLI::App* run_command = add_run_command(app, run);
  const LogCommands log_commands =
    add_log_commands(app, log, log_add, log_stats);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return print_error(e.what(), ExitStatus::usage);
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
    return print_error(e.what(), e.status());
  } catch (const std::exception& e) {
    std::fflush(stdout);
    return print_error(fmt::format("internal error: {}", e.what()),
                       ExitStatus::failure);
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
    std::fputs(e.what(), stderr);
    std::fputs("\n", stderr);
  } catch (...) {
    std::fputs("knotrelief: error: internal error\n", stderr);
  }
  return static_cast<int>(ExitStatus::failure);
}

} // namespace knotrelief::cli
