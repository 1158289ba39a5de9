#include "cli/commands.hpp"
#include "cli/guide.hpp"
#include "cli/journal_support.hpp"
#include "cli/run_dialog.hpp"
#include "cli/settings.hpp"
#include "cli/today.hpp"
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
#include <exception>
#include <memory>
#include <unistd.h>

namespace knotrelief::cli {

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
  command->add_flag(
    "--title", options.title, "Show the time left in the window title");
  command->add_flag("--plain",
                    options.plain,
                    "Plain lines on the normal screen, for screen readers");
  command->add_flag("--reduce-motion",
                    options.reduce_motion,
                    "A calmer full screen: the clock moves every 5 seconds");
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
  command
    ->add_option("--tighter",
                 options.tighter,
                 "The side that felt tighter (else asked on a terminal)")
    ->type_name("left|right|same")
    ->check(one_of({"left", "right", "same", "l", "r", "s"}));
  command->add_flag(
    "--no-log", options.no_log, "Do not write the session to the journal");
  command->add_flag("--no-intro",
                    options.no_intro,
                    "No \"before you start\" panel or closing tips");
  return command;
}

namespace {

using session::SessionRecord;

std::vector<int> session_signals()
{
  std::vector<int> numbers = term::ending_signals();
  numbers.insert(numbers.end(), {SIGTSTP, SIGCONT, SIGWINCH});
  return numbers;
}

std::vector<routine::Routine> resolve_routines(Context& context,
                                               const RunOptions& options)
{
  const auto& library = context.library();
  std::vector<routine::Routine> routines;
  routines.reserve(options.names.size());
  for (const auto& name : options.names) {
    routines.push_back(library.resolve_routine(name));
  }
  return routines;
}

// Each routine's steps done on each side start on the side that felt
// tighter lately (coach::RoutineSummary::first_side).
std::vector<routine::Side> first_sides(
  const coach::Summary& summary,
  const std::vector<routine::Routine>& routines)
{
  std::vector<routine::Side> sides;
  sides.reserve(routines.size());
  for (const auto& routine : routines) {
    const auto it = summary.routines.find(routine.id);
    sides.push_back(it == summary.routines.end() ? routine::Side::left
                                                 : it->second.first_side());
  }
  return sides;
}

// The timeline refers to `routines`, which must outlive it.
session::Timeline build_run_timeline(
  const std::vector<routine::Routine>& routines,
  const RunOptions& options,
  const coach::Summary& summary)
{
  session::TimelineOptions timeline_options;
  timeline_options.routine_first_sides = first_sides(summary, routines);
  timeline_options.prep_seconds = options.prep_seconds;
  timeline_options.hold_point =
    session::parse_hold_point(options.hold).value_or(session::HoldPoint::low);
  timeline_options.routine_hold_points = options.routine_holds;
  timeline_options.scale = options.scale;
  return session::build_timeline(routines, timeline_options);
}

std::unique_ptr<term::Voice> make_voice(Context& context,
                                        const RunOptions& options)
{
  if (!options.voice) {
    return nullptr;
  }
  if (auto program = term::find_program("espeak-ng", context.env()("PATH"))) {
    return std::make_unique<term::Voice>(*program);
  }
  context.warn("--voice needs espeak-ng, which is not installed (apt-get "
               "install espeak-ng); going on without speech");
  return nullptr;
}

// For bench/session_timing.sh (KNOTRELIEF_DEBUG=timing): nanosecond stamps
// on stderr, so the timer's own lateness can be told apart from start-up
// and exit.
class TimingReport
{
public:
  TimingReport(Context& context, const session::Clock& clock)
    : m_context(context)
    , m_clock(clock)
    , m_on(context.env()("KNOTRELIEF_DEBUG") == "timing")
  {}

  void ended(const session::Engine& engine, session::TimePoint start) const
  {
    if (m_on) {
      const session::TimePoint noticed = m_clock.now();
      fmt::print(
        m_context.err(),
        "knotrelief: timing: ended {} ms after the planned end (start_ns={} "
        "end_ns={})\n",
        std::chrono::duration<double, std::milli>(noticed - engine.ended_at())
          .count(),
        nanoseconds(start),
        nanoseconds(noticed));
    }
  }

  void done() const
  {
    if (m_on) {
      fmt::print(m_context.err(),
                 "knotrelief: timing: done_ns={}\n",
                 nanoseconds(m_clock.now()));
    }
  }

private:
  static std::int64_t nanoseconds(session::TimePoint point)
  {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
             point.time_since_epoch())
      .count();
  }

  Context& m_context;
  const session::Clock& m_clock;
  bool m_on;
};

// The countdown itself, on the terminal. An error inside it leaves the
// terminal restored and the session marked failed, with the error kept in
// `error` for the caller to raise once the session is logged.
SessionRecord count_down(const session::Timeline& timeline,
                         const RunOptions& options,
                         const TerminalTraits& traits,
                         term::Voice* voice,
                         term::SignalPipe& signals,
                         const TimingReport& timing,
                         SessionRecord record,
                         std::exception_ptr& error)
{
  const session::SteadyClock clock;
  const session::TimePoint start = clock.now();
  session::Engine engine(timeline, start);
  // Plain lines are spoken as they are printed, in the same words; the full
  // screen's cues speak for themselves.
  term::Speaker speak;
  if (voice && !traits.smart) {
    speak = [voice](const std::string& line) { voice->say(line); };
  }
  term::SessionTerminal terminal(traits, speak);
  term::TerminalCues cues(terminal.output(),
                          traits.smart && !options.no_bell,
                          traits.smart ? voice : nullptr);
  term::TerminalInput input(traits.keys ? STDIN_FILENO : -1, signals, clock);
  try {
    record.result =
      session::run_session(engine, clock, input, terminal.display(), cues);
  } catch (...) {
    error = std::current_exception();
    record.failed = true;
    record.result.active = engine.active_time(clock.now());
    return record;
  }
  terminal.release();
  timing.ended(engine, start);
  return record;
}

