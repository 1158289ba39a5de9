#include "term/prompt.hpp"

#include <doctest/doctest.h>

#include <string>
#include <unistd.h>

using namespace knotrelief::term;

namespace {

// A pipe holding `text`, read end returned; closed for writing.
int pipe_with(const std::string& text)
{
  int fds[2] = {-1, -1};
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], text.data(), text.size()) ==
          static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  return fds[0];
}

} // namespace

TEST_SUITE("prompt")
{
  TEST_CASE("a line over the limit is refused whole, and the next is read")
  {
    SignalPipe signals({});
    const int fd = pipe_with(std::string(1500, 'x') + "\n" +
                             std::string(1000, 'y') + "\nshort\n");
    const auto long_line = read_line(fd, signals, 1000);
    CHECK(long_line.end == PromptEnd::answered);
    CHECK(long_line.too_long);
    CHECK(long_line.line.empty());
    const auto at_limit = read_line(fd, signals, 1000);
    CHECK_FALSE(at_limit.too_long);
    CHECK(at_limit.line == std::string(1000, 'y'));
    const auto short_line = read_line(fd, signals, 1000);
    CHECK(short_line.line == "short");
    CHECK(read_line(fd, signals, 1000).end == PromptEnd::end_of_input);
    ::close(fd);
  }

  TEST_CASE("a long line of multibyte characters is never cut inside one")
  {
    SignalPipe signals({});
    std::string euros;
    for (int i = 0; i < 400; ++i) {
      euros += "\u20ac"; // three bytes each: 1200 in all
    }
    const int fd = pipe_with(euros + "\n");
    const auto reply = read_line(fd, signals, 1024);
    CHECK(reply.too_long);
    CHECK(reply.line.empty());
    ::close(fd);
  }
}
