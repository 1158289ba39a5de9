// libFuzzer target: the duration parser. What it accepts is a positive range
// within the limit, and formatting it gives back text that parses the same.
#include "routine/duration.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size)
{
  using namespace knotrelief::routine;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_duration(text);
  if (!parsed) {
    if (parsed.error().empty()) {
      std::abort();
    }
    return 0;
  }
  if (parsed->low < 1 || parsed->low > parsed->high ||
      parsed->high > max_duration_seconds) {
    std::abort();
  }
  auto again = parse_duration(format_duration(*parsed));
  if (!again || *again != *parsed) {
    std::abort();
  }
  return 0;
}
