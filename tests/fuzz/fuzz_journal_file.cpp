// libFuzzer target: the journal reader. Reading a file forwards and reading
// it backwards must agree: the same entries (backwards in time order), the same
// problems on the same lines, and the last k entries when asked for k. The
// first three input bytes choose the block size (1-64 bytes), the longest
// line (16-526 bytes) and k, so that small inputs reach the boundaries the
// real 64 KiB figures put far apart; the rest is the file. Every problem is
// printable (printable.hpp).
#include "journal/reader.hpp"
#include "printable.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace {

using namespace knotrelief;
using namespace knotrelief::journal;

const std::filesystem::path& scratch_file()
{
  static const std::filesystem::path path = [] {
    auto file = std::filesystem::temp_directory_path() /
                ("knotrelief-fuzz-journal-" + std::to_string(::getpid()));
    std::atexit([] { std::filesystem::remove(scratch_file()); });
    return file;
  }();
  return path;
}

using Problem = std::tuple<int, std::string>; // line, message

void check(bool condition)
{
  if (!condition) {
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size)
{
  if (size < 3) {
    return 0;
  }
  ReadLimits limits;
  limits.block_bytes = 1 + std::size_t{data[0]} % 64;
  limits.max_line_bytes = 16 + std::size_t{data[1]} * 2;
  const std::size_t k = data[2] % 8;
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 3),
              static_cast<std::streamsize>(size - 3));
  }

  std::vector<Entry> forward;
  std::vector<Problem> forward_problems;
  check(read_entries(
          scratch_file(),
          [&](const Entry& entry) { forward.push_back(entry); },
          [&](const Diagnostic& p) {
            fuzz::require_printable(p);
            forward_problems.emplace_back(p.where.line, p.message);
          },
          limits)
          .has_value());

  // read_last_entries gives time order, entries of the same time in file
  // order; these inputs are far shorter than its look back.
  std::stable_sort(
    forward.begin(), forward.end(), [](const Entry& a, const Entry& b) {
      return a.time < b.time;
    });
  LatestQuery all;
  all.limit = SIZE_MAX;
  LatestQuery last_k;
  last_k.limit = k;
  std::vector<Problem> backward_problems;
  auto backward = read_last_entries(
    scratch_file(),
    all,
    [&](const Diagnostic& p) {
      backward_problems.emplace_back(p.where.line, p.message);
    },
    limits);
  check(backward.has_value() && *backward == forward);
  std::sort(backward_problems.begin(), backward_problems.end());
  check(backward_problems == forward_problems); // forward is in line order

  if (k > 0) {
    auto last = read_last_entries(
      scratch_file(), last_k, [](auto&) {}, limits);
    const std::size_t expected = std::min(k, forward.size());
    check(last.has_value() && last->size() == expected &&
          std::equal(last->begin(),
                     last->end(),
                     forward.end() - static_cast<std::ptrdiff_t>(expected)));
  }
  return 0;
}