// The questions and the panel before the countdown: the check for signs
// before an area's first session, the "before you start" panel and the
// soreness before. An exit status when the session is not to start.
std::optional<ExitStatus> before_session(Context& context,
                                         const RunOptions& options,
                                         const TerminalTraits& traits,
                                         term::SignalPipe& signals,
                                         const JournalHistory& history,
                                         SessionRecord& record,
                                         const session::Timeline& timeline)
{
  int signal = 0;
  if (traits.interactive) {
    const CheckAnswer check =
      check_for_signs(context, signals, areas_to_check(timeline, history));
    if (check.stop) {
      safe_print(context.out(), "Nothing was started or logged.\n");
      return ExitStatus::success;
    }
    record.checked = check.checked;
    signal = check.signal;
  }
  if (signal == 0 && !options.no_intro) {
    signal = show_intro(context, signals, history, traits.interactive);
  }
  if (signal == 0 && !record.pain_before && traits.interactive) {
    auto answer = ask_pain(
      context, signals, "How sore is it now, from 0 to 10? (Enter skips) ");
    record.pain_before = answer.score;
    signal = answer.signal;
  }
  if (signal != 0) {
    // Nothing has started yet, so there is nothing to log.
    fmt::print(context.out(), "\n");
    return exit_status_for_signal(signal);
  }
  return std::nullopt;
}

// The journal to read the history from; none when there is no way to tell
// where it is (with --no-log, no HOME).
std::filesystem::path history_journal(Context& context)
{
  try {
    return journal::journal_path(context.options().journal, context.env());
  } catch (const Error&) {
    return {};
  }
}

// Success, or 128 + the signal that ended the session, its questions or the
// wait for the journal's lock; else 1 when the journal was not written.
ExitStatus exit_status(const SessionRecord& record, const LogResult& logged)
{
  const int signal = logged.signal != 0 ? logged.signal : record.result.signal;
  if (signal != 0) {
    return exit_status_for_signal(signal);
  }
  return logged.written ? ExitStatus::success : ExitStatus::failure;
}

} // namespace

ExitStatus command_run(Context& context, const RunOptions& given)
{
  // The settings file's defaults, which the options can only turn on.
  const Settings settings = read_settings(settings_path(context.env()));
  RunOptions options = given;
  options.plain = options.plain || settings.plain;
  options.reduce_motion = options.reduce_motion || settings.reduce_motion;
  const auto routines = resolve_routines(context, options);
  // One pass over the journal: the coach's summary and the guide's history.
  JournalHistory history;
  const coach::SummaryBuilder before = read_summary(
    context, history_journal(context), coach_today(context), &history);
  const session::Timeline timeline =
    build_run_timeline(routines, options, before.summary());
  const auto journal =
    options.no_log
      ? std::filesystem::path()
      : journal::journal_path(context.options().journal, context.env());
  TerminalTraits traits = detect_terminal(context, options.plain);
  traits.title = options.title && traits.smart;
  traits.reduce_motion = options.reduce_motion;
  SessionRecord record;
  record.note = note_option(options.note);
  session::check_session_fits(timeline, record);
  const auto voice = make_voice(context, options);

  // From here on, signals arrive through the pipe, also during questions.
  // A closed output is seen as a failed write (EPIPE), not a sudden death.
  term::SignalPipe signals(session_signals());
  term::IgnoreSignal ignore_broken_pipe(SIGPIPE);
  print_header(context, timeline);
  record.pain_before = options.pain_before >= 0
                         ? std::optional(options.pain_before)
                         : std::nullopt;
  if (auto status = before_session(
        context, options, traits, signals, history, record, timeline)) {
    return *status;
  }
  record.start = std::chrono::system_clock::now();
  std::fflush(context.out());

  const session::SteadyClock clock;
  const TimingReport timing(context, clock);
  std::exception_ptr error;
  record = count_down(
    timeline, options, traits, voice.get(), signals, timing, record, error);
  const bool each_side =
    session::worked_each_side(timeline, record.result.steps_completed);
  record =
    close_session(context, options, std::move(record), signals, each_side);
  // After a flare or tingling the advice stands alone: no habit line.
  if (!options.no_intro && !record.failed && record.result.signal == 0 &&
      !session::needs_advice(record)) {
    show_closing(context, history);
  }
  const LogResult logged =
    options.no_log ? LogResult{true, 0}
                   : log_session(context, timeline, record, journal, signals);
  if (logged.written && !options.no_log && record.result.signal == 0) {
    print_after_run(context, before, session::make_entry(timeline, record));
  }
  timing.done();
  if (error) {
    std::rethrow_exception(error);
  }
  return exit_status(record, logged);
}

} // namespace knotrelief::cli
