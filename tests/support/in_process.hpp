#pragma once

#include "support/process.hpp"

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace knotrelief::test {

// Runs cli::execute in this process on `args` (those after the program's name)
// and captures what it writes. The environment holds only HOME,
// XDG_CONFIG_HOME and XDG_DATA_HOME, all under `home`, and `env`: the user's
// routines and journal are out of reach. Not for `run` past its parsing, nor
// `--note -`: those use the process's terminal and stdin.
ProcessResult run_in_process(
  const std::vector<std::string>& args,
  const std::filesystem::path& home,
  const std::map<std::string, std::string>& env = {});

// The same with output going to `out` (to see how write errors are met);
// only stderr is captured.
ProcessResult run_in_process_to(
  std::FILE* out,
  const std::vector<std::string>& args,
  const std::filesystem::path& home,
  const std::map<std::string, std::string>& env = {});

} // namespace knotrelief::test
