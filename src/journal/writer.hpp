#pragma once

#include "util/environment.hpp"

#include <chrono>
#include <cstddef>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <unistd.h>

namespace knotrelief::journal {

// The journal's path: `option` (--journal) if given, else
// $KNOTRELIEF_JOURNAL, else $XDG_DATA_HOME/knotrelief/journal.txt. Throws
// Error when none can be worked out (no HOME).
std::filesystem::path journal_path(const std::string& option,
                                   const EnvLookup& env);

// How append_line waits for the lock and writes. The defaults suit the
// program; tests shorten the wait, pretend to be another user and inject
// short writes.
struct AppendOptions
{
  // Longest wait for a lock that another process holds without writing.
  std::chrono::milliseconds lock_wait{5000};
  // How long the lock may be busy before `on_waiting` is called (once).
  std::chrono::milliseconds quiet_wait{250};
  // Told that the wait has begun, with its bound: the caller may say so.
  std::function<void(std::chrono::milliseconds)> on_waiting;
  // Polled while waiting: a signal number other than 0 ends the wait.
  std::function<int()> stop_signal;
  // write(2), unless replaced.
  std::function<ssize_t(int, const void*, std::size_t)> write;
  // The user the journal must belong to.
  uid_t owner = ::geteuid();
};

struct AppendError
{
  std::string message;
  int signal = 0; // the signal that ended the wait for the lock, if any
};

// Appends `line` (plus a newline) to the journal in one write(2) with
// O_APPEND, under an exclusive flock, then fsyncs. Creates the file 0600 and
// a missing folder 0700. Never rewrites what is there: when the file does
// not end in a newline, one is written first; a short write is cut back off.
//
// The journal is health data. A journal that is a symlink is followed only
// into a folder `owner` owns; one that belongs to someone else is refused;
// one that group or others may read or write is made 0600.
//
// A line longer than the reader accepts (limits::max_journal_line_bytes) is
// refused. On failure says why.
std::expected<void, AppendError> append_line(const std::filesystem::path& path,
                                             const std::string& line,
                                             const AppendOptions& options = {});

} // namespace knotrelief::journal
