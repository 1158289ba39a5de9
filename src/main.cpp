#include "cli/app.hpp"

#include <csignal>

int main(int argc, char** argv)
{
  // Past a file-size limit (ulimit -f), a write fails with EFBIG and the
  // journal's writer says so and prints the line, instead of the process
  // dying on SIGXFSZ with the entry lost.
  std::signal(SIGXFSZ, SIG_IGN);
  return knotrelief::cli::execute(argc, argv);
}
