#include "term/keys.hpp"

#include <doctest/doctest.h>

using knotrelief::session::Command;
using knotrelief::term::decode_keys;

TEST_SUITE("keys")
{
  TEST_CASE("single keys")
  {
    CHECK(decode_keys(" ") == std::vector{Command::toggle_pause});
    CHECK(decode_keys("n") == std::vector{Command::next});
    CHECK(decode_keys("b") == std::vector{Command::back});
    CHECK(decode_keys("+") == std::vector{Command::more_time});
    CHECK(decode_keys("-") == std::vector{Command::less_time});
    CHECK(decode_keys("q") == std::vector{Command::quit});
    CHECK(decode_keys("?") == std::vector{Command::toggle_help});
    CHECK(decode_keys("\x1b") == std::vector{Command::quit});
  }

  TEST_CASE("several keys in one read")
  {
    CHECK(decode_keys("n n") ==
          std::vector{Command::next, Command::toggle_pause, Command::next});
  }

  TEST_CASE("escape sequences are dropped, not read as Esc")
  {
    CHECK(decode_keys("\x1b[A\x1b[B\x1b[C\x1b[D").empty());      // arrows
    CHECK(decode_keys("\x1bOP").empty());                        // F1
    CHECK(decode_keys("\x1b[15~").empty());                      // F5
    CHECK(decode_keys("\x1b[1;5A").empty());                     // Ctrl-Up
    CHECK(decode_keys("\x1b[Aq") == std::vector{Command::quit}); // then q
    CHECK(decode_keys("\x1bx").empty());                         // Alt-x
  }

  TEST_CASE("other keys and bytes are ignored")
  {
    CHECK(decode_keys("xyz\r\n\t\x01").empty());
    CHECK(decode_keys("\xc3\xa9").empty());
  }
}
