// libFuzzer target: the journal line parser. A line it accepts is written
// back by format_entry into a line that reads as the same entry.
#include "journal/entry.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size)
{
  using namespace knotrelief::journal;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto entry = parse_entry(line);
  if (!entry) {
    return 0;
  }
  const std::string written = format_entry(*entry);
  auto again = parse_entry(written);
  if (!again || !(*again == *entry) || format_entry(*again) != written) {
    std::abort();
  }
  return 0;
}
