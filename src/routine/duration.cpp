#include "routine/duration.hpp"

#include <fmt/format.h>

#include <cctype>

namespace knotrelief::routine {

namespace {

constexpr std::string_view syntax_hint =
  "use seconds (45 or 45s), minutes (1m, 1m30s) or a range (30-60s, 1-2m)";

bool is_digit(char c)
{
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool all_digits(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return true;
}

int unit_seconds(char unit)
{
  switch (unit) {
    case 'h':
      return 3600;
    case 'm':
      return 60;
    case 's':
      return 1;
    default:
      return 0;
  }
}

std::expected<int, std::string> parse_single(std::string_view text,
                                             std::string_view whole)
{
  const auto malformed = [&] {
    return std::unexpected(
      fmt::format("bad duration '{}': {}", whole, syntax_hint));
  };
  long long total = 0;
  int previous_unit = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
    }
    if (i == start) {
      return malformed();
    }
    if (i - start > 7) {
      return std::unexpected(
        fmt::format("duration '{}' is too long (at most {})",
                    whole,
                    format_duration(max_duration_seconds)));
    }
    long long number = 0;
    for (char digit : text.substr(start, i - start)) {
      number = number * 10 + (digit - '0');
    }
    int unit = 1;
    if (i < text.size()) {
      unit = unit_seconds(text[i]);
      ++i;
      if (unit == 0) {
        return malformed();
      }
    } else if (previous_unit != 0) {
      // "1m30" is ambiguous; insist on "1m30s".
      return malformed();
    }
    if (previous_unit != 0 && unit >= previous_unit) {
      return std::unexpected(
        fmt::format("bad duration '{}': give hours, minutes and seconds in "
                    "that order, each once",
                    whole));
    }
    if (previous_unit != 0 && number * unit >= previous_unit) {
      return std::unexpected(fmt::format(
        "bad duration '{}': {} is too many after a larger unit (write {})",
        whole,
        text.substr(start, i - start),
        format_duration(static_cast<int>(
          std::min<long long>(total + number * unit, max_duration_seconds)))));
    }
    total += number * unit;
    previous_unit = unit;
    if (total > max_duration_seconds) {
      return std::unexpected(
        fmt::format("duration '{}' is too long (at most {})",
                    whole,
                    format_duration(max_duration_seconds)));
    }
  }
  if (total == 0) {
    return std::unexpected(
      fmt::format("duration '{}' must be longer than zero", whole));
  }
  return static_cast<int>(total);
}

} // namespace

std::expected<DurationRange, std::string> parse_duration(std::string_view text)
{
  if (text.empty()) {
    return std::unexpected(fmt::format("empty duration: {}", syntax_hint));
  }
  if (text.front() == '-') {
    return std::unexpected(fmt::format(
      "duration '{}' is negative; it must be longer than zero", text));
  }
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    auto seconds = parse_single(text, text);
    if (!seconds) {
      return std::unexpected(seconds.error());
    }
    return DurationRange{*seconds, *seconds};
  }

  std::string low_text(text.substr(0, dash));
  const std::string_view high_text = text.substr(dash + 1);
  if (high_text.empty() || high_text.find('-') != std::string_view::npos) {
    return std::unexpected(
      fmt::format("bad duration '{}': {}", text, syntax_hint));
  }
  // "1-2m": the bare low end borrows the unit of the high end.
  if (all_digits(low_text) && !all_digits(high_text) &&
      unit_seconds(high_text.back()) != 0) {
    low_text += high_text.back();
  }
  auto low = parse_single(low_text, text);
  if (!low) {
    return std::unexpected(low.error());
  }
  auto high = parse_single(high_text, text);
  if (!high) {
    return std::unexpected(high.error());
  }
  if (*low > *high) {
    return std::unexpected(fmt::format(
      "duration range '{}' is reversed: put the shorter time first", text));
  }
  return DurationRange{*low, *high};
}

std::string format_duration(std::int64_t seconds)
{
  const std::int64_t hours = seconds / 3600;
  const std::int64_t minutes = seconds % 3600 / 60;
  const std::int64_t rest = seconds % 60;
  if (hours > 0) {
    return rest == 0 ? fmt::format("{}h{:02}m", hours, minutes)
                     : fmt::format("{}h{:02}m{:02}s", hours, minutes, rest);
  }
  if (minutes > 0) {
    return rest == 0 ? fmt::format("{}m", minutes)
                     : fmt::format("{}m{:02}s", minutes, rest);
  }
  return fmt::format("{}s", rest);
}

std::string format_duration(const DurationRange& range)
{
  if (!range.is_range()) {
    return format_duration(range.low);
  }
  if (range.low % 60 == 0 && range.high % 60 == 0 && range.high < 3600) {
    return fmt::format("{}-{}m", range.low / 60, range.high / 60);
  }
  // Short ranges read best in seconds: "30-60s", "45-90s".
  if (range.high < 120) {
    return fmt::format("{}-{}s", range.low, range.high);
  }
  return fmt::format(
    "{}-{}", format_duration(range.low), format_duration(range.high));
}

} // namespace knotrelief::routine
