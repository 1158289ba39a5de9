#pragma once

#include "journal/entry.hpp"
#include "util/error.hpp"
#include "util/limits.hpp"

#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
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
  // read_last_entries: how many entries in a row, all older than the
  // oldest one it would show, end the look back (see LatestQuery).
  std::size_t lookback_entries = 1000;
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

// Which entries read_last_entries gives: the latest `limit` by time among
// those at or after `since` that `keep` accepts (all when it is empty).
struct LatestQuery
{
  std::size_t limit = 20;
  std::optional<std::chrono::system_clock::time_point> since;
  std::function<bool(const Entry&)> keep;
};

// The entries `query` asks for, oldest first (entries of the same time in
// file order), read from the end of the file: the cost follows what is
// shown, not the journal's size.
//
// Entries are appended as sessions happen, so the file is in time order but
// for entries back-filled with `log add --at`. Reading stops once
// `limits.lookback_entries` entries in a row are older than the oldest one
// it would show (or than `since`): an entry is missed only when more entries
// than that, all older than it, were appended after it.
std::expected<std::vector<Entry>, std::string> read_last_entries(
  const std::filesystem::path& path,
  const LatestQuery& query,
  const ProblemSink& on_problem,
  const ReadLimits& limits = {});

} // namespace knotrelief::journal
