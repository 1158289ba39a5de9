#pragma once

// Helpers shared by the log subcommands.

#include "cli/context.hpp"
#include "journal/entry.hpp"
#include "journal/reader.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace knotrelief::cli {

std::filesystem::path journal_file(const Context& context);

// Prints each malformed line as "FILE:LINE: reason" on stderr and remembers
// that there was one (the command then exits 1).
class ProblemReporter
{
public:
  explicit ProblemReporter(Context& context)
    : m_context(context)
  {}
  journal::ProblemSink sink();
  bool any() const { return m_count > 0; }

private:
  Context& m_context;
  std::size_t m_count = 0;
};

// The --since cutoff, or nothing when the option is empty. Usage error when
// it does not parse.
std::optional<std::chrono::system_clock::time_point> since_cutoff(
  const std::string& since,
  std::chrono::system_clock::time_point now);

// The local day number of `now`.
int local_today(std::chrono::system_clock::time_point now);

// "Nov 21".
std::string short_date(int day);

// "2026-11-21 08:30", in the entry's own local time.
std::string entry_local_time(const journal::Entry& entry);

} // namespace knotrelief::cli
