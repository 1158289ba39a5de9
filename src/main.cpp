#include "cli/app.hpp"

int main(int argc, char** argv)
{
  return knotrelief::cli::main(argc, argv);
}
