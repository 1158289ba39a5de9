#pragma once

#include "journal/entry.hpp"
#include "util/error.hpp"
#include "util/limits.hpp"

#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace knotrelief::journal {

// Lines longer than this are reported and skipped, so a hostile file cannot
// make the reader hold more than this much of one line. The writer refuses
// longer lines (the same limit).
inline constexpr std::size_t max_line_bytes = limits::max_journal_line_bytes;

// How the reader works through a file. Tests and the fuzzer shrink both
// figures to reach block and length boundaries with small inputs.
struct ReadLimits
{
  std::size_t block_bytes = std::size_t{64} * 1024; // read at a time
  std::size_t max_line_bytes = journal::max_line_bytes;
  // pread(2) for the blocks of read_last_entries, unless replaced (tests
  // shrink the file while it is read).
  std::function<ssize_t(int, void*, std::size_t, off_t)> read_at;
};

// Told about each malformed line ("FILE:LINE: reason"); reading goes on.
using ProblemSink = std::function<void(const Diagnostic&)>;

// Reads every entry in file order, in constant memory. Comments and blank
// lines are skipped; a byte-order mark, CRLF line ends and a missing final
// newline are accepted. A missing journal reads as empty. Fails only when
// the file cannot be read at all (a directory, a FIFO, no permission).
std::expected<void, std::string> read_entries(
  const std::filesystem::path& path,
  const std::function<void(const Entry&)>& on_entry,
  const ProblemSink& on_problem,
  const ReadLimits& limits = {});

// The last `limit` entries that `keep` accepts, oldest first, read from the
// end of the file: the cost follows what is shown, not the journal's size.
std::expected<std::vector<Entry>, std::string> read_last_entries(
  const std::filesystem::path& path,
  std::size_t limit,
  const std::function<bool(const Entry&)>& keep,
  const ProblemSink& on_problem,
  const ReadLimits& limits = {});

} // namespace knotrelief::journal
