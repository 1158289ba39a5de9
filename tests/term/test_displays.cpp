#include "term/displays.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <functional>
#include <string>
#include <unistd.h>

using namespace knotrelief;
using term::SmartDisplay;

namespace {

session::Frame hold_frame()
{
  session::Frame frame;
  frame.routine_name = "Neck";
  frame.headline = "Press \x1b]2;evil\x07";
  frame.remaining_seconds = 32;
  frame.length_seconds = 45;
  return frame;
}

// The bytes a SmartDisplay writes for `show` and its close().
std::string written(SmartDisplay::Options options,
                    const std::function<void(SmartDisplay&)>& show)
{
  int fds[2];
  REQUIRE(::pipe2(fds, O_NONBLOCK) == 0);
  {
    term::Output out(fds[1]);
    SmartDisplay display(out, nullptr, options);
    show(display);
    display.close();
  }
  std::string bytes;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  ::close(fds[1]);
  return bytes;
}

std::size_t count(const std::string& text, const std::string& part)
{
  std::size_t found = 0;
  for (auto at = text.find(part); at != std::string::npos;
       at = text.find(part, at + 1)) {
    ++found;
  }
  return found;
}

const std::string save_title = "\x1b[22;0t";
const std::string restore_title = "\x1b[23;0t";

} // namespace

TEST_SUITE("displays")
{
  TEST_CASE("--title: saved, set while the time changes, restored on close")
  {
    const std::string bytes =
      written({.title = true}, [](SmartDisplay& display) {
        auto frame = hold_frame();
        display.show(frame, false);
        display.show(frame, false); // the same title is not sent again
        frame.remaining_seconds = 31;
        display.show(frame, false);
      });
    CHECK(bytes.starts_with("\x1b[?1049h\x1b[?25l" + save_title));
    CHECK(count(bytes, "\x1b]2;") == 2);
    // The routine's text is shown, never sent: no BEL, no OSC inside.
    CHECK(bytes.find("\x1b]2;0:32 Press \\e]2;evil\\x07\x1b\\") !=
          std::string::npos);
    CHECK(bytes.find("\x1b]2;0:31 Press") != std::string::npos);
    CHECK(bytes.find('\x07') == std::string::npos);
    CHECK(bytes.ends_with(restore_title + "\x1b[0m\x1b[?25h\x1b[?1049l"));
  }

  TEST_CASE("--title: a suspend restores the title, going on sets it again")
  {
    const std::string bytes =
      written({.title = true}, [](SmartDisplay& display) {
        display.show(hold_frame(), false);
        display.close(); // as suspend() does before stopping
        display.show(hold_frame(), false);
      });
    CHECK(count(bytes, save_title) == 2);
    CHECK(count(bytes, restore_title) == 2);
    CHECK(count(bytes, "\x1b]2;0:32") == 2);
  }

  TEST_CASE("without --title the window title is left alone")
  {
    const std::string bytes = written(
      {}, [](SmartDisplay& display) { display.show(hold_frame(), false); });
    CHECK(bytes.find("\x1b]") == std::string::npos);
    CHECK(bytes.find(save_title) == std::string::npos);
    CHECK(bytes.find(restore_title) == std::string::npos);
  }
}
