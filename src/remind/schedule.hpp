#pragma once

// When reminders fire: the schedule of `remind enable` parsed from its
// options, and the times it fires after a given moment. Pure: no clock, no
// time zone; times are local wall-clock times passed in.

#include <array>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::remind {

// The options as typed (empty: not given).
struct ScheduleOptions
{
  std::string at = {};
  std::string days = {};
  std::string breaks = {};
  std::string between = {};
};

inline constexpr std::string_view default_at = "09:00";
inline constexpr std::string_view default_between = "09:00-18:00";
// --breaks may be from 10 minutes to 4 hours apart.
inline constexpr int min_break_minutes = 10;
inline constexpr int max_break_minutes = 4 * 60;

// Movement breaks: every `every_minutes` after `from_minute`, up to
// `to_minute` (minutes of the day), on the schedule's days.
struct Breaks
{
  int every_minutes = 0;
  int from_minute = 0;
  int to_minute = 0;
  bool operator==(const Breaks&) const = default;
};

inline constexpr std::uint8_t every_day = 0x7f;
inline constexpr std::uint8_t weekdays = 0x1f; // Monday to Friday

struct Schedule
{
  int at_minute = 9 * 60;        // minute of the day of the session reminder
  std::uint8_t days = every_day; // bit 0 Monday ... bit 6 Sunday
  std::optional<Breaks> breaks;
  bool operator==(const Schedule&) const = default;
};

// Parses the options; the error names the option and what is wrong with
// its value ("--at: '25:00' is not a time as HH:MM").
std::expected<Schedule, std::string> parse_schedule(
  const ScheduleOptions& options);

// The options that give `schedule` back, canonical: "--at 07:30 --days
// mon,wed,fri --breaks 50m --between 09:00-18:00".
std::string schedule_arguments(const Schedule& schedule);

// parse_schedule of a line schedule_arguments wrote.
std::expected<Schedule, std::string> parse_schedule_arguments(
  std::string_view arguments);

// For people: "at 07:30 every day", "at 07:30 on Mon, Wed, Fri".
std::string describe_reminder(const Schedule& schedule);
// "a stretch every 50 min from 09:00 to 18:00".
std::string describe_breaks(const Breaks& breaks);

// "07:30" for minute 450 of the day.
std::string clock_text(int minute_of_day);

// The three-letter English name of a weekday, 0 Monday ... 6 Sunday.
std::string_view weekday_name(int weekday);

// The days of `days` as "Mon,Wed,Fri" (with `separator` between them).
std::string weekday_list(std::uint8_t days, std::string_view separator);

// A moment of local wall-clock time.
struct LocalTime
{
  int day = 0;    // days since 1970-01-01
  int second = 0; // of the day
  auto operator<=>(const LocalTime&) const = default;
};

// 0 Monday ... 6 Sunday.
int weekday_of(int day);

enum class Timer
{
  session, // the session reminder
  breaks   // the movement breaks
};

// The minutes of the day `timer` fires at on the schedule's days, in order
// (none for breaks when there are none).
std::vector<int> firing_minutes(const Schedule& schedule, Timer timer);

struct Firing
{
  LocalTime time;
  Timer timer = Timer::session;
};

// The first `count` times either timer fires strictly after `now`, in
// order (a session reminder before a break at the same minute).
std::vector<Firing> next_firings(const Schedule& schedule,
                                 LocalTime now,
                                 std::size_t count);

} // namespace knotrelief::remind
