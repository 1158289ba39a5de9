#include "cli/spots.hpp"

#include "cli/run_dialog.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::cli {

using routine::Routine;
using routine::Spot;

namespace {

routine::Side mark_side(routine::Sides sides)
{
  switch (sides) {
    case routine::Sides::left:
      return routine::Side::left;
    case routine::Sides::right:
      return routine::Side::right;
    case routine::Sides::both:
    case routine::Sides::none:
      break;
  }
  return routine::Side::none;
}

std::string joined(const std::vector<std::string>& items)
{
  std::string result;
  for (const auto& item : items) {
    result += (result.empty() ? "" : ", ") + item;
  }
  return result;
}

} // namespace

void print_body_map(Context& context, std::span<const term::MapMark> marks)
{
  const bool color = detect_terminal(context).color;
  const term::BodyMapOptions options{.width = context.output_columns(),
                                     .unicode = context.output_is_unicode(),
                                     .color = color};
  const auto lines =
    term::draw_body_map(context.library().spots(), marks, options);
  for (const term::MapLine& line : lines) {
    std::string text;
    for (const term::MapRun& run : line) {
      const bool styled = color && !(run.style == term::Style{});
      text += styled ? term::select_graphic_rendition(run.style, true) : "";
      text += text::printable(run.text);
      text += styled ? term::select_graphic_rendition({}, true) : "";
    }
    // Trailing blanks of the outline are no use in a file or a pipe.
    text.erase(text.find_last_not_of(' ') + 1);
    std::fputs((text + "\n").c_str(), context.out());
  }
}

std::vector<term::MapMark> step_marks(const Routine& routine)
{
  std::vector<term::MapMark> marks;
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const auto& step = routine.steps[i];
    for (const std::string& spot : step.spots) {
      marks.push_back(
        {spot,
         mark_side(step.sides),
         term::step_glyph(i + 1),
         term::Style{.bold = true, .color = term::Color::magenta}});
    }
  }
  return marks;
}

std::vector<std::string> routines_on(Context& context, std::string_view spot)
{
  std::vector<std::string> ids;
  for (const Routine& routine : context.library().routines()) {
    const auto spots = routine::routine_spots(routine);
    if (std::find(spots.begin(), spots.end(), spot) != spots.end()) {
      ids.push_back(routine.id);
    }
  }
  return ids;
}

Json spot_json(const Spot& spot, std::vector<std::string> routines)
{
  return Json{{"kind", "spot"},
              {"id", spot.id},
              {"name", spot.name},
              {"area", spot.area},
              {"sides", spot.paired ? "both" : "none"},
              {"view", routine::to_string(spot.view)},
              {"row", spot.cell.row},
              {"column", spot.cell.column},
              {"find", spot.find},
              {"routines", std::move(routines)}};
}

void print_spot(Context& context, const Spot& spot, const ShowOptions& options)
{
  auto routines = routines_on(context, spot.id);
  if (options.json) {
    print_json(context.out(), spot_json(spot, std::move(routines)));
    return;
  }
  std::FILE* out = context.out();
  safe_print(out, "{} ({})\n", spot.name, spot.id);
  print_facts(out,
              fmt::format("Area: {}   Sides: {}   On the map: {}",
                          spot.area,
                          spot.paired ? "left and right" : "one",
                          routine::to_string(spot.view)),
              layout_width(context));
  safe_print(out, "\nFind it\n");
  print_wrapped(out, spot.find, 2, layout_width(context));
  safe_print(out, "\n");
  const std::vector<std::string> ids{spot.id};
  const auto marks =
    term::marks_for(ids,
                    term::current_spot_glyph(context.output_is_unicode()),
                    term::Style{.bold = true, .color = term::Color::red});
  print_body_map(context, marks);
  safe_print(out,
             "\nWorked in: {}\n",
             routines.empty() ? std::string("-") : joined(routines));
}

} // namespace knotrelief::cli
