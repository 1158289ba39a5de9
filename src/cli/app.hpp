#pragma once

namespace knotrelief::cli {

// Parses the command line, runs the subcommand and returns the exit status.
// Every error ends here: printed once as "knotrelief: error: ...".
int main(int argc, char** argv);

// "0.1.0" or "0.1.0 (v0.1.0-3-gabcdef)" (see cmake/version.cmake).
const char* version();

} // namespace knotrelief::cli
