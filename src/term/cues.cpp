#include "term/cues.hpp"

#include <fmt/format.h>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace knotrelief::term {

Voice::~Voice()
{
  reap();
}

void Voice::reap()
{
  if (m_speaking > 0 && ::waitpid(m_speaking, nullptr, WNOHANG) != 0) {
    m_speaking = -1;
  }
}

void Voice::say(const std::string& text)
{
  reap();
  if (m_speaking > 0) {
    ::kill(m_speaking, SIGTERM);
    ::waitpid(m_speaking, nullptr, 0);
    m_speaking = -1;
  }
  // Text starting with '-' would read as an option.
  const std::string phrase =
    text.substr(std::min(text.find_first_not_of("- "), text.size()));
  if (phrase.empty()) {
    return;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::string program = m_program;
  std::string speed = "-s";
  std::string words_per_minute = "150";
  std::string copy = phrase;
  char* argv[] = {program.data(),
                  speed.data(),
                  words_per_minute.data(),
                  copy.data(),
                  nullptr};
  pid_t pid = -1;
  if (::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ) ==
      0) {
    m_speaking = pid;
  }
  posix_spawn_file_actions_destroy(&actions);
}

std::optional<std::string> find_program(const std::string& name,
                                        const std::string& path_variable)
{
  std::size_t start = 0;
  while (start <= path_variable.size()) {
    std::size_t end = path_variable.find(':', start);
    if (end == std::string::npos) {
      end = path_variable.size();
    }
    const std::string folder = path_variable.substr(start, end - start);
    const std::string candidate = (folder.empty() ? "." : folder) + "/" + name;
    struct stat info
    {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

TerminalCues::TerminalCues(Output& out, bool bell, Voice* voice)
  : m_out(out)
  , m_bell(bell)
  , m_voice(voice)
{}

void TerminalCues::segment_started(const session::Frame& frame)
{
  if (m_bell && frame.segment_index > 0) {
    m_out.write("\a");
  }
  if (m_voice) {
    m_voice->say(session::announcement(frame));
  }
}

void TerminalCues::countdown(int seconds_left)
{
  if (m_bell) {
    m_out.write("\a");
  }
  if (m_voice) {
    m_voice->say(fmt::format("{}", seconds_left));
  }
}

void TerminalCues::movement(int number)
{
  if (m_voice) {
    m_voice->say(fmt::format("{}", number));
  }
}

} // namespace knotrelief::term
