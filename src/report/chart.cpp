#include "report/chart.hpp"

#include "journal/time.hpp"
#include "report/render.hpp"
#include "report/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

namespace knotrelief::report {

namespace {

constexpr int width = 640;
constexpr int height = 280;
constexpr int left = 40;
constexpr int right = 150; // the legend
constexpr int top = 15;
constexpr int bottom = 45;
constexpr int plot_width = width - left - right;
constexpr int plot_height = height - top - bottom;

// Colours that stay apart in print and for common colour blindness, and a
// dash pattern each so that lines differ in grey too.
constexpr std::array<std::string_view, 6> colours =
  {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"};
constexpr std::array<std::string_view, 3> dashes = {"none", "6 3", "2 3"};

double x_of(std::size_t week, std::size_t weeks)
{
  if (weeks <= 1) {
    return left + plot_width / 2.0;
  }
  return left + static_cast<double>(plot_width) * static_cast<double>(week) /
                  static_cast<double>(weeks - 1);
}

double y_of(double score)
{
  return top + plot_height * (1.0 - score / 10.0);
}

void axes(std::string& svg, const Report& report)
{
  auto out = std::back_inserter(svg);
  for (int score = 0; score <= 10; score += 2) {
    fmt::format_to(out,
                   "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" "
                   "stroke=\"#ddd\"/><text x=\"{3}\" y=\"{4:.1f}\" "
                   "text-anchor=\"end\">{5}</text>\n",
                   left,
                   y_of(score),
                   left + plot_width,
                   left - 6,
                   y_of(score) + 4,
                   score);
  }
  const std::size_t weeks = report.weeks.size();
  for (std::size_t i = 0; i < weeks; ++i) {
    fmt::format_to(
      out,
      "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
      x_of(i, weeks),
      top + plot_height + 18,
      escape_html(journal::iso_date(report.weeks[i].first_day).substr(5)));
  }
  fmt::format_to(out,
                 "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                 left + plot_width / 2,
                 height - 6,
                 "week from (month-day)");
}

// An area's line, broken where a week has no score, a dot on each score.
void area_line(std::string& svg,
               const AreaRow& area,
               std::size_t index,
               std::size_t weeks)
{
  auto out = std::back_inserter(svg);
  const auto colour = colours[index % colours.size()];
  const auto dash = dashes[index % dashes.size()];
  fmt::format_to(out, "<g stroke=\"{}\" fill=\"{}\">\n", colour, colour);
  std::string points;
  const auto flush = [&] {
    if (!points.empty()) {
      fmt::format_to(out,
                     "<polyline points=\"{}\" fill=\"none\" stroke-width=\"2\" "
                     "stroke-dasharray=\"{}\"/>\n",
                     points,
                     dash);
      points.clear();
    }
  };
  for (std::size_t i = 0; i < area.weekly_soreness.size(); ++i) {
    const auto& mean = area.weekly_soreness[i];
    if (!mean) {
      flush();
      continue;
    }
    points += fmt::format("{}{:.1f},{:.1f}",
                          points.empty() ? "" : " ",
                          x_of(i, weeks),
                          y_of(*mean));
    fmt::format_to(out,
                   "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" "
                   "r=\"3.5\"><title>{}</title></circle>\n",
                   x_of(i, weeks),
                   y_of(*mean),
                   escape_html(fmt::format("{}: {:.1f}", area.area, *mean)));
  }
  flush();
  const int legend_y = top + 10 + static_cast<int>(index) * 20;
  fmt::format_to(out,
                 "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" "
                 "stroke-width=\"2\" stroke-dasharray=\"{3}\"/>"
                 "<text x=\"{4}\" y=\"{5}\" stroke=\"none\" "
                 "fill=\"#111\">{6}</text>\n</g>\n",
                 left + plot_width + 12,
                 legend_y,
                 left + plot_width + 36,
                 dash,
                 left + plot_width + 42,
                 legend_y + 4,
                 escape_html(area.area));
}

} // namespace

std::string soreness_chart_svg(const Report& report)
{
  // The numbers for a reader that cannot see the lines, as the table has.
  std::string description;
  for (const Row& row : soreness_rows(report)) {
    description +=
      fmt::format("{}{}: {}.",
                  description.empty() ? "" : " ",
                  row.front(),
                  fmt::join(std::next(row.begin()), row.end(), ", "));
  }
  // Taller than the plot when the legend, a line an area, needs it.
  const int legend_bottom =
    top + 10 + static_cast<int>(report.areas.size()) * 20;
  std::string svg = fmt::format(
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
    "role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n",
    width,
    std::max(height, legend_bottom),
    escape_html(chart_caption),
    escape_html(soreness_heading));
  svg += fmt::format("<desc>{}</desc>\n", escape_html(description));
  axes(svg, report);
  for (std::size_t i = 0; i < report.areas.size(); ++i) {
    area_line(svg, report.areas[i], i, report.weeks.size());
  }
  svg += "</svg>\n";
  return svg;
}

} // namespace knotrelief::report
