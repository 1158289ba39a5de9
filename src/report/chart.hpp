#pragma once

// The soreness chart of the HTML report: one line per area, the mean
// soreness before sessions of each week (0-10), as inline SVG with a
// <title> and a <desc>; the table after it holds the same numbers.

#include "report/model.hpp"

#include <string>
#include <string_view>

namespace knotrelief::report {

inline constexpr std::string_view chart_caption =
  "Mean soreness before sessions per week, one line per area (0 none, 10 "
  "worst). The table below holds the same numbers.";

// The <svg> element, every text in it escaped.
std::string soreness_chart_svg(const Report& report);

} // namespace knotrelief::report
