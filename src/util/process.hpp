#pragma once

// Runs another program by absolute path: no shell, no PATH search, stdin
// from /dev/null (so it can never wait on ours), its output collected, and
// killed when it runs past a time limit.

#include <chrono>
#include <string>
#include <vector>

namespace knotrelief {

struct ProgramResult
{
  bool started = false; // false: could not be run (`error` says why)
  int status = -1;      // exit status, or 128 + signal number
  bool timed_out = false;
  std::string out;
  std::string err;
  std::string error;
};

ProgramResult run_program(const std::string& path,
                          const std::vector<std::string>& args,
                          std::chrono::milliseconds limit);

} // namespace knotrelief
