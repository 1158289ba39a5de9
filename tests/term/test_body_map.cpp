#include "routine/builtin.hpp"
#include "term/body_map.hpp"
#include "term/displays.hpp"
#include "term/layout.hpp"
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

  TEST_CASE("colour marks keep their glyph, and without colour no style is set")
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

  TEST_CASE("glyphs: steps 1-9 then letters, and the current spot")
  {
    CHECK(step_glyph(1) == "1");
    CHECK(step_glyph(9) == "9");
    CHECK(step_glyph(10) == "a");
    CHECK(step_glyph(40) == "+");
    CHECK(current_spot_glyph(false) == "@");
    CHECK(text::display_width(current_spot_glyph(true)) == 1);
  }
}

TEST_SUITE("body map in the run screen")
{
  session::Frame spot_frame(routine::Side side)
  {
    session::Frame frame;
    frame.routine_name = "Spot press";
    frame.headline = "Upper-trap press";
    frame.detail = "left side";
    frame.cue = "Press the top of the shoulder.";
    frame.remaining_seconds = 20;
    frame.length_seconds = 20;
    frame.spots = {"upper-trapezius"};
    frame.side = side;
    return frame;
  }

  bool shows_map(const Screen& screen)
  {
    for (int row = 0; row < screen.rows(); ++row) {
      if (screen.row_text(row).find("FRONT") != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  TEST_CASE("a sweep from 20x8 to 300x100: the map only from 100x30, never "
            "past the width")
  {
    const LayoutOptions options{.unicode = true, .spots = &spots()};
    for (int columns = 20; columns <= 300; columns += 7) {
      for (int rows = 8; rows <= 100; rows += 6) {
        CAPTURE(columns);
        CAPTURE(rows);
        Screen screen(columns, rows, true);
        compose(spot_frame(routine::Side::left), false, options, screen);
        CHECK(shows_map(screen) ==
              (columns >= map_min_columns && rows >= map_min_rows));
        for (int row = 0; row < rows; ++row) {
          CHECK(text::display_width(screen.row_text(row)) <=
                static_cast<std::size_t>(columns));
        }
      }
    }
  }

  TEST_CASE(
    "the mark is on the side being worked, and without spots there is no map")
  {
    const LayoutOptions options{.unicode = false, .spots = &spots()};
    Screen left(120, 40, false);
    compose(spot_frame(routine::Side::left), false, options, left);
    Screen right(120, 40, false);
    compose(spot_frame(routine::Side::right), false, options, right);
    const routine::Spot& trap = *spots().find("upper-trapezius");
    const auto column = [&](routine::Side side) {
      return 120 - 1 - (2 * spots().outline.width() + map_gap) +
             spots().outline.width() + map_gap +
             routine::spot_cell(trap, spots().outline, side).column;
    };
    const int row = 2 + trap.cell.row;
    CHECK(left.row_text(row).substr(
            static_cast<std::size_t>(column(routine::Side::left)), 1) == "@");
    CHECK(right.row_text(row).substr(
            static_cast<std::size_t>(column(routine::Side::right)), 1) == "@");
    CHECK(left.row_text(row).find('@') == right.row_text(row).find('@') - 6);

    session::Frame none = spot_frame(routine::Side::left);
    none.spots.clear();
    Screen plain(120, 40, false);
    compose(none, false, options, plain);
    CHECK_FALSE(shows_map(plain));
  }
}

TEST_SUITE("body map in the plain layout")
{
  TEST_CASE("the plain line names the spots and the side in words")
  {
    session::Frame frame;
    frame.headline = "Press";
    frame.detail = "right side";
    frame.cue = "Press.";
    frame.length_seconds = 20;
    frame.spots = {"upper-trapezius", "scalenes"};
    frame.side = routine::Side::right;
    CHECK(plain_line(frame) ==
          "Step 1 of 1, right side: Press, 20 seconds. Press. Spot: Upper "
          "trapezius and Scalenes, right side.");
    frame.spots.clear();
    CHECK(plain_line(frame) ==
          "Step 1 of 1, right side: Press, 20 seconds. Press.");
  }
}
