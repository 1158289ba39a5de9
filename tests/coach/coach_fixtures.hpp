#pragma once

// Journals and routines for the coach's tests: lines as `run` and `log add`
// write them, on days counted back from a fixed today.

#include "coach/summary.hpp"
#include "journal/parse.hpp"
#include "journal/time.hpp"
#include "routine/model.hpp"
#include "support/routines.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

namespace coach_test {

using namespace knotrelief;

// 2026-11-23, a Monday.
inline const int today = journal::days_from_civil(2026, 11, 23);

// "2026-11-20T08:00:00+00:00" for `days_ago` days before today, at `hour`.
inline std::string stamp(int days_ago, int hour = 8)
{
  const std::chrono::year_month_day date{
    std::chrono::sys_days{std::chrono::days{today - days_ago}}};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:00:00+00:00",
                     static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()),
                     hour);
}

// A journal line `days_ago` days back; `fields` after the timestamp.
inline std::string line(int days_ago, const std::string& fields, int hour = 8)
{
  return stamp(days_ago, hour) + " " + fields;
}

inline coach::SummaryBuilder summarize(const std::vector<std::string>& lines,
                                       int day = today)
{
  coach::SummaryBuilder builder(day);
  for (const auto& text : lines) {
    auto entry = journal::parse_entry(text);
    REQUIRE_MESSAGE(entry.has_value(), text);
    builder.add(*entry);
  }
  return builder;
}

using test::one_step_routine;

// In library order (by id): neck-a and neck-b take 2, 3 or 4 minutes at low,
// mid and high; back-a 5, 6 or 7; calf-a 1, 1.5 or 2.
inline std::vector<routine::Routine> library()
{
  return {one_step_routine("back-a", "back", 300, 420),
          one_step_routine("calf-a", "calves", 60, 120),
          one_step_routine("neck-a", "neck", 120, 240),
          one_step_routine("neck-b", "neck", 120, 240)};
}

} // namespace coach_test
