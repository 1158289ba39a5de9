#pragma once

// Helpers shared by the log subcommands.

#include "cli/context.hpp"
#include "journal/entry.hpp"
#include "journal/reader.hpp"
#include "journal/writer.hpp"

#include <CLI/App.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace knotrelief::cli {

std::filesystem::path journal_file(const Context& context);

// `path` for people to read: under $HOME as "~/...". Still raw: print it
// with safe_print.
std::string display_path(const Context& context, const std::string& path);

// How the journal is written from the command line: when another program
// holds the journal's lock, say on stderr that we wait, and for how long.
journal::AppendOptions append_options(const Context& context);

// The note of --note: "-" reads it from stdin (so that it does not show in
// `ps`), without its final newline. Usage error when the journal could not
// hold it.
std::string note_option(const std::string& note);

// Collects the malformed lines met while a journal is read. print() shows
// them on stderr in file order as "FILE:LINE: reason": at most `shown_limit`,
// then how many more there were, so that a binary file cannot flood the
// terminal. Any problem makes the command exit 1.
class ProblemReporter
{
public:
  static constexpr std::size_t shown_limit = CappedDiagnostics::default_limit;

  explicit ProblemReporter(Context& context)
    : m_context(context)
  {}
  journal::ProblemSink sink();
  void print();
  bool any() const { return m_any; }

private:
  Context& m_context;
  CappedDiagnostics m_problems{shown_limit};
  bool m_any = false;
};

// The --since cutoff, or nothing when the option is empty. Usage error when
// it does not parse.
std::optional<std::chrono::system_clock::time_point> since_cutoff(
  const std::string& since,
  std::chrono::system_clock::time_point now);

// Streams the entries of `journal` at or after `cutoff` (all without one)
// to `add`, malformed lines reported on stderr by a ProblemReporter. Error
// when the journal cannot be read. True when a line was malformed (the
// command then exits 1).
bool read_journal_since(
  Context& context,
  const std::filesystem::path& journal,
  std::optional<std::chrono::system_clock::time_point> cutoff,
  const std::function<void(const journal::Entry&)>& add);

// Declares --since WHEN and -o/--output FILE, as `log export` and `log
// report` have them.
void add_since_and_output_options(CLI::App& command,
                                  std::string& since,
                                  std::string& output);

// Usage error when `output` (of -o; "-" is standard output) is the journal
// itself: writing over it would lose it.
void refuse_the_journal(const Context& context,
                        const std::string& output,
                        const std::filesystem::path& journal);

using journal::iso_date;
using journal::local_today;

// "2026-11-21 08:30", in the entry's own local time.
std::string entry_local_time(const journal::Entry& entry);

} // namespace knotrelief::cli
