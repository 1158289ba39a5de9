#include "term/job_control.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

using knotrelief::term::job_control_available;

namespace {

// Runs `setup` then job_control_available() in a child process (of a child
// too, when `grandchild`), and gives the answer.
template <typename Setup>
bool answer_in_child(Setup setup, bool grandchild = false)
{
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (!setup()) {
      ::_exit(2);
    }
    if (grandchild) {
      const pid_t inner = ::fork();
      if (inner < 0) {
        ::_exit(2);
      }
      if (inner == 0) {
        ::_exit(job_control_available() ? 1 : 0);
      }
      int status = 0;
      ::waitpid(inner, &status, 0);
      ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 2);
    }
    ::_exit(job_control_available() ? 1 : 0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) != 2);
  return WEXITSTATUS(status) == 1;
}

} // namespace

TEST_SUITE("job control")
{
  TEST_CASE("job control: none in the session leader's own group")
  {
    // As a tmux pane's command, `ssh -t`, setsid: nobody could `fg` us.
    CHECK_FALSE(answer_in_child([] { return ::setsid() >= 0; }));
    CHECK_FALSE(answer_in_child([] { return ::setsid() >= 0; }, true));
  }

  TEST_CASE("job control: a job made by a process of the same session")
  {
    // As a shell's job: our own group, the shell in another of the session.
    CHECK(answer_in_child([] { return ::setpgid(0, 0) == 0; }));
    // A wrapper in the job between: its parent decides.
    CHECK(answer_in_child([] { return ::setpgid(0, 0) == 0; }, true));
  }
}
