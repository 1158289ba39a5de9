#include "term/displays.hpp"
#include "term/layout.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace knotrelief;
using session::SegmentKind;
using term::PlainDisplay;

namespace {

session::Frame hold_frame()
{
  session::Frame frame;
  frame.segment_index = 1;
  frame.kind = SegmentKind::hold;
  frame.step_number = 1;
  frame.step_count = 2;
  frame.headline = "Upper-trap compression";
  frame.detail = "left side";
  frame.side = routine::Side::left;
  frame.cue = "Press gently into the tender spot.";
  frame.pressure = "gentle";
  frame.remaining_seconds = 30;
  frame.length_seconds = 30;
  frame.session_remaining_seconds = 70;
  return frame;
}

// A 30 s hold shown second by second, then the next segment, with a pause,
// the keys and a resumption on the way; what was printed and what was said.
struct Shown
{
  std::string printed;
  std::vector<std::string> said;
};

Shown show_a_hold(session::Frame frame)
{
  int fds[2];
  REQUIRE(::pipe2(fds, O_NONBLOCK) == 0);
  Shown shown;
  {
    term::Output out(fds[1]);
    PlainDisplay display(out, nullptr, [&](const std::string& line) {
      shown.said.push_back(line);
    });
    for (int left = frame.length_seconds; left > 0; --left) {
      frame.remaining_seconds = left;
      frame.countdown = left <= 3 ? left : 0;
      frame.paused = left == 20;
      display.show(frame, left == 25);
    }
    frame.segment_index += 1;
    frame.kind = SegmentKind::switch_side;
    frame.headline = "Switch to the right side";
    frame.detail = "release slowly, then change sides";
    frame.length_seconds = frame.remaining_seconds = 5;
    frame.countdown = 0;
    display.show(frame, false);
  }
  char buffer[8192];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    shown.printed.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  ::close(fds[1]);
  return shown;
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

} // namespace

TEST_SUITE("plain display")
{
  TEST_CASE("a 30 s hold as lines: start, keys, pause, halfway, 10 s, 3-2-1")
  {
    const Shown shown = show_a_hold(hold_frame());
    const std::vector<std::string> expected{
      "Step 1 of 2, left side: Upper-trap compression, 30 seconds. Press "
      "gently into the tender spot. Pressure: gentle.",
      "Keys: space or p pauses and goes on, n next, b back, plus adds 10 "
      "seconds, minus takes 10 off, q quits, question mark repeats this.",
      "Keys: space or p pauses and goes on, n next, b back, plus adds 10 "
      "seconds, minus takes 10 off, q quits, question mark repeats this.",
      "Paused. Press space to go on.",
      "Going on.",
      "Halfway, 15 seconds left.",
      "10 seconds left.",
      "3, 2, 1.",
      "Switch to the right side, release slowly, then change sides, 5 "
      "seconds."};
    CHECK(lines_of(shown.printed) == expected);
    CHECK(shown.printed.find('\x1b') == std::string::npos);
  }

  TEST_CASE("--voice with plain lines: the spoken words are the printed ones")
  {
    const Shown shown = show_a_hold(hold_frame());
    CHECK(shown.said == lines_of(shown.printed));
    CHECK(shown.said.size() == 9);
  }

  TEST_CASE("text from a routine file is printed and said printable only")
  {
    auto frame = hold_frame();
    frame.headline = "Press \x1b]2;evil\x07";
    frame.cue = "Line one\nline two\x1b[2J";
    const Shown shown = show_a_hold(frame);
    CHECK(shown.printed.find('\x1b') == std::string::npos);
    CHECK(shown.printed.find('\x07') == std::string::npos);
    CHECK(shown.printed.find("\\e]2;evil") != std::string::npos);
    CHECK(shown.said == lines_of(shown.printed));
  }

  TEST_CASE("the words of each line")
  {
    auto frame = hold_frame();
    frame.length_seconds = 95;
    frame.remaining_seconds = 47;
    CHECK(term::plain_line(frame) ==
          "Step 1 of 2, left side: Upper-trap compression, 1 minute 35 "
          "seconds. Press gently into the tender spot. Pressure: gentle.");
    CHECK(term::moment_line(session::Moment::halfway, frame) ==
          "Halfway, 47 seconds left.");
    frame.halfway = "Other way round now.";
    CHECK(term::moment_line(session::Moment::halfway, frame) ==
          "Halfway, 47 seconds left. Other way round now.");
    frame.length_seconds = 4; // a short hold: its cue only
    CHECK(term::moment_line(session::Moment::halfway, frame) ==
          "Halfway. Other way round now.");
    // A cue that says "Halfway." itself (neck, calves) is not said twice.
    frame.halfway = "Halfway. Circle the other way now.";
    CHECK(term::moment_line(session::Moment::halfway, frame) ==
          "Halfway. Circle the other way now.");
    frame.length_seconds = 95;
    CHECK(term::moment_line(session::Moment::halfway, frame) ==
          "Halfway, 47 seconds left. Circle the other way now.");
    frame.length_seconds = 4;
    frame.halfway = "Other way round now.";
    frame.remaining_seconds = 1;
    CHECK(term::moment_line(session::Moment::ten_seconds_left, frame) ==
          "1 second left.");
    frame.countdown = 2;
    CHECK(term::moment_line(session::Moment::countdown, frame) == "2, 1.");
    frame.kind = SegmentKind::count;
    frame.count = 10;
    frame.length_seconds = 60;
    frame.side = routine::Side::right;
    CHECK(term::plain_line(frame) ==
          "Step 1 of 2, right side: Upper-trap compression, 10 movements in "
          "1 minute. Press gently into the tender spot. Pressure: gentle.");
  }
}

TEST_SUITE("reduce motion")
{
  TEST_CASE("clocks in 5 s steps, rounded up")
  {
    CHECK(term::calm_seconds(0) == 0);
    CHECK(term::calm_seconds(1) == 5);
    CHECK(term::calm_seconds(5) == 5);
    CHECK(term::calm_seconds(6) == 10);
    CHECK(term::calm_seconds(44) == 45);
    auto frame = hold_frame();
    frame.remaining_seconds = 32;
    frame.session_remaining_seconds = 161;
    const auto calm = term::calm_frame(frame);
    CHECK(calm.remaining_seconds == 35);
    CHECK(calm.session_remaining_seconds == 165);
  }

  TEST_CASE("the full screen stays still between 5 s steps and tenths")
  {
    term::Screen screen(80, 30, true);
    const term::LayoutOptions calm{.reduce_motion = true};
    auto frame = hold_frame();
    frame.length_seconds = 100;
    frame.session_remaining_seconds = 200;
    std::vector<std::size_t> sent;
    for (int left = 59; left >= 50; --left) {
      frame.remaining_seconds = left;
      frame.session_remaining_seconds -= 1;
      term::compose(frame, false, calm, screen);
      sent.push_back(screen.render().size());
    }
    // 59..56 show 1:00, 55..51 show 0:55, 50 shows 0:50 (and the bar's
    // tenth, 50 % done, changes there too).
    CHECK(sent[1] == 0);
    CHECK(sent[3] == 0);
    CHECK(sent[4] > 0);
    CHECK(sent[5] == 0);
    CHECK(sent[8] == 0);
    CHECK(sent[9] > 0);
    // Without it, every second sends something.
    term::compose(frame, false, {}, screen);
    screen.render();
    frame.remaining_seconds = 49;
    term::compose(frame, false, {}, screen);
    CHECK(screen.render().size() > 0);
  }
}
