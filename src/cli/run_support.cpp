#include "cli/run_support.hpp"

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
#include <unistd.h>

namespace knotrelief::cli {

using session::Outcome;

TerminalTraits detect_terminal(const Context& context)
{
  TerminalTraits traits;
  const auto term = context.env()("TERM");
  traits.smart = ::isatty(STDOUT_FILENO) && term && *term != "dumb";
  traits.keys = ::isatty(STDIN_FILENO);
  traits.interactive = traits.smart && traits.keys;
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
             "{} in all, {} step{}. You need: {}.\n",
             routine::format_duration(timeline.total_seconds()),
             steps,
             steps == 1 ? "" : "s",
             tool_list.empty() ? "nothing" : tool_list);
  const auto width =
    static_cast<std::size_t>(std::max(context.output_columns() - 4, 20));
  for (const auto& routine : timeline.routines) {
    for (const auto& note : routine.safety) {
      const auto lines = text::wrap(note, width);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        safe_print(context.out(), "{}{}\n", i == 0 ? "  ! " : "    ", lines[i]);
      }
    }
  }
}

namespace {

// Asks `question` until it gets a line, the input ends or a signal comes:
// after Ctrl-Z and `fg` the question is asked again.
term::PromptResult ask(Context& context,
                       term::SignalPipe& signals,
                       std::string_view question)
{
  while (true) {
    fmt::print(context.out(), "{}", question);
    std::fflush(context.out());
    auto reply = term::read_line(STDIN_FILENO, signals);
    if (reply.end != term::PromptEnd::suspended) {
      return reply;
    }
    fmt::print(context.out(), "\n");
  }
}

} // namespace

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

