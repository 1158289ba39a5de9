#include "journal/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <optional>

namespace knotrelief::journal {

std::optional<int> fixed_digits(std::string_view text,
                                std::size_t at,
                                std::size_t count)
{
  if (at + count > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

int days_from_civil(int year, unsigned month, unsigned day)
{
  const auto date = std::chrono::year_month_day{
    std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  return static_cast<int>(
    std::chrono::sys_days(date).time_since_epoch().count());
}

int local_day(std::chrono::system_clock::time_point time,
              int utc_offset_minutes)
{
  const auto seconds =
    std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch())
      .count() +
    utc_offset_minutes * 60LL;
  return static_cast<int>(seconds >= 0 ? seconds / 86400
                                       : (seconds - 86399) / 86400);
}

std::string format_timestamp(std::chrono::system_clock::time_point time,
                             int utc_offset_minutes)
{
  const auto seconds =
    std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch())
      .count() +
    utc_offset_minutes * 60LL;
  const std::time_t shifted = static_cast<std::time_t>(seconds);
  std::tm parts{};
  ::gmtime_r(&shifted, &parts);
  const int offset =
    utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                     parts.tm_year + 1900,
                     parts.tm_mon + 1,
                     parts.tm_mday,
                     parts.tm_hour,
                     parts.tm_min,
                     parts.tm_sec,
                     utc_offset_minutes < 0 ? '-' : '+',
                     offset / 60,
                     offset % 60);
}

int local_utc_offset_minutes(std::chrono::system_clock::time_point time)
{
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm local{};
  ::localtime_r(&seconds, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::expected<Timestamp, std::string> parse_timestamp(std::string_view text)
{
  const auto bad = [&] {
    return std::unexpected(
      fmt::format("bad time '{}': expected e.g. 2026-11-21T08:30:12+01:00",
                  text.substr(0, 40)));
  };
  // YYYY-MM-DDTHH:MM:SS then Z or +HH:MM / -HH:MM
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':') {
    return bad();
  }
  const auto year = fixed_digits(text, 0, 4);
  const auto month = fixed_digits(text, 5, 2);
  const auto day = fixed_digits(text, 8, 2);
  const auto hour = fixed_digits(text, 11, 2);
  const auto minute = fixed_digits(text, 14, 2);
  const auto second = fixed_digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) {
    return bad();
  }
  int offset = 0;
  if (text.size() == 20 && text[19] == 'Z') {
    offset = 0;
  } else if (text.size() == 25 && (text[19] == '+' || text[19] == '-') &&
             text[22] == ':') {
    const auto offset_hours = fixed_digits(text, 20, 2);
    const auto offset_minutes = fixed_digits(text, 23, 2);
    if (!offset_hours || !offset_minutes || *offset_hours > 14 ||
        *offset_minutes > 59) {
      return bad();
    }
    offset =
      (*offset_hours * 60 + *offset_minutes) * (text[19] == '-' ? -1 : 1);
  } else {
    return bad();
  }
  const auto date = std::chrono::year_month_day{
    std::chrono::year{*year},
    std::chrono::month{static_cast<unsigned>(*month)},
    std::chrono::day{static_cast<unsigned>(*day)}};
  // Up to 2200: system_clock counts nanoseconds and ends in 2262.
  if (!date.ok() || *year < 1970 || *year > 2200 || *hour > 23 ||
      *minute > 59 || *second > 60) {
    return bad();
  }
  const auto local = std::chrono::sys_days(date) + std::chrono::hours(*hour) +
                     std::chrono::minutes(*minute) +
                     std::chrono::seconds(*second);
  return Timestamp{
    std::chrono::system_clock::time_point(local - std::chrono::minutes(offset)),
    offset};
}

std::expected<std::chrono::system_clock::time_point, std::string> parse_since(
  std::string_view text,
  std::chrono::system_clock::time_point now,
  int utc_offset_minutes)
{
  const auto bad = [&] {
    return std::unexpected(fmt::format(
      "bad time '{}': use a date (2026-11-01) or a time ago (3d, 2w, 1m)",
      text.substr(0, 40)));
  };
  if (text.size() >= 2 && text.size() <= 5 &&
      text.substr(0, text.size() - 1).find_first_not_of("0123456789") ==
        std::string_view::npos) {
    const int amount = std::stoi(std::string(text.substr(0, text.size() - 1)));
    int days = 0;
    switch (text.back()) {
      case 'd':
        days = amount;
        break;
      case 'w':
        days = amount * 7;
        break;
      case 'm':
        days = amount * 30;
        break;
      default:
        return bad();
    }
    return now - std::chrono::days(days);
  }
  // A date: midnight local time, as a timestamp would say it.
  if (text.size() == 10) {
    const int hours = std::abs(utc_offset_minutes) / 60;
    const int minutes = std::abs(utc_offset_minutes) % 60;
    auto parsed =
      parse_timestamp(fmt::format("{}T00:00:00{}{:02}:{:02}",
                                  text,
                                  utc_offset_minutes < 0 ? '-' : '+',
                                  hours,
                                  minutes));
    if (parsed) {
      return parsed->time;
    }
  }
  return bad();
}

int local_today(std::chrono::system_clock::time_point now)
{
  return local_day(now, local_utc_offset_minutes(now));
}

std::string iso_date(int day)
{
  const std::chrono::year_month_day date{
    std::chrono::sys_days{std::chrono::days{day}}};
  return fmt::format("{:04}-{:02}-{:02}",
                     static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

namespace {

// A local date and time as typed; fields not typed keep these defaults.
struct LocalTime
{
  int year = 0, month = 0, day = 0, hour = 12, minute = 0, second = 0;
};

// "2026-11-21T08:30[:SS]", "2026-11-21 08:30[:SS]", "2026-11-21" (noon) or
// "08:30" (the date stays as given), each exactly: no spaces around, no
// signs, two digits a field.
std::optional<LocalTime> parse_local_fields(std::string_view text,
                                            LocalTime time)
{
  const auto clock_at = [&](std::size_t at) {
    const auto hour = fixed_digits(text, at, 2);
    const auto minute = fixed_digits(text, at + 3, 2);
    const bool seconds = text.size() == at + 8;
    const auto second = seconds ? fixed_digits(text, at + 6, 2) : 0;
    const bool shape = text[at + 2] == ':' && (!seconds || text[at + 5] == ':');
    if (!shape || !hour || !minute || !second ||
        (text.size() != at + 5 && !seconds)) {
      return false;
    }
    time.hour = *hour, time.minute = *minute, time.second = *second;
    return true;
  };
  if (text.size() == 5) {
    return clock_at(0) ? std::optional(time) : std::nullopt;
  }
  const auto year = fixed_digits(text, 0, 4);
  const auto month = fixed_digits(text, 5, 2);
  const auto day = fixed_digits(text, 8, 2);
  if (text.size() < 10 || !year || !month || !day || text[4] != '-' ||
      text[7] != '-') {
    return std::nullopt;
  }
  time.year = *year, time.month = *month, time.day = *day;
  if (text.size() == 10) {
    time.hour = 12, time.minute = 0, time.second = 0;
    return time;
  }
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') ||
      !clock_at(11)) {
    return std::nullopt;
  }
  return time;
}

std::time_t utc_offset_at(std::time_t when)
{
  std::tm local{};
  ::localtime_r(&when, &local);
  return local.tm_gmtoff;
}

// "02:00 to 03:00": the local times the clocks jumped between near `when`.
std::string dst_gap_text(std::time_t when)
{
  std::time_t low = when - std::time_t{12} * 3600;
  std::time_t high = when + std::time_t{12} * 3600;
  const std::time_t before = utc_offset_at(low);
  while (high - low > 1) { // the first second with the later offset
    const std::time_t middle = low + (high - low) / 2;
    (utc_offset_at(middle) == before ? low : high) = middle;
  }
  const auto wall = [](std::time_t local_seconds) {
    std::tm parts{};
    ::gmtime_r(&local_seconds, &parts);
    return fmt::format("{:02}:{:02}", parts.tm_hour, parts.tm_min);
  };
  return fmt::format(
    "{} to {}", wall(high + before), wall(high + utc_offset_at(high)));
}

// The moment a valid local date and time names, or why it names none: a
// time skipped when the clocks went forward.
// The instant at which local time shows `wanted` with the given DST flag,
// if it ever does (mktime would otherwise move the time silently).
std::optional<std::time_t> shown_at(const std::tm& wanted, int dst)
{
  std::tm trial = wanted;
  trial.tm_isdst = dst;
  const std::time_t seconds = std::mktime(&trial);
  std::tm back{};
  if (seconds == -1 || !::localtime_r(&seconds, &back)) {
    return std::nullopt;
  }
  const bool same =
    back.tm_year == wanted.tm_year && back.tm_mon == wanted.tm_mon &&
    back.tm_mday == wanted.tm_mday && back.tm_hour == wanted.tm_hour &&
    back.tm_min == wanted.tm_min && back.tm_sec == wanted.tm_sec;
  return same ? std::optional(seconds) : std::nullopt;
}

// The moment a valid local date and time names, or why it names none: a
// time skipped when the clocks went forward. A time shown twice, when they
// go back, is the later one (winter time), whatever mktime last saw.
std::expected<std::time_t, std::string> local_seconds(const LocalTime& fields,
                                                      std::string_view text)
{
  std::tm wanted{};
  wanted.tm_year = fields.year - 1900;
  wanted.tm_mon = fields.month - 1;
  wanted.tm_mday = fields.day;
  wanted.tm_hour = fields.hour;
  wanted.tm_min = fields.minute;
  wanted.tm_sec = fields.second;
  const auto standard = shown_at(wanted, 0);
  const auto summer = shown_at(wanted, 1);
  if (standard && summer) {
    return std::max(*standard, *summer);
  }
  if (standard || summer) {
    return standard ? *standard : *summer;
  }
  std::tm moved = wanted;
  moved.tm_isdst = -1;
  const std::time_t seconds = std::mktime(&moved);
  if (seconds == -1) {
    return std::unexpected(fmt::format("bad time '{}'", text));
  }
  return std::unexpected(
    fmt::format("'{}' does not exist in local time: the clocks went forward "
                "from {} that day",
                text,
                dst_gap_text(seconds)));
}

} // namespace

std::expected<std::chrono::system_clock::time_point, std::string>
parse_local_time(std::string_view text,
                 std::chrono::system_clock::time_point now)
{
  std::tm today{};
  const std::time_t now_seconds = std::chrono::system_clock::to_time_t(now);
  ::localtime_r(&now_seconds, &today);
  LocalTime defaults;
  defaults.year = today.tm_year + 1900;
  defaults.month = today.tm_mon + 1;
  defaults.day = today.tm_mday;
  const auto fields = parse_local_fields(text, defaults);
  const auto date =
    fields
      ? std::chrono::year_month_day{std::chrono::year{fields->year},
                                    std::chrono::month{
                                      static_cast<unsigned>(fields->month)},
                                    std::chrono::day{
                                      static_cast<unsigned>(fields->day)}}
      : std::chrono::year_month_day{};
  if (!fields || !date.ok() || fields->year < 1970 || fields->hour > 23 ||
      fields->minute > 59 || fields->second > 59) {
    return std::unexpected(fmt::format(
      "bad time '{}': use 2026-11-21T08:30, 2026-11-21 or 08:30", text));
  }
  const auto seconds = local_seconds(*fields, text);
  if (!seconds) {
    return std::unexpected(seconds.error());
  }
  // Compared as time_t: far-future years overflow system_clock's range.
  if (*seconds > now_seconds + 60) {
    return std::unexpected(fmt::format("'{}' is in the future", text));
  }
  return std::chrono::system_clock::from_time_t(*seconds);
}

} // namespace knotrelief::journal
