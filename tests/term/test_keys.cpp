#include "term/keys.hpp"

#include <doctest/doctest.h>

#include <string>

using knotrelief::session::Command;
using knotrelief::term::decode_keys;
using knotrelief::term::KeyDecoder;

namespace {

using Commands = std::vector<Command>;

void append(Commands& to, const Commands& more)
{
  to.insert(to.end(), more.begin(), more.end());
}

// The commands of `bytes` read in two pieces, cut at `cut`, then a pause.
Commands decode_split(const std::string& bytes, std::size_t cut)
{
  KeyDecoder decoder;
  Commands commands = decoder.feed(std::string_view(bytes).substr(0, cut));
  append(commands, decoder.feed(std::string_view(bytes).substr(cut)));
  append(commands, decoder.flush());
  return commands;
}

// The commands of `bytes` read one byte at a time, then a pause.
Commands decode_bytewise(const std::string& bytes)
{
  KeyDecoder decoder;
  Commands commands;
  for (char c : bytes) {
    append(commands, decoder.feed(std::string_view(&c, 1)));
  }
  append(commands, decoder.flush());
  return commands;
}

std::string repeat(const std::string& bytes, int times)
{
  std::string all;
  for (int i = 0; i < times; ++i) {
    all += bytes;
  }
  return all;
}

struct Split
{
  const char* name;
  std::string bytes;
  Commands commands;
};

} // namespace

TEST_SUITE("keys")
{
  TEST_CASE("single keys")
  {
    CHECK(decode_keys(" ") == std::vector{Command::toggle_pause});
    CHECK(decode_keys("p") == std::vector{Command::toggle_pause});
    CHECK(decode_keys("P") == std::vector{Command::toggle_pause});
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

  TEST_CASE("an escape sequence split between reads is not Esc")
  {
    const std::vector<Split> table = {
      {"arrow", "\x1b[A", {}},
      {"four arrows", "\x1b[A\x1b[B\x1b[C\x1b[D", {}},
      {"F1 (SS3)", "\x1bOP", {}},
      {"F5", "\x1b[15~", {}},
      {"Ctrl-Up", "\x1b[1;5A", {}},
      {"mouse wheel (SGR)", "\x1b[<65;40;12M", {}},
      {"Alt-x", "\x1bx", {}},
      {"keys around a sequence", "n\x1b[Aq", {Command::next, Command::quit}},
      {"space between arrows", "\x1b[A \x1b[B", {Command::toggle_pause}},
      {"Esc after a sequence", "\x1b[A\x1b", {Command::quit}},
      {"300 Up arrows", repeat("\x1b[A", 300), {}},
    };
    for (const Split& row : table) {
      for (std::size_t cut = 0; cut <= row.bytes.size(); ++cut) {
        CAPTURE(row.name);
        CAPTURE(cut);
        CHECK(decode_split(row.bytes, cut) == row.commands);
      }
      CAPTURE(row.name);
      CHECK(decode_bytewise(row.bytes) == row.commands);
    }
  }

  TEST_CASE("a lone Esc waits for the next byte, then quits on flush")
  {
    KeyDecoder decoder;
    CHECK(decoder.feed("n\x1b") == std::vector{Command::next});
    CHECK(decoder.pending());
    CHECK(decoder.flush() == std::vector{Command::quit});
    CHECK_FALSE(decoder.pending());
    CHECK(decoder.flush().empty());
    CHECK(decoder.feed("\x1b").empty());
    CHECK(decoder.feed("[A").empty()); // the rest came: an arrow
    CHECK_FALSE(decoder.pending());
    CHECK(decoder.flush().empty());
  }

  TEST_CASE("an unfinished sequence is dropped on flush, not read as Esc")
  {
    for (const char* start : {"\x1b[", "\x1b[1;", "\x1bO"}) {
      CAPTURE(start);
      KeyDecoder decoder;
      CHECK(decoder.feed(start).empty());
      CHECK(decoder.pending());
      CHECK(decoder.flush().empty());
      CHECK(decoder.feed("q") == std::vector{Command::quit});
    }
  }

  TEST_CASE("a control byte or an endless sequence ends a sequence")
  {
    KeyDecoder decoder;
    // ESC [ cut short by Ctrl-L: the Ctrl-L is a key of its own.
    CHECK(decoder.feed("\x1b[\x0c") == std::vector{Command::redraw});
    // Parameters without end are not kept forever.
    CHECK(decoder.feed("\x1b[" + repeat("1", 1000)).empty());
    CHECK_FALSE(decoder.pending());
  }
}
