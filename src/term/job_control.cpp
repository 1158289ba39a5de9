#include "term/job_control.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace knotrelief::term {

namespace {

// Far more than any real chain of wrappers in one process group.
constexpr int deepest_ancestor = 64;

// The parent of `pid`, from /proc/PID/stat (Linux): the field after the
// state, which follows the command name in parentheses.
std::optional<pid_t> parent_of(pid_t pid)
{
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  std::getline(file, stat);
  const std::size_t name_end = stat.rfind(')');
  if (name_end == std::string::npos) {
    return std::nullopt;
  }
  std::istringstream fields(stat.substr(name_end + 1));
  char state = 0;
  pid_t parent = 0;
  if (!(fields >> state >> parent)) {
    return std::nullopt;
  }
  return parent;
}

} // namespace

// The kernel lets a terminal stop (SIGTSTP) stop a process group only if the
// group is not orphaned: some member has a parent in another group of the
// same session, a job-control shell that can continue it. We decide the
// same way along our own line of ancestors, the first one outside our group:
//  - our group is the session's own (getpgrp() == getsid(0)): the session
//    leader's parent is outside the session, so nobody can continue us;
//  - the ancestor is in our session: it is the shell that made our group
//    (a job) and `fg` continues us;
//  - it is outside our session: the shell has gone and left us to init.
// Other members of our group are not looked at: a job's processes all
// descend from the one process its shell started. When we cannot tell
// (no /proc), a stop is assumed to be safe, as for any program.
bool job_control_available()
{
  const pid_t group = ::getpgrp();
  const pid_t session = ::getsid(0);
  if (group == session) {
    return false;
  }
  pid_t ancestor = ::getppid();
  for (int depth = 0; depth < deepest_ancestor && ancestor > 0; ++depth) {
    const pid_t its_group = ::getpgid(ancestor);
    if (its_group < 0) {
      break;
    }
    if (its_group != group) {
      return ::getsid(ancestor) == session;
    }
    const std::optional<pid_t> next = parent_of(ancestor);
    if (!next) {
      break;
    }
    ancestor = *next;
  }
  return true;
}

} // namespace knotrelief::term
