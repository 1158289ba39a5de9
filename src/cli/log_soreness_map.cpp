#include "cli/log_soreness_map.hpp"

#include "cli/spots.hpp"
#include "coach/soreness_map.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace knotrelief::cli {

namespace {

// The shade of each level, light to dark.
std::string shade(int level, bool unicode)
{
  static constexpr std::array<const char*, coach::soreness_levels> blocks{
    "\u2591", "\u2592", "\u2593", "\u2588"};
  static constexpr std::array<const char*, coach::soreness_levels> ascii{
    ":", "+", "*", "#"}; // not '.': the outline's head has it
  const auto index = static_cast<std::size_t>(level - 1);
  return unicode ? blocks.at(index) : ascii.at(index);
}

term::Style shade_style(int level)
{
  return level >= 3 ? term::Style{.bold = true, .color = term::Color::red}
                    : term::Style{};
}

std::vector<term::MapMark> shaded_spots(
  const routine::SpotLibrary& spots,
  const std::vector<coach::AreaSoreness>& areas,
  bool unicode)
{
  std::vector<term::MapMark> marks;
  for (const coach::AreaSoreness& area : areas) {
    for (const routine::Spot& spot : spots.spots) {
      if (spot.area == area.area) {
        marks.push_back({spot.id,
                         routine::Side::none,
                         shade(area.level, unicode),
                         shade_style(area.level)});
      }
    }
  }
  return marks;
}

// One decimal, as the other soreness numbers of `log stats`.
double rounded(double mean)
{
  return std::round(mean * 10.0) / 10.0;
}

} // namespace

void print_soreness_map(Context& context, const coach::Progress& progress)
{
  const auto areas = coach::recent_soreness(progress);
  if (areas.empty()) {
    return;
  }
  const bool unicode = context.output_is_unicode();
  std::FILE* out = context.out();
  safe_print(out,
             "\nSoreness map: mean soreness before sessions, last {} weeks "
             "(0-10)\n",
             coach::soreness_map_weeks);
  print_body_map(context,
                 shaded_spots(context.library().spots(), areas, unicode));
  safe_print(out,
             "{} 0-2.4   {} 2.5-4.9   {} 5.0-7.4   {} 7.5-10\n",
             shade(1, unicode),
             shade(2, unicode),
             shade(3, unicode),
             shade(4, unicode));
  for (const coach::AreaSoreness& area : areas) {
    safe_print(out,
               "  {} {:<10} {:>4.1f}  ({} scored)\n",
               shade(area.level, unicode),
               area.area,
               rounded(area.mean),
               area.scored);
  }
  safe_print(out, "\n");
}

void add_soreness_map_json(Json& json, const coach::Progress& progress)
{
  Json areas = Json::array();
  for (const coach::AreaSoreness& area : coach::recent_soreness(progress)) {
    areas.push_back({{"area", area.area},
                     {"mean", rounded(area.mean)},
                     {"scored", area.scored},
                     {"level", area.level}});
  }
  json["soreness_map"] = {{"weeks", coach::soreness_map_weeks},
                          {"areas", std::move(areas)}};
}

} // namespace knotrelief::cli
