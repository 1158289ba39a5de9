// libFuzzer target: the journal's time parsers. A timestamp that parses
// formats back to text that parses to the same instant and offset; --since
// and --at never crash, and say why when they refuse.
#include "journal/time.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size)
{
  using namespace knotrelief::journal;
  using namespace std::chrono;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto stamp = parse_timestamp(text)) {
    auto again =
      parse_timestamp(format_timestamp(stamp->time, stamp->utc_offset_minutes));
    if (!again || again->time != stamp->time ||
        again->utc_offset_minutes != stamp->utc_offset_minutes) {
      std::abort();
    }
  } else if (stamp.error().empty()) {
    std::abort();
  }
  const auto now = sys_days{year{2026} / 11 / 21} + 12h;
  if (auto since = parse_since(text, now, 60);
      !since && since.error().empty()) {
    std::abort();
  }
  if (auto at = parse_local_time(text, now)) {
    if (*at > now + minutes(1)) {
      std::abort(); // --at is never in the future
    }
  } else if (at.error().empty()) {
    std::abort();
  }
  return 0;
}
