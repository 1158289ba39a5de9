#include "support/terminal.hpp"
#include "term/layout.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace knotrelief;
using knotrelief::term::Screen;

namespace {

session::Frame sample_frame()
{
  session::Frame frame;
  frame.kind = session::SegmentKind::hold;
  frame.routine_name = "Neck and upper trapezius";
  frame.step_number = 2;
  frame.step_count = 4;
  frame.headline = "Upper-trap compression";
  frame.detail = "left side";
  frame.cue = "Hook a thumb knuckle onto the top of the shoulder and press "
              "steadily into the tender spot.";
  frame.pressure = "gentle";
  frame.advice = "Start at about 20% of your pain threshold.";
  frame.breathing = "Long, slow breaths.";
  frame.remaining_seconds = 32;
  frame.length_seconds = 45;
  frame.session_remaining_seconds = 161;
  return frame;
}

// The text a terminal would show after rendering: escape codes removed.
std::string visible(Screen& screen)
{
  const std::string raw = screen.render();
  return std::regex_replace(raw, std::regex("\x1b\\[[0-9;?]*[A-Za-z]"), "\n");
}

} // namespace

TEST_SUITE("layout")
{
  TEST_CASE("the clock face: minutes and seconds, hours when needed")
  {
    CHECK(knotrelief::term::format_clock(0) == "0:00");
    CHECK(knotrelief::term::format_clock(45) == "0:45");
    CHECK(knotrelief::term::format_clock(245) == "4:05");
    CHECK(knotrelief::term::format_clock(3723) == "1:02:03");
    CHECK(knotrelief::term::format_clock(-3) == "0:00");
  }

  TEST_CASE("big clock glyphs")
  {
    const auto rows = term::big_clock("0:32", false);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == "###   ### ###");
    CHECK(rows[1] == "# # #   #   #");
    CHECK(rows[4] == "###   ### ###");
  }

  TEST_CASE("progress bar")
  {
    CHECK(term::progress_bar(0.5, 10, false) == "#####.....");
    CHECK(term::progress_bar(0.0, 4, false) == "....");
    CHECK(term::progress_bar(2.0, 4, false) == "####");
    CHECK(term::progress_bar(0.25, 4, true) == "\u2588\u2591\u2591\u2591");
  }

  TEST_CASE("a full-size terminal shows everything with a large clock")
  {
    Screen screen(80, 30, true);
    term::compose(sample_frame(), false, {.unicode = true}, screen);
    const std::string text = visible(screen);
    CHECK(text.find("Neck and upper trapezius - step 2 of 4") !=
          std::string::npos);
    CHECK(text.find("Upper-trap compression") != std::string::npos);
    CHECK(text.find("left side") != std::string::npos);
    CHECK(text.find("\u2588\u2588\u2588") != std::string::npos);
    CHECK(text.find("Pressure: gentle - Start at about 20%") !=
          std::string::npos);
    CHECK(text.find("Breathing: Long, slow breaths.") != std::string::npos);
    CHECK(text.find("Session left 2:41") != std::string::npos);
    CHECK(text.find("q quit") != std::string::npos);
  }

  TEST_CASE("a small terminal: plain clock, and the status line survives")
  {
    Screen screen(30, 10, true);
    term::compose(sample_frame(), false, {.unicode = false}, screen);
    const std::string text = visible(screen);
    CHECK(text.find("0:32") != std::string::npos);
    CHECK(text.find("# #") == std::string::npos); // no large digits
    CHECK(text.find("left 2:41") != std::string::npos);
  }

  TEST_CASE("tiny terminals still get the clock, and nothing breaks")
  {
    for (auto [columns, rows] : {std::pair{1, 1}, {5, 2}, {12, 3}, {20, 6}}) {
      CAPTURE(columns);
      Screen screen(columns, rows, true);
      term::compose(sample_frame(), false, {.unicode = true}, screen);
      const std::string text = visible(screen);
      if (columns >= 6 && rows >= 2) {
        CHECK(text.find("0:32") != std::string::npos);
      }
      if (rows >= 3 && columns >= 12) {
        CHECK(text.find("left 2:41") != std::string::npos);
      }
    }
  }

  TEST_CASE("paused, countdown and help")
  {
    Screen screen(80, 30, false);
    auto frame = sample_frame();
    frame.paused = true;
    term::compose(frame, false, {}, screen);
    CHECK(visible(screen).find("PAUSED") != std::string::npos);
    frame.paused = false;
    frame.countdown = 3;
    term::compose(frame, false, {}, screen);
    CHECK(visible(screen).find("change in 3") != std::string::npos);
    term::compose(frame, true, {}, screen);
    CHECK(visible(screen).find("ten seconds more or less") !=
          std::string::npos);
  }

  TEST_CASE("a step's halfway cue is shown once it is due, at every size")
  {
    for (const auto& [columns, rows] :
         {std::pair{80, 30}, std::pair{40, 12}, std::pair{100, 30}}) {
      CAPTURE(columns);
      CAPTURE(rows);
      Screen screen(columns, rows, false);
      auto frame = sample_frame();
      term::compose(frame, false, {}, screen);
      CHECK(visible(screen).find("other way") == std::string::npos);
      frame.halfway = "Halfway. Circle the other way now.";
      term::compose(frame, false, {}, screen);
      CHECK(visible(screen).find("other way") != std::string::npos);
    }
  }

  TEST_CASE("one second of countdown rewrites a small part of the screen")
  {
    Screen screen(80, 30, true);
    auto frame = sample_frame();
    term::compose(frame, false, {}, screen);
    const std::size_t first = screen.render().size();
    frame.remaining_seconds = 31;
    frame.session_remaining_seconds = 160;
    term::compose(frame, false, {}, screen);
    const std::size_t next = screen.render().size();
    CHECK(first > 1000);
    CHECK(next < 200);
  }

  TEST_CASE("CJK, emoji and combining marks never overflow a row")
  {
    auto frame = sample_frame();
    frame.routine_name = "\u9996\u3068\u80a9\u306e\u30b3\u30ea "
                         "\U0001F486\U0001F486 Cafe\u0301 \u4e2d\u6587";
    frame.headline = "\u50e7\u5e3d\u7b4b\u306e\u5727\u8feb "
                     "\U0001F9D8\u200d\u2640\ufe0f e\u0301e\u0301";
    frame.detail = "\u5de6\u5074";
    frame.cue = "\u89aa\u6307\u3092\u80a9\u306e\u4e0a\u306b "
                "\u304b\u3051\u3066\u3001\u75db\u3044\u6240\u3092 "
                "\u3086\u3063\u304f\u308a\u62bc\u3059\u3002 "
                "\U0001F600\U0001F600\U0001F600 n\u0303a\u0308o\u0301";
    frame.advice = "\u75db\u307f\u306e\u0032\u0030\uff05\u307e\u3067";
    frame.breathing = "\u3086\u3063\u304f\u308a \U0001F32C\ufe0f";
    for (auto [columns, rows] :
         {std::pair{80, 30}, {41, 24}, {25, 12}, {13, 5}, {7, 3}, {3, 2}}) {
      CAPTURE(columns);
      Screen screen(columns, rows, true);
      knotrelief::test::FakeTerminal terminal(columns, rows);
      // Twice, the second frame a second later: no stale cells either.
      for (int second : {32, 31}) {
        frame.remaining_seconds = second;
        term::compose(frame, false, {.unicode = true}, screen);
        terminal.feed(screen.render());
        CHECK(terminal.unexpected().empty());
        for (int row = 0; row < rows; ++row) {
          CAPTURE(row);
          CHECK(text::display_width(screen.row_text(row)) ==
                static_cast<std::size_t>(columns));
          CHECK(terminal.row(row) == screen.row_text(row));
        }
      }
    }
    Screen screen(80, 30, true);
    term::compose(frame, false, {.unicode = true}, screen);
    CHECK(visible(screen).find("\u9996\u3068\u80a9") != std::string::npos);
  }
}
