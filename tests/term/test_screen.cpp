#include "term/screen.hpp"

#include <doctest/doctest.h>

using knotrelief::term::Color;
using knotrelief::term::Screen;
using knotrelief::term::Style;

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
    Screen screen(20, 2, false);
    screen.put(1, 2, "time 0:45 left");
    screen.render();
    screen.clear();
    screen.put(1, 2, "time 0:44 left");
    CHECK(screen.render() == "\x1b[2;11H4");
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
