#include "support/terminal.hpp"
#include "term/big_text.hpp"
#include "term/layout.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

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

// The rows of the large digits: block characters and spaces only (the
// progress bar has its light shade too).
std::vector<int> digit_rows(const Screen& screen, const std::string& block)
{
  std::vector<int> rows;
  for (int row = 0; row < screen.rows(); ++row) {
    std::string text = screen.row_text(row);
    if (text.find(block) == std::string::npos) {
      continue;
    }
    for (auto at = text.find(block); at != std::string::npos;
         at = text.find(block)) {
      text.erase(at, block.size());
    }
    if (text.find_first_not_of(' ') == std::string::npos) {
      rows.push_back(row);
    }
  }
  return rows;
}

// The first row whose text holds `part`, or -1.
int row_of(const Screen& screen, const std::string& part)
{
  for (int row = 0; row < screen.rows(); ++row) {
    if (screen.row_text(row).find(part) != std::string::npos) {
      return row;
    }
  }
  return -1;
}

std::string trimmed(std::string text)
{
  text.erase(0, text.find_first_not_of(' '));
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
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
    for (const auto& [columns, rows] : {std::pair{80, 30},
                                        std::pair{40, 12},
                                        std::pair{100, 30},
                                        std::pair{30, 8}}) {
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
    // The digits are 15 rows of up to 78 cells here: only the cells of the
    // "2" that differ from a "1" are sent, and the status line's change.
    CHECK(first > 2000);
    CHECK(next < 400);
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

  TEST_CASE("the digits take the rows the text leaves, from 5 rows up")
  {
    struct Case
    {
      int columns;
      int rows;
      int least_digit_rows; // 0: the compact layout, no large digits
    };
    for (const Case& c : std::vector<Case>{{200, 50, 15},
                                           {100, 30, 9},
                                           {80, 30, 10},
                                           {80, 24, 5},
                                           {60, 16, 0},
                                           {30, 10, 0},
                                           {23, 40, 0}}) {
      CAPTURE(c.columns);
      CAPTURE(c.rows);
      Screen screen(c.columns, c.rows, true);
      term::compose(sample_frame(), false, {.unicode = false}, screen);
      const auto digits = digit_rows(screen, "#");
      CHECK(static_cast<int>(digits.size()) >= c.least_digit_rows);
      if (c.least_digit_rows == 0) {
        CHECK(digits.empty());
        CHECK(row_of(screen, "0:32") >= 0); // the clock as one line
        continue;
      }
      // One block of rows, the cue and pressure below it.
      CHECK(digits.back() - digits.front() + 1 ==
            static_cast<int>(digits.size()));
      CHECK(row_of(screen, "Hook a thumb") > digits.back());
      CHECK(row_of(screen, "Pressure:") > digits.back());
      CHECK(row_of(screen, "Session left") == c.rows - 1);
    }
  }

  TEST_CASE("the digits are centred and the bar spans the width")
  {
    for (auto [columns, rows] :
         {std::pair{100, 30}, {200, 50}, {81, 30}, {64, 20}}) {
      CAPTURE(columns);
      Screen screen(columns, rows, false);
      term::compose(sample_frame(), false, {.unicode = false}, screen);
      const auto digits = digit_rows(screen, "#");
      REQUIRE(!digits.empty());
      int left = columns;
      int right = columns;
      for (int row : digits) {
        const std::string text = screen.row_text(row);
        left = std::min(left, static_cast<int>(text.find('#')));
        right =
          std::min(right, columns - 1 - static_cast<int>(text.rfind('#')));
      }
      CHECK(std::abs(left - right) <= 1);
      const int bar = row_of(screen, "....");
      REQUIRE(bar > digits.back());
      CHECK(trimmed(screen.row_text(bar)).size() ==
            static_cast<std::size_t>(columns - 2));
    }
  }

  TEST_CASE("a counted step shows the movement large and the seconds small")
  {
    auto frame = sample_frame();
    frame.kind = session::SegmentKind::count;
    frame.movement = 4;
    frame.count = 10;
    frame.remaining_seconds = 7;
    frame.length_seconds = 20;
    Screen screen(100, 30, false);
    term::compose(frame, false, {.unicode = false}, screen);
    const auto digits = digit_rows(screen, "#");
    REQUIRE(digits.size() >= 5);
    const int scale = static_cast<int>(digits.size()) / 5;
    bool found = false;
    for (int columns = scale; columns <= 2 * scale; ++columns) {
      const auto expected = term::big_text(
        "4 / 10", term::BigScale{.columns = columns, .rows = scale}, false);
      found = found || trimmed(screen.row_text(digits.front())) ==
                         trimmed(expected.front());
    }
    CHECK(found);
    // The seconds on a line of their own under the digits.
    const int seconds = row_of(screen, "0:07");
    CHECK(seconds > digits.back());
    CHECK(trimmed(screen.row_text(seconds)) == "0:07");
  }

  TEST_CASE("a counted step without room for digits: movement, then seconds")
  {
    auto frame = sample_frame();
    frame.kind = session::SegmentKind::count;
    frame.movement = 4;
    frame.count = 10;
    frame.remaining_seconds = 7;
    Screen screen(60, 16, false);
    term::compose(frame, false, {.unicode = false}, screen);
    CHECK(digit_rows(screen, "#").empty());
    const int movement = row_of(screen, "4 / 10");
    REQUIRE(movement >= 0);
    CHECK(row_of(screen, "0:07") == movement + 1);
    int clocks = 0;
    for (int row = 0; row < screen.rows(); ++row) {
      clocks += screen.row_text(row).find("0:07") != std::string::npos;
    }
    CHECK(clocks == 1);
  }

  TEST_CASE("colours: one for the step, one for warnings, never blue")
  {
    auto frame = sample_frame();
    std::set<std::string> colours;
    const auto collect = [&](const session::Frame& shown, int columns) {
      Screen screen(columns, 30, true);
      term::compose(shown, false, {}, screen);
      const std::string out = screen.render();
      const std::regex sgr("\x1b\\[([0-9;]*)m");
      for (auto it = std::sregex_iterator(out.begin(), out.end(), sgr);
           it != std::sregex_iterator();
           ++it) {
        std::stringstream codes((*it)[1].str());
        for (std::string code; std::getline(codes, code, ';');) {
          if (code.size() == 2 && (code[0] == '3' || code[0] == '4')) {
            colours.insert(code);
          }
        }
      }
    };
    for (auto kind : {session::SegmentKind::prepare,
                      session::SegmentKind::hold,
                      session::SegmentKind::count,
                      session::SegmentKind::rest,
                      session::SegmentKind::switch_side}) {
      frame.kind = kind;
      collect(frame, 80);
      collect(frame, 30); // compact
    }
    CHECK(colours == std::set<std::string>{"35"});
    frame.countdown = 3;
    collect(frame, 80);
    frame.paused = true;
    collect(frame, 80);
    collect(frame, 30);
    CHECK(colours == std::set<std::string>{"31", "35"});
  }

  TEST_CASE("the window title: time left and step, printable, bounded")
  {
    auto frame = sample_frame();
    CHECK(term::window_title(frame) == "0:32 Upper-trap compression");
    frame.paused = true;
    CHECK(term::window_title(frame) == "0:32 paused - Upper-trap compression");
    frame.paused = false;
    frame.headline = "Evil\x1b]2;owned\x07\u009c\x1b\\" + std::string(80, 'x');
    const std::string title = term::window_title(frame, 40);
    CHECK(text::display_width(title) <= 40);
    CHECK(title.starts_with("0:32 Evil\\e]2;owned\\x07\\x9c\\e\\"));
    for (const char c : title) {
      const auto byte = static_cast<unsigned char>(c);
      CHECK((byte >= 0x20 && byte < 0x7f));
    }
  }
}
