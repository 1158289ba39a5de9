#include "term/big_text.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using knotrelief::term::big_text;
using knotrelief::term::big_text_height;
using knotrelief::term::big_text_width;
using knotrelief::term::BigScale;
using knotrelief::term::largest_big_scale;

TEST_SUITE("big text")
{
  TEST_CASE("each pixel of the font becomes a block of cells")
  {
    const auto rows = big_text("1/", BigScale{.columns = 2, .rows = 3}, false);
    REQUIRE(rows.size() == 15);
    CHECK(big_text_height(BigScale{.columns = 2, .rows = 3}) == 15);
    // "  #" + gap + "  #" at 2 cells a pixel.
    CHECK(rows[0] == "    ##      ##");
    CHECK(rows[2] == rows[0]);
    CHECK(rows[6] == "    ##    ##  "); // the slash's middle
    CHECK(rows[14] == "    ##  ##    ");
  }

  TEST_CASE("widths: three pixels a digit, one a colon or space, one between")
  {
    CHECK(big_text_width("0:32", BigScale{}) == 13);
    CHECK(big_text_width("4 / 10", BigScale{}) == 19);
    CHECK(big_text_width("1:02:03", BigScale{.columns = 3, .rows = 2}) == 69);
    CHECK(big_text_width("", BigScale{}) == 0);
    for (const char* text : {"0:32", "4 / 10"}) {
      for (const auto& row : big_text(text, BigScale{.columns = 2}, true)) {
        // U+2588 is three bytes; a space one.
        std::size_t cells = 0;
        for (std::size_t i = 0; i < row.size(); i += row[i] == ' ' ? 1 : 3) {
          ++cells;
        }
        CHECK(cells == static_cast<std::size_t>(
                         big_text_width(text, BigScale{.columns = 2})));
      }
    }
  }

  TEST_CASE("the largest scale: as tall as fits, then up to square pixels")
  {
    struct Case
    {
      int columns;
      int rows;
      std::optional<BigScale> scale;
    };
    for (const Case& c : std::vector<Case>{
           {78, 15, BigScale{.columns = 4, .rows = 3}}, // 1.5 x as wide
           {98, 20, BigScale{.columns = 6, .rows = 4}},
           {200, 10, BigScale{.columns = 3, .rows = 2}},
           {40, 50, BigScale{.columns = 3, .rows = 3}}, // width limits both
           {13, 5, BigScale{.columns = 1, .rows = 1}},
           {12, 30, std::nullopt}, // too narrow
           {80, 4, std::nullopt},  // too short
         }) {
      CAPTURE(c.columns);
      CAPTURE(c.rows);
      CHECK(largest_big_scale("0:32", c.columns, c.rows) == c.scale);
    }
  }
}
