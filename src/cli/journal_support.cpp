#include "cli/journal_support.hpp"

#include "cli/validators.hpp"
#include "journal/time.hpp"
#include "journal/writer.hpp"
#include "util/limits.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace knotrelief::cli {

std::filesystem::path journal_file(const Context& context)
{
  return journal::journal_path(context.options().journal, context.env());
}

std::string display_path(const Context& context, const std::string& path)
{
  if (auto home = context.env()("HOME");
      home && !home->empty() && path.starts_with(*home + "/")) {
    return "~" + path.substr(home->size());
  }
  return path;
}

journal::AppendOptions append_options(const Context& context)
{
  journal::AppendOptions options;
  options.on_waiting = [&context](std::chrono::milliseconds bound) {
    fmt::print(context.err(),
               "knotrelief: another program is writing the journal; waiting "
               "up to {} s for it...\n",
               std::chrono::duration_cast<std::chrono::seconds>(bound).count());
    std::fflush(context.err());
  };
  return options;
}

namespace {

// All of stdin, or a usage error past `limit` bytes.
std::string read_stdin(std::size_t limit)
{
  std::string text;
  char buffer[4096];
  while (text.size() <= limit) {
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw Error(
        fmt::format("--note -: cannot read stdin: {}", std::strerror(errno)));
    }
    if (n == 0) {
      return text;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  throw UsageError(fmt::format(
    "--note -: the note on stdin is longer than the limit of {} bytes",
    limits::max_note_bytes));
}

} // namespace

std::string note_option(const std::string& note)
{
  std::string text = note;
  if (note == "-") {
    // Room for the final newline (and CR) that is dropped.
    text = read_stdin(limits::max_note_bytes + 2);
    if (text.ends_with('\n')) {
      text.pop_back();
    }
    if (text.ends_with('\r')) {
      text.pop_back();
    }
  }
  if (auto problem = journal::note_problem(text)) {
    throw UsageError(fmt::format("--note: {}", *problem));
  }
  return text;
}

journal::ProblemSink ProblemReporter::sink()
{
  return [this](const Diagnostic& problem) {
    m_any = true;
    m_problems.add(problem);
  };
}

void ProblemReporter::print()
{
  // `log` reads from the end of the file, so problems may come in any order.
  auto& shown = m_problems.shown();
  std::sort(shown.begin(), shown.end(), [](auto& a, auto& b) {
    return a.where.line < b.where.line;
  });
  for (const Diagnostic& problem : shown) {
    fmt::print(m_context.err(), "{}\n", to_string(problem));
  }
  if (const std::size_t more = m_problems.hidden(); more > 0) {
    fmt::print(m_context.err(),
               "{}: {} more malformed line{} skipped\n",
               to_string(Location{shown.front().where.file}),
               more,
               more == 1 ? "" : "s");
  }
  m_problems.clear();
}

std::optional<std::chrono::system_clock::time_point> since_cutoff(
  const std::string& since,
  std::chrono::system_clock::time_point now)
{
  if (since.empty()) {
    return std::nullopt;
  }
  auto cutoff =
    journal::parse_since(since, now, journal::local_utc_offset_minutes(now));
  if (!cutoff) {
    throw UsageError(fmt::format("--since: {}", cutoff.error()));
  }
  return *cutoff;
}

std::string entry_local_time(const journal::Entry& entry)
{
  // "2026-11-21T08:30:12+01:00" -> "2026-11-21 08:30"
  std::string stamp =
    journal::format_timestamp(entry.time, entry.utc_offset_minutes);
  stamp[10] = ' ';
  return stamp.substr(0, 16);
}

void refuse_the_journal(const Context& context,
                        const std::string& output,
                        const std::filesystem::path& journal)
{
  if (output == "-") {
    return;
  }
  // equivalent() needs both files to exist; a journal not written yet is
  // still the journal, so then the paths (links followed) are compared.
  const auto resolved = [](const std::filesystem::path& path) {
    std::error_code error;
    auto canonical = std::filesystem::weakly_canonical(path, error);
    return error ? std::filesystem::absolute(path, error).lexically_normal()
                 : canonical;
  };
  std::error_code error;
  const bool same = std::filesystem::equivalent(output, journal, error) ||
                    (error && resolved(output) == resolved(journal));
  if (same) {
    throw UsageError(
      fmt::format("-o {} is the journal itself: write to another file",
                  display_path(context, output)));
  }
}

bool read_journal_since(
  Context& context,
  const std::filesystem::path& journal,
  std::optional<std::chrono::system_clock::time_point> cutoff,
  const std::function<void(const journal::Entry&)>& add)
{
  ProblemReporter problems(context);
  auto read = journal::read_entries(
    journal,
    [&](const journal::Entry& entry) {
      if (!cutoff || entry.time >= *cutoff) {
        add(entry);
      }
    },
    problems.sink());
  problems.print();
  if (!read) {
    throw Error(read.error());
  }
  return problems.any();
}

void add_since_and_output_options(CLI::App& command,
                                  std::string& since,
                                  std::string& output)
{
  command.add_option("--since", since, "Only sessions since WHEN")
    ->type_name("WHEN");
  command.add_option("-o,--output", output, "Write to FILE (- : stdout)")
    ->type_name("FILE")
    ->check(not_empty());
}

} // namespace knotrelief::cli
