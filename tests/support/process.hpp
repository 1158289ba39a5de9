#pragma once

#include <map>
#include <string>
#include <vector>

namespace knotrelief::test {

struct ProcessResult
{
  int status = -1; // exit status, or 128 + signal number
  std::string out;
  std::string err;
};

struct ProcessOptions
{
  // Replaces the whole environment; HOME, XDG_* and KNOTRELIEF_JOURNAL are
  // pointed at harmless places unless given here.
  std::map<std::string, std::string> env = {};
  std::string input = {}; // written to stdin, which is then closed
  std::string cwd = {};
};

// Runs the built knotrelief binary with `args` (no shell) and waits for it.
ProcessResult run_knotrelief(const std::vector<std::string>& args,
                             const ProcessOptions& options = {});

// Runs any program the same way.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const ProcessOptions& options = {});

} // namespace knotrelief::test
