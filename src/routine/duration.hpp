#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace knotrelief::routine {

// A hold time in whole seconds: one value (low == high) or a range.
struct DurationRange
{
  int low = 0;
  int high = 0;

  bool is_range() const { return low != high; }
  bool operator==(const DurationRange&) const = default;
};

// Parses "45", "45s", "1m", "1m30s", "1h", and ranges "30-60s", "1-2m",
// "45s-1m30s". A bare first number of a range takes the unit of the second
// ("1-2m" is one to two minutes). Zero, negative, reversed and malformed
// durations are errors; the message says what is wrong without a location.
std::expected<DurationRange, std::string> parse_duration(std::string_view text);

// Longest duration the parser accepts for any single value: an hour. Callers
// apply tighter limits where they make sense (a hold, a pace).
inline constexpr int max_duration_seconds = 60 * 60;

// "45s", "1m", "1m30s", "1h05m"; the inverse of parse_duration for one value.
std::string format_duration(std::int64_t seconds);

// "45s", "30-60s", "1-2m", "45s-1m30s".
std::string format_duration(const DurationRange& range);

} // namespace knotrelief::routine
