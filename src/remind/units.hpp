#pragma once

// The systemd user units of the reminders, as text: a service that runs
// `knotrelief remind check` and a timer for it; with movement breaks, a
// second pair. Pure: the program's path and arguments are passed in.

#include "remind/schedule.hpp"

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::remind {

inline constexpr std::string_view session_unit = "knotrelief-remind";
inline constexpr std::string_view breaks_unit = "knotrelief-break";

// The line of a timer file that keeps the schedule it was written for.
inline constexpr std::string_view schedule_marker = "# knotrelief-schedule: ";

struct UnitFile
{
  std::string name; // "knotrelief-remind.timer"
  std::string text;
};

// An ExecStart= value running `argv` as it is: each word in double quotes,
// with systemd's specifiers (%) and variables ($) doubled and backslashes
// and quotes escaped. An error when a word holds a control character, which
// a unit file cannot carry.
std::expected<std::string, std::string> exec_line(
  std::span<const std::string> argv);

// The units of `schedule`: service and timer of the session reminder, then
// those of the breaks when it has breaks. `program` is the absolute path of
// knotrelief, `global` the global options the service passes (--journal).
std::expected<std::vector<UnitFile>, std::string> unit_files(
  const Schedule& schedule,
  const std::string& program,
  std::span<const std::string> global);

// The OnCalendar= values of `timer` on `schedule`, one a firing time.
std::vector<std::string> on_calendar(const Schedule& schedule, Timer timer);

// The schedule a timer file written by unit_files keeps, if it has one.
std::optional<std::string> schedule_in(std::string_view timer_text);

} // namespace knotrelief::remind
