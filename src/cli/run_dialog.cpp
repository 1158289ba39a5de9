#include "cli/run_dialog.hpp"

#include "cli/context.hpp"
#include "cli/journal_support.hpp"
#include "journal/entry.hpp"
#include "journal/writer.hpp"
#include "routine/duration.hpp"
#include "term/prompt.hpp"
#include "util/limits.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <clocale>
#include <csignal>
#include <cstring>
#include <langinfo.h>
#include <set>
#include <sstream>
#include <unistd.h>

namespace knotrelief::cli {

using session::Outcome;

bool accessible_requested(const EnvLookup& env)
{
  const auto accessible = env("ACCESSIBLE");
  return accessible && !accessible->empty() && *accessible != "0";
}

TerminalTraits detect_terminal(const Context& context, bool plain)
{
  TerminalTraits traits;
  const auto term = context.env()("TERM");
  const bool terminal = ::isatty(STDOUT_FILENO) && term && *term != "dumb";
  traits.plain = plain || accessible_requested(context.env());
  traits.smart = terminal && !traits.plain;
  traits.keys = ::isatty(STDIN_FILENO);
  traits.interactive = terminal && traits.keys;
  traits.color =
    traits.smart && !context.options().no_color && !context.env()("NO_COLOR");
  traits.unicode = context.output_is_unicode();
  return traits;
}

void print_header(Context& context, const session::Timeline& timeline)
{
  std::set<std::string> tools;
  std::size_t steps = 0;
  for (const auto& routine : timeline.routines) {
    safe_print(context.out(), "{}\n", routine.name);
    tools.insert(routine.tools.begin(), routine.tools.end());
    steps += routine.steps.size();
  }
  std::string tool_list;
  for (const auto& tool : tools) {
    tool_list += (tool_list.empty() ? "" : ", ") + tool;
  }
  safe_print(context.out(),
             "{} in all{}, {} step{}. You need: {}.\n",
             routine::format_duration(timeline.total_seconds()),
             session::get_ready_note(session::prep_seconds(timeline)),
             steps,
             steps == 1 ? "" : "s",
             tool_list.empty() ? "nothing" : tool_list);
  const auto width =
    static_cast<std::size_t>(std::max(context.output_columns() - 4, 20));
  for (const auto& routine : timeline.routines) {
    for (const auto& note : routine.safety) {
      print_wrapped(context.out(), note, 4, width + 4, "  !");
    }
  }
  const auto& professional = guide_section("professional");
  print_wrapped(context.out(), professional.title + ":", 4, width + 4, "  !");
  for (const auto& sign : professional.points) {
    print_wrapped(context.out(), sign, 6, width + 4, "    -");
  }
}

namespace {

// Asks `question` until it gets a line, the input ends or a signal comes:
// after Ctrl-Z and `fg` the question is asked again.
term::PromptResult ask(Context& context,
                       term::SignalPipe& signals,
                       std::string_view question,
                       std::size_t max_bytes = 1024)
{
  while (true) {
    fmt::print(context.out(), "{}", question);
    std::fflush(context.out());
    auto reply = term::read_line(STDIN_FILENO, signals, max_bytes);
    if (reply.end != term::PromptEnd::suspended) {
      return reply;
    }
    fmt::print(context.out(), "\n");
  }
}

} // namespace

term::PromptResult ask_line(Context& context,
                            term::SignalPipe& signals,
                            std::string_view question)
{
  return ask(context, signals, question);
}

PainAnswer ask_pain(Context& context,
                    term::SignalPipe& signals,
                    std::string_view question)
{
  while (true) {
    const auto reply = ask(context, signals, question);
    if (reply.end == term::PromptEnd::signalled) {
      return {std::nullopt, reply.signal};
    }
    if (reply.end == term::PromptEnd::end_of_input || reply.line.empty()) {
      return {};
    }
    if (auto error = term::pain_score_error(reply.line)) {
      fmt::print(context.out(), "  {}\n", *error);
      continue;
    }
    return {std::stoi(reply.line), 0};
  }
}

std::optional<bool> ask_yes(Context& context,
                            term::SignalPipe& signals,
                            std::string_view question,
                            int& signal)
{
  const auto reply = ask(context, signals, question);
  if (reply.end == term::PromptEnd::signalled) {
    signal = reply.signal;
  }
  if (reply.end != term::PromptEnd::answered) {
    // The next output starts on a line of its own (after ^C or ^D).
    fmt::print(context.out(), "\n");
    return std::nullopt;
  }
  return !reply.line.empty() && (reply.line[0] == 'y' || reply.line[0] == 'Y');
}

std::optional<journal::Tighter> tighter_answer(std::string_view reply)
{
  std::string word;
  for (const char c : reply) {
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  using journal::Tighter;
  for (const Tighter side : {Tighter::left, Tighter::right, Tighter::same}) {
    const std::string_view name = journal::to_string(side);
    if (word == name || word == name.substr(0, 1)) {
      return side;
    }
  }
  return std::nullopt;
}

int wait_for_enter(Context& context,
                   term::SignalPipe& signals,
                   std::string_view prompt)
{
  const auto reply = ask(context, signals, prompt);
  return reply.end == term::PromptEnd::signalled ? reply.signal : 0;
}

namespace {

// A note typed at the end, so that it never shows in `ps` as --note would.
// Enter skips.
// A terminal keeps at most 4095 bytes of a line being typed and drops the
// rest without a word: a typed note must stay below that to be whole.
constexpr std::size_t max_typed_note_bytes = 4000;

std::string ask_note(Context& context, term::SignalPipe& signals, int& signal)
{
  while (true) {
    const auto reply = ask(context,
                           signals,
                           "A note for the journal? (Enter skips) ",
                           max_typed_note_bytes);
    if (reply.end == term::PromptEnd::signalled) {
      signal = reply.signal;
    }
    if (reply.end != term::PromptEnd::answered) {
      fmt::print(context.out(), "\n"); // after ^C or ^D
      return {};
    }
    if (reply.too_long) {
      fmt::print(context.out(),
                 "  a typed note may be at most {} bytes; for a longer one "
                 "use --note - (Enter skips)\n",
                 max_typed_note_bytes);
      continue;
    }
    if (auto problem = journal::note_problem(reply.line)) {
      fmt::print(context.out(), "  {}\n", *problem);
      continue;
    }
    return reply.line;
  }
}

// Nothing when skipped (Enter, end of input or a signal, kept in `signal`).
std::optional<journal::Tighter> ask_tighter(Context& context,
                                            term::SignalPipe& signals,
                                            int& signal)
{
  while (true) {
    const auto reply = ask(
      context, signals, "Which side felt tighter? [l/r/s=same, Enter skips] ");
    if (reply.end == term::PromptEnd::signalled) {
      signal = reply.signal;
    }
    if (reply.end != term::PromptEnd::answered) {
      fmt::print(context.out(), "\n"); // after ^C or ^D
      return std::nullopt;
    }
    if (reply.line.empty()) {
      return std::nullopt;
    }
    if (auto answer = tighter_answer(reply.line)) {
      return answer;
    }
    fmt::print(context.out(),
               "  answer l (left), r (right) or s (the same), or press Enter "
               "to skip\n");
  }
}

void print_summary(Context& context, const SessionRecord& record)
{
  const auto& result = record.result;
  const std::string time =
    routine::format_duration(session::whole_seconds(result.active));
  const std::string steps = fmt::format(
    "{} of {} steps done", result.steps_completed, result.steps_total);
  if (record.failed) {
    fmt::print(context.out(),
               "The session stopped on an error after {}, {}.\n",
               time,
               steps);
    return;
  }
  switch (result.outcome) {
    case Outcome::completed:
      fmt::print(
        context.out(), "Finished in {}, {}. Well done.\n", time, steps);
      break;
    case Outcome::quit:
      fmt::print(context.out(), "Stopped after {}, {}.\n", time, steps);
      break;
    case Outcome::interrupted:
      fmt::print(context.out(), "Interrupted after {}, {}.\n", time, steps);
      break;
  }
}

} // namespace

SessionRecord close_session(Context& context,
                            const RunOptions& options,
                            SessionRecord record,
                            term::SignalPipe& signals,
                            bool each_side)
{
  print_summary(context, record);
  if (!options.tighter.empty() && each_side) {
    record.tighter = tighter_answer(options.tighter);
  } else if (!options.tighter.empty()) {
    context.warn("--tighter is left out of the journal: no step was done on "
                 "each side");
  }
  record.pain_after =
    options.pain_after >= 0 ? std::optional(options.pain_after) : std::nullopt;
  // --pain-after answers the closing questions, so scripted runs never wait.
  const bool ask = !record.pain_after && !record.failed &&
                   record.result.outcome != Outcome::interrupted &&
                   detect_terminal(context).interactive;
  if (ask) {
    const auto answer = ask_pain(
      context, signals, "How sore is it now, from 0 to 10? (Enter skips) ");
    record.pain_after = answer.score;
    record.result.signal = answer.signal;
    if (answer.signal == 0) {
      record.tingling = ask_yes(context,
                                signals,
                                "Any numbness, tingling or weakness? [y/N] ",
                                record.result.signal)
                          .value_or(false);
    }
    if (record.result.signal == 0 && each_side && !record.tighter) {
      record.tighter = ask_tighter(context, signals, record.result.signal);
    }
    if (record.result.signal == 0 && record.note.empty() && !options.no_log) {
      record.note = ask_note(context, signals, record.result.signal);
    }
  }
  const auto& professional = guide_section("professional");
  // The advice is the program's own text: each of its lines wrapped, the
  // signs as a list.
  std::istringstream advice(
    session::safety_advice(record, professional.title, professional.points));
  const std::size_t width = layout_width(context);
  for (std::string line; std::getline(advice, line);) {
    if (line.starts_with("  - ")) {
      print_wrapped(context.out(), line.substr(4), 4, width, "  -");
    } else {
      print_wrapped(context.out(), line, 0, width);
    }
  }
  return record;
}

LogResult log_session(Context& context,
                      const session::Timeline& timeline,
                      const SessionRecord& record,
                      const std::filesystem::path& journal,
                      term::SignalPipe& signals)
{
  const std::string line =
    journal::format_entry(session::make_entry(timeline, record));
  auto append = append_options(context);
  // Signals reach us through the pipe: they end the wait for the lock.
  append.stop_signal = [&signals] {
    const auto number = signals.take();
    return number && term::ends_process(*number) ? *number : 0;
  };
  auto written = journal::append_line(journal, line, append);
  if (written) {
    safe_print(
      context.out(), "Logged to {}\n", display_path(context, journal.string()));
    return {true, 0};
  }
  std::fflush(context.out());
  safe_print(context.err(), "knotrelief: error: {}\n", written.error().message);
  fmt::print(context.err(),
             "knotrelief: this is the journal line, to keep by hand:\n");
  safe_print(context.out(), "{}\n", line);
  return {false, written.error().signal};
}

} // namespace knotrelief::cli