namespace {

int whole_seconds(session::Millis duration)
{
  return static_cast<int>((duration.count() + 500) / 1000);
}

// Whether numbness, tingling or weakness was felt; the signal that
// interrupted the question is left in `signal`.
bool ask_tingling(Context& context, term::SignalPipe& signals, int& signal)
{
  const auto reply =
    ask(context, signals, "Any numbness, tingling or weakness? [y/N] ");
  if (reply.end == term::PromptEnd::signalled) {
    signal = reply.signal;
  }
  return reply.end == term::PromptEnd::answered && !reply.line.empty() &&
         (reply.line[0] == 'y' || reply.line[0] == 'Y');
}

// A note typed at the end, so that it never shows in `ps` as --note would.
// Enter skips.
std::string ask_note(Context& context, term::SignalPipe& signals, int& signal)
{
  while (true) {
    const auto reply =
      ask(context, signals, "A note for the journal? (Enter skips) ");
    if (reply.end == term::PromptEnd::signalled) {
      signal = reply.signal;
    }
    if (reply.end != term::PromptEnd::answered) {
      return {};
    }
    if (auto problem = journal::note_problem(reply.line)) {
      fmt::print(context.out(), "  {}\n", *problem);
      continue;
    }
    return reply.line;
  }
}

journal::Status session_status(const SessionRecord& record)
{
  if (record.failed) {
    return journal::Status::failed;
  }
  switch (record.result.outcome) {
    case Outcome::completed:
      return journal::Status::completed;
    case Outcome::quit:
      return journal::Status::quit;
    case Outcome::interrupted:
      break;
  }
  return journal::Status::interrupted;
}

void print_summary(Context& context, const SessionRecord& record)
{
  const auto& result = record.result;
  const std::string time =
    routine::format_duration(whole_seconds(result.active));
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

journal::Entry make_entry(const session::Timeline& timeline,
                          const SessionRecord& record)
{
  journal::Entry entry;
  entry.time = std::chrono::time_point_cast<std::chrono::seconds>(record.start);
  entry.utc_offset_minutes = journal::local_utc_offset_minutes(record.start);
  for (const auto& routine : timeline.routines) {
    entry.routines.push_back(routine.id);
    if (!routine.area.empty() &&
        std::find(entry.areas.begin(), entry.areas.end(), routine.area) ==
          entry.areas.end()) {
      entry.areas.push_back(routine.area);
    }
  }
  entry.status = session_status(record);
  // check_session_fits keeps the planned time within the journal's limit;
  // active time is at most that, but a bad clock must not make a line the
  // reader rejects.
  entry.planned_seconds = static_cast<int>(timeline.total_seconds());
  entry.actual_seconds =
    std::min(whole_seconds(record.result.active), limits::max_session_seconds);
  entry.steps_done = static_cast<int>(record.result.steps_completed);
  entry.steps_total = static_cast<int>(record.result.steps_total);
  entry.pain_before = record.pain_before;
  entry.pain_after = record.pain_after;
  entry.tingling = record.tingling;
  entry.note = record.note;
  return entry;
}

} // namespace

void check_session_fits(const session::Timeline& timeline,
                        const SessionRecord& record)
{
  const std::int64_t total = timeline.total_seconds();
  if (total > limits::max_session_seconds) {
    throw UsageError(fmt::format(
      "this session would last {}, longer than the limit of {}: run fewer "
      "routines at a time, or a smaller --scale",
      routine::format_duration(total),
      routine::format_duration(limits::max_session_seconds)));
  }
  // The longest line this session can give: every field at its widest.
  SessionRecord widest = record;
  widest.failed = false;
  widest.result.outcome = Outcome::interrupted; // the longest status
  widest.result.active = std::chrono::seconds(limits::max_session_seconds);
  widest.result.steps_completed = widest.result.steps_total = 1'000'000;
  widest.pain_before = widest.pain_after = 10;
  widest.tingling = true;
  if (widest.note.empty()) { // asked at the end: assume the longest
    widest.note.assign(limits::max_note_bytes - 2, 'x');
  }
  const std::size_t bytes =
    journal::format_entry(make_entry(timeline, widest)).size();
  if (bytes > limits::max_journal_line_bytes) {
    throw UsageError(fmt::format(
      "this session's journal line could take {} bytes, more than the "
      "journal's limit of {} KiB: run fewer routines at a time",
      bytes,
      limits::max_journal_line_bytes / 1024));
  }
}

std::string safety_advice(const SessionRecord& record)
{
  std::string advice;
  if (record.tingling) {
    advice += "You noticed numbness, tingling or weakness. Stop working that "
              "area and have it "
              "looked at by a doctor or physiotherapist; pressure can irritate "
              "a nerve.\n";
  }
  if (record.pain_before && record.pain_after &&
      *record.pain_after > *record.pain_before) {
    advice += fmt::format(
      "Soreness went up, from {} to {}. Next time press more lightly and hold "
      "for less time.\n",
      *record.pain_before,
      *record.pain_after);
  }
  if (!advice.empty()) {
    advice += "See a professional if the pain lasts beyond two weeks, if you "
              "feel numbness, "
              "tingling or weakness, or if a sore spot is hot or swollen or "
              "may be an injury.\n";
  }
  return advice;
}

bool finish_session(Context& context,
                    const RunOptions& options,
                    const session::Timeline& timeline,
                    SessionRecord& record,
                    const std::filesystem::path& journal,
                    term::SignalPipe& signals)
{
  print_summary(context, record);
  record.pain_after =
    options.pain_after >= 0 ? std::optional(options.pain_after) : std::nullopt;
  // --pain-after answers the closing questions, so scripted runs never wait.
  const bool ask = !record.pain_after && !record.failed &&
                   record.result.outcome != Outcome::interrupted &&
                   detect_terminal(context).interactive;
  if (ask) {
    // A signal here ends only the questions: the session is still logged,
    // and the exit status names the signal.
    const auto answer = ask_pain(
      context, signals, "How sore is it now, from 0 to 10? (Enter skips) ");
    record.pain_after = answer.score;
    record.result.signal = answer.signal;
    if (answer.signal == 0) {
      record.tingling = ask_tingling(context, signals, record.result.signal);
    }
    if (record.result.signal == 0 && record.note.empty() && !options.no_log) {
      record.note = ask_note(context, signals, record.result.signal);
    }
  }
  fmt::print(context.out(), "{}", safety_advice(record));
  if (options.no_log) {
    return true;
  }
  const std::string line = journal::format_entry(make_entry(timeline, record));
  auto append = append_options(context);
  // Signals reach us through the pipe: they end the wait for the lock.
  append.stop_signal = [&signals] {
    const auto number = signals.take();
    return number && term::ends_process(*number) ? *number : 0;
  };
  if (auto written = journal::append_line(journal, line, append); !written) {
    std::fflush(context.out());
    if (written.error().signal != 0) {
      record.result.signal = written.error().signal;
    }
    safe_print(
      context.err(), "knotrelief: error: {}\n", written.error().message);
    fmt::print(context.err(),
               "knotrelief: this is the journal line, to keep by hand:\n");
    safe_print(context.out(), "{}\n", line);
    return false;
  }
  return true;
}

} // namespace knotrelief::cli
