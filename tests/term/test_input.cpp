#include "term/input.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

using knotrelief::session::Command;
using knotrelief::session::SteadyClock;
using knotrelief::term::escape_timeout;
using knotrelief::term::SignalPipe;
using knotrelief::term::TerminalInput;
using namespace std::chrono_literals;

namespace {

// Keys written into a pipe, read by a TerminalInput on a real clock.
struct PipeInput
{
  PipeInput()
    : input(init(), signals, clock)
  {}
  ~PipeInput()
  {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  PipeInput(const PipeInput&) = delete;
  PipeInput& operator=(const PipeInput&) = delete;

  int init()
  {
    REQUIRE(::pipe(fds) == 0);
    return fds[0];
  }
  void type(std::string_view bytes)
  {
    REQUIRE(::write(fds[1], bytes.data(), bytes.size()) ==
            static_cast<ssize_t>(bytes.size()));
  }

  int fds[2] = {-1, -1};
  SteadyClock clock;
  SignalPipe signals{std::vector<int>{}};
  TerminalInput input;
};

} // namespace

TEST_SUITE("input")
{
  TEST_CASE("input: a lone Esc quits once no byte follows it in time")
  {
    PipeInput keys;
    keys.type("\x1b");
    const auto start = keys.clock.now();
    const auto event = keys.input.wait(start + 5s);
    const auto waited = keys.clock.now() - start;
    REQUIRE(event);
    CHECK(event->command == Command::quit);
    CHECK(waited >= escape_timeout);
    CHECK(waited < 2s);
    CHECK(keys.input.wake_ups() <= 3); // slept, did not spin
  }

  TEST_CASE("input: an escape sequence split between reads is not Esc")
  {
    PipeInput keys;
    keys.type("\x1b");
    // The deadline comes first: wait() returns then, the ESC kept.
    CHECK_FALSE(keys.input.wait(keys.clock.now() + 5ms));
    keys.type("[A");
    CHECK_FALSE(keys.input.wait(keys.clock.now() + 4 * escape_timeout));
    keys.type("q");
    const auto event = keys.input.wait(keys.clock.now() + 5s);
    REQUIRE(event);
    CHECK(event->command == Command::quit);
  }

  TEST_CASE("input: an unfinished sequence neither quits nor spins")
  {
    PipeInput keys;
    keys.type("\x1b[1;");
    const auto start = keys.clock.now();
    CHECK_FALSE(keys.input.wait(start + 4 * escape_timeout));
    CHECK(keys.clock.now() - start >= 4 * escape_timeout);
    CHECK(keys.input.wake_ups() <= 4);
  }
}
