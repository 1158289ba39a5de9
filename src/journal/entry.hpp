#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace knotrelief::journal {

// One session in the journal (knotrelief-journal(5)).
struct Entry
{
  // Local start time with its UTC offset, as written.
  std::chrono::system_clock::time_point time;
  int utc_offset_minutes = 0;
  std::vector<std::string> routines;
  std::vector<std::string> areas;
  std::string status; // completed, quit, interrupted, failed, manual
  std::optional<int> planned_seconds;
  std::optional<int> actual_seconds;
  std::optional<int> steps_done;
  std::optional<int> steps_total;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
  bool tingling = false;
  std::string note;

  bool operator==(const Entry&) const = default;
};

// "2026-11-21T08:30:12+01:00" for `time` shown at the given offset.
std::string format_timestamp(std::chrono::system_clock::time_point time,
                             int utc_offset_minutes);

// The local UTC offset at `time` (from the TZ rules of the process).
int local_utc_offset_minutes(std::chrono::system_clock::time_point time);

// A value as written after "key=": bare when it is safe, else in double
// quotes with \" and \\ escaped (and \n for a newline).
std::string quote_value(const std::string& value);

// The whole line, without the final newline.
std::string format_entry(const Entry& entry);

} // namespace knotrelief::journal
