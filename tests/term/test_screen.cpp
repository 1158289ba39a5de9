#include "support/terminal.hpp"
#include "term/screen.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using knotrelief::term::Color;
using knotrelief::term::Screen;
using knotrelief::term::Style;

namespace {

// What a screen 40 cells wide writes when `before` at (row, column) becomes
// `after`.
std::string redrawn(int column,
                    int row,
                    std::string_view before,
                    std::string_view after)
{
  Screen screen(40, row + 1, false);
  screen.put(row, column, before);
  screen.render();
  screen.clear();
  screen.put(row, column, after);
  return screen.render();
}

} // namespace

TEST_SUITE("screen")
{
  TEST_CASE("the first render clears and paints")
  {
    Screen screen(10, 2, true);
    screen.put(0, 0, "hi");
    const std::string out = screen.render();
    CHECK(out.starts_with("\x1b[0m\x1b[H\x1b[2J"));
    CHECK(out.find("\x1b[1;1Hhi") != std::string::npos);
  }

  TEST_CASE("an unchanged frame writes nothing")
  {
    Screen screen(10, 2, true);
    screen.put(0, 0, "0:45");
    screen.render();
    screen.clear();
    screen.put(0, 0, "0:45");
    CHECK(screen.render().empty());
  }

  TEST_CASE("only the changed span of a line is written")
  {
    CHECK(redrawn(2, 1, "time 0:45 left", "time 0:44 left") == "\x1b[2;11H4");
  }

  TEST_CASE("changes far apart in a line are written apart, close ones as one")
  {
    // The unchanged dots between a and b cost more than a cursor move; the
    // one between b and c less.
    CHECK(redrawn(2, 0, "a...............b.c", "A...............B.C") ==
          "\x1b[1;3HA\x1b[1;19HB.C");
  }

  TEST_CASE("styles: colour only when enabled")
  {
    Screen colored(10, 1, true);
    colored.put(0, 0, "x", Style{.bold = true, .color = Color::green});
    CHECK(colored.render().find("\x1b[0;1;32mx\x1b[0m") != std::string::npos);
    Screen plain(10, 1, false);
    plain.put(0, 0, "x", Style{.bold = true, .color = Color::green});
    const std::string out = plain.render();
    CHECK(out.find("\x1b[0;1mx") != std::string::npos);
    CHECK(out.find("32") == std::string::npos);
  }

  TEST_CASE("text is cut at the edge, UTF-8 takes one cell per code point")
  {
    Screen screen(3, 1, false);
    screen.put(0, 0, "\u2588\u2588\u2588\u2588\u2588");
    const std::string out = screen.render();
    CHECK(out.find("\u2588\u2588\u2588") != std::string::npos);
    CHECK(out.find("\u2588\u2588\u2588\u2588") == std::string::npos);
    screen.put(5, 0, "out of range"); // ignored, no crash
  }

  TEST_CASE("invalidate and resize repaint everything")
  {
    Screen screen(10, 2, false);
    screen.put(0, 0, "abc");
    screen.render();
    screen.invalidate();
    screen.clear();
    screen.put(0, 0, "abc");
    CHECK(screen.render().find("\x1b[2J") != std::string::npos);
    screen.resize(5, 1);
    CHECK(screen.columns() == 5);
    screen.put(0, 0, "abc");
    CHECK(screen.render().find("abc") != std::string::npos);
  }
}

TEST_SUITE("screen")
{
  TEST_CASE("wide characters take two cells and leave no stale cells")
  {
    // Frames that move wide, narrow and combined characters over each
    // other; after each, the terminal must show exactly the frame.
    const std::vector<std::vector<std::pair<int, std::string>>> frames{
      {{0, "\u4e2d\u6587 abc"}, {1, "e\u0301\U0001F600x"}},
      {{1, "\u4e2d\u6587 abc"}, {0, "ab\U0001F600"}},
      {{0, "a\u4e2d"}, {3, "\u6587"}},
      {{2, "xy"}},
      {{0, "\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d\u4e2d"}},
      {{0, "\u4e2d"}, {1, "z"}},
      {{5, "\x1b[2J\xc2\x9b\u202e"}},
      {{0, "ok"}},
    };
    Screen screen(9, 1, false);
    knotrelief::test::FakeTerminal terminal(9, 1);
    for (std::size_t i = 0; i < frames.size(); ++i) {
      CAPTURE(i);
      screen.clear();
      for (const auto& [column, text] : frames[i]) {
        screen.put(0, column, text);
      }
      terminal.feed(screen.render());
      CHECK(terminal.row(0) == screen.row_text(0));
      CHECK(knotrelief::text::display_width(screen.row_text(0)) == 9);
      CHECK(terminal.unexpected().empty());
    }
  }

  TEST_CASE("a wide character that does not fit the last cell is left out")
  {
    Screen screen(3, 1, false);
    screen.put(0, 0, "a\u4e2d\u6587");
    CHECK(screen.row_text(0) == "a\u4e2d");
    screen.put(0, 1, "\u6587\u4e2d");
    CHECK(screen.row_text(0) == "a\u6587");
    screen.put(0, 2, "b");
    CHECK(screen.row_text(0) == "a b");
  }

  TEST_CASE("control characters are shown, not sent")
  {
    Screen screen(40, 1, false);
    screen.put(0, 0, "a\x1b]0;title\a\xc2\x9b\u202e");
    const std::string out = screen.render();
    knotrelief::test::FakeTerminal terminal(40, 1);
    terminal.feed(out);
    CHECK(terminal.unexpected().empty());
    CHECK(screen.row_text(0).starts_with("a\\e]0;title\\x07\\x9b\\u202e "));
  }
}
