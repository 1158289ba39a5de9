#pragma once

// Times and dates of the journal in one place: the timestamps it writes and
// reads, local days, --since and --at. Pure functions of their arguments,
// except where they say they use the process's time zone (TZ).

#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace knotrelief::journal {

// Exactly `count` decimal digits at `at` (no sign, no space), or nothing.
std::optional<int> fixed_digits(std::string_view text,
                                std::size_t at,
                                std::size_t count);

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int days_from_civil(int year, unsigned month, unsigned day);

// The calendar day, as days since 1970-01-01, that `time` falls on at the
// given UTC offset.
int local_day(std::chrono::system_clock::time_point time,
              int utc_offset_minutes);

// "2026-11-21T08:30:12+01:00" for `time` shown at the given offset.
std::string format_timestamp(std::chrono::system_clock::time_point time,
                             int utc_offset_minutes);

// The local UTC offset at `time` (from the TZ rules of the process).
int local_utc_offset_minutes(std::chrono::system_clock::time_point time);

// Parses "2026-11-21T08:30:12+01:00" (or "...Z"): a real calendar date in
// 1970-2200, an offset within 14 hours.
struct Timestamp
{
  std::chrono::system_clock::time_point time;
  int utc_offset_minutes = 0;
};
std::expected<Timestamp, std::string> parse_timestamp(std::string_view text);

// Parses a --since value into the instant it stands for: a date
// ("2026-11-01", local midnight), or a time ago from `now`: "3d" days,
// "2w" weeks, "1m" months of 30 days. `utc_offset_minutes` is the local
// offset, for dates.
std::expected<std::chrono::system_clock::time_point, std::string> parse_since(
  std::string_view text,
  std::chrono::system_clock::time_point now,
  int utc_offset_minutes);

// Parses a --at value as local time (TZ): exactly "2026-11-21T08:30[:SS]",
// "2026-11-21 08:30[:SS]", "2026-11-21" (noon) or "08:30" (today). Refuses
// what names no real local time (a 30 February, 25:00, a time skipped when
// the clocks went forward, naming the gap) and times after `now`.
std::expected<std::chrono::system_clock::time_point, std::string>
parse_local_time(std::string_view text,
                 std::chrono::system_clock::time_point now);

// The local calendar day (TZ) of `now`, as days since 1970-01-01.
int local_today(std::chrono::system_clock::time_point now);

// "2026-11-21" for a day given as days since 1970-01-01.
std::string iso_date(int day);

} // namespace knotrelief::journal
