#pragma once

#include "util/environment.hpp"

#include <cstdio>
#include <span>
#include <string>

namespace knotrelief::cli {

// Parses the arguments (those after the program's name), runs the
// subcommand and returns the exit status. Every error ends here: printed
// once as "knotrelief: error: ..." on `err`. Output goes to `out`, the
// environment is read through `env` only; `run` and `--note -` still use
// the process's terminal and stdin.
int execute(std::span<const std::string> args,
            const EnvLookup& env,
            std::FILE* out,
            std::FILE* err);

// What the program's main() runs: execute() above on the process's arguments,
// environment, stdout and stderr.
int execute(int argc, char** argv);

// "0.1.0" or "0.1.0 (v0.1.0-3-gabcdef)" (see cmake/version.cmake).
const char* version();

} // namespace knotrelief::cli
