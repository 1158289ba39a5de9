#include "journal/since.hpp"

#include "journal/entry.hpp"

#include <fmt/format.h>

namespace knotrelief::journal {

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

} // namespace knotrelief::journal
