#include "cli/commands.hpp"
#include "cli/journal_support.hpp"
#include "cli/run_support.hpp"
#include "cli/validators.hpp"
#include "journal/entry.hpp"
#include "journal/writer.hpp"
#include "routine/describe.hpp"
#include "session/runner.hpp"
#include "term/cues.hpp"
#include "term/displays.hpp"
#include "term/input.hpp"
#include "term/raw_mode.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <memory>
#include <unistd.h>

namespace knotrelief::cli {

using session::Outcome;

CLI::App* add_run_command(CLI::App& app, RunOptions& options)
{
  CLI::App* command =
    app.add_subcommand(run_summary.name, run_summary.description);
  command
    ->add_option(
      "ROUTINE", options.names, "Routine ids or routine files, run in a row")
    ->required();
  command
    ->add_option("--prep",
                 options.prep_seconds,
                 "Seconds to get into position first, 0-600 (default 5)")
    ->type_name("SECONDS")
    ->transform(whole_number(0, 600));
  command
    ->add_option("--hold",
                 options.hold,
                 "Point of each hold range: low (default), mid or high")
    ->type_name("low|mid|high")
    ->check(one_of({"low", "mid", "high"}));
  command
    ->add_option(
      "--scale", options.scale, "Multiply every hold by X (0.1 to 10)")
    ->type_name("X")
    ->transform(decimal_number(0.1, 10.0));
  command->add_flag("--no-bell", options.no_bell, "No terminal bell");
  command->add_flag("--voice", options.voice, "Speak the cues with espeak-ng");
  command
    ->add_option("--pain-before",
                 options.pain_before,
                 "Soreness before, 0-10 (else asked on a terminal)")
    ->type_name("N")
    ->transform(whole_number(0, 10));
  command
    ->add_option("--pain-after",
                 options.pain_after,
                 "Soreness after, 0-10 (else asked on a terminal)")
    ->type_name("N")
    ->transform(whole_number(0, 10));
  command
    ->add_option("--note",
                 options.note,
                 "A note for the journal entry; - reads it from stdin")
    ->type_name("TEXT")
    ->check(journal_text());
  command->add_flag(
    "--no-log", options.no_log, "Do not write the session to the journal");
  return command;
}

namespace {

// Success, or 128 + the signal that ended the session or its questions.
ExitStatus exit_status(const session::RunResult& result)
{
  return result.signal != 0 ? exit_status_for_signal(result.signal)
                            : ExitStatus::success;
}

std::vector<int> session_signals()
{
  std::vector<int> numbers = term::ending_signals();
  numbers.insert(numbers.end(), {SIGTSTP, SIGCONT, SIGWINCH});
  return numbers;
}

} // namespace

ExitStatus run_run(Context& context, const RunOptions& options)
{
  const auto& library = context.library();
  std::vector<routine::Routine> routines;
  routines.reserve(options.names.size());
  for (const auto& name : options.names) {
    routines.push_back(library.resolve_routine(name));
  }
  session::TimelineOptions timeline_options;
  timeline_options.prep_seconds = options.prep_seconds;
  timeline_options.hold_point =
    session::parse_hold_point(options.hold).value_or(session::HoldPoint::low);
  timeline_options.scale = options.scale;
  const session::Timeline timeline =
    session::build_timeline(routines, timeline_options);
  const auto journal =
    options.no_log
      ? std::filesystem::path()
      : journal::journal_path(context.options().journal, context.env());
  const TerminalTraits traits = detect_terminal(context);
  SessionRecord record;
  record.note = note_option(options.note);
  check_session_fits(timeline, record);

  std::unique_ptr<term::Voice> voice;
  if (options.voice) {
    if (auto program = term::find_program("espeak-ng", context.env()("PATH"))) {
      voice = std::make_unique<term::Voice>(*program);
    } else {
      context.warn("--voice needs espeak-ng, which is not installed (apt-get "
                   "install espeak-ng); going on without speech");
    }
  }

  // From here on, signals arrive through the pipe, also during questions.
  // A closed output is seen as a failed write (EPIPE), not a sudden death.
  term::SignalPipe signals(session_signals());
  term::IgnoreSignal ignore_broken_pipe(SIGPIPE);
  print_header(context, timeline);
  record.start = std::chrono::system_clock::now();
  record.pain_before = options.pain_before >= 0
                         ? std::optional(options.pain_before)
                         : std::nullopt;
  if (!record.pain_before && traits.interactive) {
    auto answer = ask_pain(
      context, signals, "How sore is it now, from 0 to 10? (Enter skips) ");
    if (answer.signal != 0) {
      // Nothing has started yet, so there is nothing to log.
      fmt::print(context.out(), "\n");
      return exit_status_for_signal(answer.signal);
    }
    record.pain_before = answer.score;
  }
  std::fflush(context.out());

  session::SteadyClock clock;
  const session::TimePoint engine_start = clock.now();
  session::Engine engine(timeline, engine_start);
  term::RawMode raw(traits.keys ? STDIN_FILENO : -1);
  term::Output out(STDOUT_FILENO);
  std::unique_ptr<session::Display> display;
  if (traits.smart) {
    display = std::make_unique<term::SmartDisplay>(
      out, &raw, traits.color, traits.unicode);
  } else {
    display = std::make_unique<term::PlainDisplay>(out, &raw);
  }
  term::TerminalCues cues(out, traits.smart && !options.no_bell, voice.get());
  term::TerminalInput input(traits.keys ? STDIN_FILENO : -1, signals, clock);

  try {
    record.result = session::run_session(engine, clock, input, *display, cues);
  } catch (...) {
    display->close();
    raw.restore();
    record.failed = true;
    record.result.active = engine.active_time(clock.now());
    finish_session(context, options, timeline, record, journal, signals);
    throw;
  }
  display->close();
  raw.restore();
  if (context.env()("KNOTRELIEF_DEBUG") == "timing") {
    // For bench/session_timing.sh: the timer's own lateness, apart from
    // start-up and exit.
    const auto ns = [](session::TimePoint point) {
      return std::chrono::duration_cast<std::chrono::nanoseconds>(
               point.time_since_epoch())
        .count();
    };
    const session::TimePoint noticed = clock.now();
    fmt::print(
      context.err(),
      "knotrelief: timing: ended {} ms after the planned end (start_ns={} "
      "end_ns={})\n",
      std::chrono::duration<double, std::milli>(noticed - engine.ended_at())
        .count(),
      ns(engine_start),
      ns(noticed));
  }
  const bool logged =
    finish_session(context, options, timeline, record, journal, signals);
  if (context.env()("KNOTRELIEF_DEBUG") == "timing") {
    fmt::print(context.err(),
               "knotrelief: timing: done_ns={}\n",
               std::chrono::duration_cast<std::chrono::nanoseconds>(
                 clock.now().time_since_epoch())
                 .count());
  }
  // A signal (during the session, its questions or the wait for the
  // journal's lock) decides the status; else a journal not written is 1.
  if (record.result.signal != 0 || logged) {
    return exit_status(record.result);
  }
  return ExitStatus::failure;
}

} // namespace knotrelief::cli
