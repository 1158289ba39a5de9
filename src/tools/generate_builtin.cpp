// knotrelief-generate-builtin DATA_DIR OUTPUT
//
// Build-time tool: validates the built-in techniques and routines of DATA_DIR
// with the same loader users' files go through, and writes OUTPUT, a C++
// source that builds them directly (routine/builtin.hpp). Invalid data is
// reported with FILE:LINE:COL and exit status 1, which fails the build, and
// OUTPUT is then left as it was. OUTPUT is rewritten only when its text
// changes, so an unchanged result causes no recompilation.

#include "tools/codegen.hpp"
#include "tools/data_dir.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

namespace {

constexpr const char* program = "knotrelief-generate-builtin";

std::string read_existing(const std::filesystem::path& path)
{
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream),
          std::istreambuf_iterator<char>()};
}

// Writes beside `path`, then renames, so a failed write never leaves half a
// file behind for the compiler.
bool write_atomically(const std::filesystem::path& path,
                      const std::string& text)
{
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
    stream << text;
    stream.flush();
    if (!stream) {
      std::fprintf(stderr, "%s: cannot write %s\n", program, temporary.c_str());
      return false;
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::fprintf(stderr,
                 "%s: cannot rename %s to %s: %s\n",
                 program,
                 temporary.c_str(),
                 path.c_str(),
                 error.message().c_str());
    return false;
  }
  return true;
}

} // namespace

int main(int argc, char** argv)
{
  using namespace knotrelief::routine;
  using namespace knotrelief::tools;
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATA_DIR OUTPUT\n", program);
    return 2;
  }
  const std::filesystem::path data_dir = argv[1];
  const std::filesystem::path output = argv[2];

  auto data = load_data_dir(data_dir);
  if (!data) {
    for (const auto& problem : data.error()) {
      std::fprintf(stderr, "%s\n", to_string(problem).c_str());
    }
    std::fprintf(stderr,
                 "%s: the built-in data in %s is invalid (%zu %s); "
                 "%s not written\n",
                 program,
                 data_dir.c_str(),
                 data.error().size(),
                 data.error().size() == 1 ? "problem" : "problems",
                 output.c_str());
    return 1;
  }
  const std::string source = generate_builtin_source(
    data->techniques, data->routines, data->guide, data->spots);
  if (source == read_existing(output)) {
    return 0;
  }
  return write_atomically(output, source) ? 0 : 1;
}
