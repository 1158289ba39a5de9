#include "routine/model.hpp"

namespace knotrelief::routine {

std::string_view to_string(Sides sides)
{
  switch (sides) {
    case Sides::both:
      return "both";
    case Sides::left:
      return "left";
    case Sides::right:
      return "right";
    case Sides::none:
      break;
  }
  return "none";
}

std::string_view to_string(Side side)
{
  switch (side) {
    case Side::left:
      return "left";
    case Side::right:
      return "right";
    case Side::none:
      break;
  }
  return "none";
}

std::string_view to_string(Pressure pressure)
{
  switch (pressure) {
    case Pressure::gentle:
      return "gentle";
    case Pressure::moderate:
      return "moderate";
    case Pressure::firm:
      return "firm";
    case Pressure::unspecified:
      break;
  }
  return "unspecified";
}

std::optional<Sides> parse_sides(std::string_view text)
{
  for (Sides sides : {Sides::both, Sides::left, Sides::right}) {
    if (text == to_string(sides)) {
      return sides;
    }
  }
  return std::nullopt;
}

std::optional<Pressure> parse_pressure(std::string_view text)
{
  for (Pressure pressure :
       {Pressure::gentle, Pressure::moderate, Pressure::firm}) {
    if (text == to_string(pressure)) {
      return pressure;
    }
  }
  return std::nullopt;
}

std::vector<Side> expand_sides(Sides sides)
{
  switch (sides) {
    case Sides::both:
      return {Side::left, Side::right};
    case Sides::left:
      return {Side::left};
    case Sides::right:
      return {Side::right};
    case Sides::none:
      break;
  }
  return {Side::none};
}

} // namespace knotrelief::routine
