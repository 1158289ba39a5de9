#pragma once

#include <chrono>
#include <expected>
#include <string>
#include <string_view>

namespace knotrelief::journal {

// Parses a --since value into the instant it stands for: a date
// ("2026-11-01", local midnight), or a time ago from `now`: "3d" days,
// "2w" weeks, "1m" months of 30 days. `utc_offset_minutes` is the local
// offset, for dates.
std::expected<std::chrono::system_clock::time_point, std::string> parse_since(
  std::string_view text,
  std::chrono::system_clock::time_point now,
  int utc_offset_minutes);

} // namespace knotrelief::journal
