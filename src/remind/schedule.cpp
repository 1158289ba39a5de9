#include "remind/schedule.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace knotrelief::remind {

namespace {

constexpr std::array<std::string_view, 7> day_names =
  {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::unexpected<std::string> problem(std::string_view option,
                                     std::string_view value,
                                     std::string_view what)
{
  return std::unexpected(fmt::format("{}: '{}' {}", option, value, what));
}

std::optional<int> digits(std::string_view text)
{
  if (text.empty() || text.size() > 4 ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  int value = 0;
  for (char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// "07:30" -> 450; nothing unless exactly HH:MM within a day.
std::optional<int> parse_clock(std::string_view text)
{
  if (text.size() != 5 || text[2] != ':') {
    return std::nullopt;
  }
  const auto hours = digits(text.substr(0, 2));
  const auto minutes = digits(text.substr(3, 2));
  if (!hours || !minutes || *hours > 23 || *minutes > 59) {
    return std::nullopt;
  }
  return *hours * 60 + *minutes;
}

std::expected<std::uint8_t, std::string> parse_days(std::string_view text)
{
  if (text.empty() || text == "daily") {
    return every_day;
  }
  if (text == "weekdays") {
    return weekdays;
  }
  if (text == "weekends") {
    return static_cast<std::uint8_t>(every_day & ~weekdays);
  }
  std::uint8_t days = 0;
  const std::vector<std::string> names(day_names.begin(), day_names.end());
  std::istringstream words{std::string(text)};
  for (std::string word; std::getline(words, word, ',');) {
    const auto found = std::find(names.begin(), names.end(), word);
    if (found == names.end()) {
      return problem(
        "--days",
        text,
        fmt::format("has '{}', not a day{}; give daily, weekdays, weekends or "
                    "days as mon,wed,fri",
                    word,
                    text::did_you_mean(word, names)));
    }
    days |= static_cast<std::uint8_t>(1U << (found - names.begin()));
  }
  if (days == 0 || text.back() == ',') {
    return problem("--days", text, "names no day");
  }
  return days;
}

// "50m", "1h", "1h30m" -> minutes.
std::optional<int> parse_minutes(std::string_view text)
{
  int total = 0;
  std::size_t at = 0;
  char last_unit = 0;
  while (at < text.size()) {
    const std::size_t end = text.find_first_not_of("0123456789", at);
    if (end == std::string_view::npos || end == at) {
      return std::nullopt;
    }
    const auto number = digits(text.substr(at, end - at));
    const char unit = text[end];
    if (!number || (unit != 'h' && unit != 'm') || last_unit == unit ||
        last_unit == 'm') {
      return std::nullopt;
    }
    total += unit == 'h' ? *number * 60 : *number;
    last_unit = unit;
    at = end + 1;
  }
  if (last_unit == 0) {
    return std::nullopt;
  }
  return total;
}

std::expected<Breaks, std::string> parse_breaks(std::string_view every,
                                                std::string_view between)
{
  const auto minutes = parse_minutes(every);
  if (!minutes) {
    return problem("--breaks", every, "is not a time as 50m, 1h or 1h30m");
  }
  if (*minutes < min_break_minutes || *minutes > max_break_minutes) {
    return problem("--breaks", every, "is not between 10m and 4h");
  }
  const std::size_t dash = between.find('-');
  const auto from = parse_clock(between.substr(0, dash));
  const auto to = dash == std::string_view::npos
                    ? std::nullopt
                    : parse_clock(between.substr(dash + 1));
  if (!from || !to) {
    return problem(
      "--between", between, "is not two times as HH:MM-HH:MM (09:00-18:00)");
  }
  if (*to <= *from) {
    return problem("--between", between, "ends before it starts");
  }
  if (*from + *minutes > *to) {
    return std::unexpected(
      fmt::format("--breaks: no break of every {} fits in {}", every, between));
  }
  return Breaks{*minutes, *from, *to};
}

std::string minutes_text(int minutes)
{
  if (minutes % 60 == 0) {
    return fmt::format("{}h", minutes / 60);
  }
  return minutes < 60 ? fmt::format("{}m", minutes)
                      : fmt::format("{}h{}m", minutes / 60, minutes % 60);
}

std::string days_text(std::uint8_t days)
{
  if (days == every_day) {
    return "daily";
  }
  if (days == weekdays) {
    return "weekdays";
  }
  return text::to_lower(weekday_list(days, ","));
}

} // namespace

std::expected<Schedule, std::string> parse_schedule(
  const ScheduleOptions& options)
{
  Schedule schedule;
  const std::string_view at = options.at.empty() ? default_at : options.at;
  const auto minute = parse_clock(at);
  if (!minute) {
    return problem("--at", at, "is not a time as HH:MM (00:00 to 23:59)");
  }
  schedule.at_minute = *minute;
  const auto days = parse_days(options.days);
  if (!days) {
    return std::unexpected(days.error());
  }
  schedule.days = *days;
  if (options.breaks.empty()) {
    if (!options.between.empty()) {
      return std::unexpected(
        std::string("--between: only goes with --breaks (say how often)"));
    }
    return schedule;
  }
  const auto breaks =
    parse_breaks(options.breaks,
                 options.between.empty() ? default_between : options.between);
  if (!breaks) {
    return std::unexpected(breaks.error());
  }
  schedule.breaks = *breaks;
  return schedule;
}

std::string schedule_arguments(const Schedule& schedule)
{
  std::string text = fmt::format("--at {} --days {}",
                                 clock_text(schedule.at_minute),
                                 days_text(schedule.days));
  if (schedule.breaks) {
    text += fmt::format(" --breaks {} --between {}-{}",
                        minutes_text(schedule.breaks->every_minutes),
                        clock_text(schedule.breaks->from_minute),
                        clock_text(schedule.breaks->to_minute));
  }
  return text;
}

std::expected<Schedule, std::string> parse_schedule_arguments(
  std::string_view arguments)
{
  ScheduleOptions options;
  std::istringstream words{std::string(arguments)};
  for (std::string name, value; words >> name >> value;) {
    std::string* field = name == "--at"        ? &options.at
                         : name == "--days"    ? &options.days
                         : name == "--breaks"  ? &options.breaks
                         : name == "--between" ? &options.between
                                               : nullptr;
    if (field == nullptr) {
      return std::unexpected(fmt::format("unknown option '{}'", name));
    }
    *field = value;
  }
  return parse_schedule(options);
}

std::string clock_text(int minute_of_day)
{
  return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

std::string_view weekday_name(int weekday)
{
  static constexpr std::array<std::string_view, 7> names = {
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return names.at(static_cast<std::size_t>(weekday));
}

std::string describe_reminder(const Schedule& schedule)
{
  const std::string at = "at " + clock_text(schedule.at_minute);
  if (schedule.days == every_day) {
    return at + " every day";
  }
  if (schedule.days == weekdays) {
    return at + " on weekdays";
  }
  return at + " on " + weekday_list(schedule.days, ", ");
}

std::string weekday_list(std::uint8_t days, std::string_view separator)
{
  std::string text;
  for (int day = 0; day < 7; ++day) {
    if (days & (1U << day)) {
      text +=
        fmt::format("{}{}", text.empty() ? "" : separator, weekday_name(day));
    }
  }
  return text;
}

std::string describe_breaks(const Breaks& breaks)
{
  return fmt::format("a stretch every {} from {} to {}",
                     minutes_text(breaks.every_minutes),
                     clock_text(breaks.from_minute),
                     clock_text(breaks.to_minute));
}

int weekday_of(int day)
{
  // 1970-01-01 was a Thursday.
  return ((day + 3) % 7 + 7) % 7;
}

std::vector<int> firing_minutes(const Schedule& schedule, Timer timer)
{
  if (timer == Timer::session) {
    return {schedule.at_minute};
  }
  std::vector<int> minutes;
  if (const auto& breaks = schedule.breaks) {
    for (int minute = breaks->from_minute + breaks->every_minutes;
         minute <= breaks->to_minute;
         minute += breaks->every_minutes) {
      minutes.push_back(minute);
    }
  }
  return minutes;
}

std::vector<Firing> next_firings(const Schedule& schedule,
                                 LocalTime now,
                                 std::size_t count)
{
  std::vector<Firing> firings;
  const auto session = firing_minutes(schedule, Timer::session);
  const auto breaks = firing_minutes(schedule, Timer::breaks);
  // Every week has a firing, so count weeks of days are enough.
  for (int day = now.day; firings.size() < count &&
                          day <= now.day + 7 * static_cast<int>(count + 1);
       ++day) {
    if ((schedule.days & (1U << weekday_of(day))) == 0) {
      continue;
    }
    std::vector<Firing> today;
    today.reserve(session.size() + breaks.size());
    for (int minute : session) {
      today.push_back({{day, minute * 60}, Timer::session});
    }
    for (int minute : breaks) {
      today.push_back({{day, minute * 60}, Timer::breaks});
    }
    std::stable_sort(today.begin(), today.end(), [](auto& a, auto& b) {
      return a.time < b.time;
    });
    for (const Firing& firing : today) {
      if (firing.time > now && firings.size() < count) {
        firings.push_back(firing);
      }
    }
  }
  return firings;
}

} // namespace knotrelief::remind
