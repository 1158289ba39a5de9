#include "util/process.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace knotrelief;
using namespace std::chrono_literals;

namespace {

// True while `pid` is a live process (not gone, not a zombie).
bool alive(const std::string& pid)
{
  std::ifstream stat("/proc/" + pid + "/stat");
  std::string number, name, state;
  return stat >> number >> name >> state && state != "Z";
}

std::chrono::milliseconds time_of(auto&& action)
{
  const auto start = std::chrono::steady_clock::now();
  action();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
    std::chrono::steady_clock::now() - start);
}

} // namespace

TEST_SUITE("process")
{
  TEST_CASE("a program's output and exit status are collected")
  {
    const auto result =
      run_program("/bin/sh", {"-c", "echo out; echo err >&2; exit 3"}, 5s);
    CHECK(result.started);
    CHECK_FALSE(result.timed_out);
    CHECK(result.status == 3);
    CHECK(result.out == "out\n");
    CHECK(result.err == "err\n");
  }

  TEST_CASE("a program that cannot be run says why")
  {
    const auto result = run_program("/nonexistent/notify-send", {}, 5s);
    CHECK_FALSE(result.started);
    CHECK(result.error == "No such file or directory");
  }

  TEST_CASE("the time limit holds whatever the program does")
  {
    ProgramResult result;
    SUBCASE("it closes its output and goes on running")
    {
      const auto took = time_of([&] {
        result = run_program(
          "/bin/sh", {"-c", "exec >&- 2>&- </dev/null; sleep 30"}, 300ms);
      });
      CHECK(result.timed_out);
      CHECK(took < 5s);
    }
    SUBCASE("it leaves a child holding the pipes: the child is killed too")
    {
      const auto took = time_of([&] {
        result =
          run_program("/bin/sh", {"-c", "sleep 30 & echo $!; wait"}, 300ms);
      });
      CHECK(result.timed_out);
      CHECK(took < 5s);
      const std::string child = result.out.substr(0, result.out.find('\n'));
      REQUIRE_FALSE(child.empty());
      for (int i = 0; i < 100 && alive(child); ++i) {
        std::this_thread::sleep_for(10ms);
      }
      CHECK_FALSE(alive(child));
    }
  }
}
