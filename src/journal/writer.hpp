#pragma once

#include "util/environment.hpp"

#include <expected>
#include <filesystem>
#include <string>

namespace knotrelief::journal {

// The journal's path: `option` (--journal) if given, else
// $KNOTRELIEF_JOURNAL, else $XDG_DATA_HOME/knotrelief/journal.txt. Throws
// Error when none can be worked out (no HOME).
std::filesystem::path journal_path(const std::string& option,
                                   const EnvLookup& env);

// Appends `line` (plus a newline) to the journal in one write(2) with
// O_APPEND, under an exclusive flock, then fsyncs. Creates the file 0600 and
// a missing folder 0700. Never truncates or rewrites. On failure says why.
std::expected<void, std::string> append_line(const std::filesystem::path& path,
                                             const std::string& line);

} // namespace knotrelief::journal
