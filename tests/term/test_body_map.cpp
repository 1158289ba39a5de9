#include "routine/builtin.hpp"
#include "term/body_map.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotrelief;
using namespace knotrelief::term;

namespace {

const routine::SpotLibrary& spots()
{
  static const routine::SpotLibrary made = routine::builtin_spots();
  return made;
}

std::vector<std::string> plain(const std::vector<MapLine>& lines)
{
  std::vector<std::string> result;
  for (const MapLine& line : lines) {
    result.push_back(plain_text(line));
  }
  return result;
}

// The glyph at a spot's cell of its view, in the lines of a full-size map.
std::string glyph_at(const std::vector<std::string>& lines,
                     const routine::Spot& spot,
                     routine::Side side)
{
  const routine::Cell cell = routine::spot_cell(spot, spots().outline, side);
  const int offset =
    spot.view == routine::View::front ? 0 : spots().outline.width() + map_gap;
  const std::string& line = lines.at(static_cast<std::size_t>(cell.row + 1));
  return line.substr(static_cast<std::size_t>(offset + cell.column), 1);
}

} // namespace

TEST_SUITE("body map")
{
  TEST_CASE("a mark sits on its spot, on the sides asked for")
  {
    const routine::Spot& trap = *spots().find("upper-trapezius");
    const MapMark left{"upper-trapezius", routine::Side::left, "@", {}};
    const auto lines = plain(
      draw_body_map(spots(), {&left, 1}, {.width = 80, .unicode = false}));
    CHECK(glyph_at(lines, trap, routine::Side::left) == "@");
    CHECK(glyph_at(lines, trap, routine::Side::right) == " ");

    const MapMark both{"upper-trapezius", routine::Side::none, "1", {}};
    const auto both_lines = plain(
      draw_body_map(spots(), {&both, 1}, {.width = 80, .unicode = false}));
    CHECK(glyph_at(both_lines, trap, routine::Side::left) == "1");
    CHECK(glyph_at(both_lines, trap, routine::Side::right) == "1");
  }

  TEST_CASE("the first mark on a cell wins")
  {
    const MapMark marks[] = {{"calf", routine::Side::none, "1", {}},
                             {"calf", routine::Side::none, "2", {}}};
    const auto lines =
      plain(draw_body_map(spots(), marks, {.width = 80, .unicode = false}));
    CHECK(glyph_at(lines, *spots().find("calf"), routine::Side::left) == "1");
  }

  TEST_CASE("the header names the views and L and R as in a mirror")
  {
    const auto lines =
      plain(draw_body_map(spots(), {}, {.width = 80, .unicode = true}));
    REQUIRE(lines.size() ==
            static_cast<std::size_t>(body_map_height(spots().outline)));
    CHECK(lines.front().starts_with("L        FRONT        R"));
    CHECK(lines.front().ends_with("L        BACK         R"));
    CHECK(lines.back() == "L is your left, R your right, as in a mirror");
  }

  TEST_CASE("colour marks keep their glyph; without colour no style is set")
  {
    const MapMark mark{
      "calf", routine::Side::left, "@", Style{.color = Color::red}};
    for (bool color : {false, true}) {
      const auto lines = draw_body_map(
        spots(), {&mark, 1}, {.width = 80, .unicode = false, .color = color});
      int red = 0;
      bool found = false;
      for (const MapLine& line : lines) {
        found = found || plain_text(line).find('@') != std::string::npos;
        for (const MapRun& run : line) {
          red += run.style.color == Color::red;
          CHECK((run.text == "@") == (run.style.color == Color::red));
        }
      }
      CHECK(found);
      CHECK(red == (color ? 1 : 0));
    }
  }

  TEST_CASE("the map never writes past the width: a sweep from 20 to 300")
  {
    const MapMark mark{"scalenes", routine::Side::none, "@", {}};
    for (int width = 20; width <= 300; ++width) {
      for (bool unicode : {true, false}) {
        CAPTURE(width);
        const auto lines = plain(draw_body_map(
          spots(), {&mark, 1}, {.width = width, .unicode = unicode}));
        for (const std::string& line : lines) {
          CHECK(text::display_width(line) <= static_cast<std::size_t>(width));
        }
        if (width < body_map_min_width(spots().outline)) {
          CHECK(lines.size() == 1);
        }
      }
    }
  }

  TEST_CASE("glyphs: steps 1-9 then letters; the current spot")
  {
    CHECK(step_glyph(1) == "1");
    CHECK(step_glyph(9) == "9");
    CHECK(step_glyph(10) == "a");
    CHECK(step_glyph(40) == "+");
    CHECK(current_spot_glyph(false) == "@");
    CHECK(text::display_width(current_spot_glyph(true)) == 1);
  }
}
