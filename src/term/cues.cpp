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
  for (const Speaker& speaker : m_speakers) {
    ::kill(-speaker.pid, SIGKILL);
    ::waitpid(speaker.pid, nullptr, 0); // prompt after SIGKILL
  }
  for (pid_t group : m_orphans) {
    ::kill(-group, SIGKILL);
  }
}

void Voice::reap()
{
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(m_orphans, [](pid_t group) { return ::kill(-group, 0) != 0; });
  std::erase_if(m_speakers, [&](Speaker& speaker) {
    if (::waitpid(speaker.pid, nullptr, WNOHANG) != 0) {
      // Ended; what it started may live on in its group.
      if (::kill(-speaker.pid, 0) == 0) {
        ::kill(-speaker.pid, SIGKILL);
        m_orphans.push_back(speaker.pid);
      }
      return true;
    }
    if (speaker.told_to_stop && now - *speaker.told_to_stop >= m_grace) {
      ::kill(-speaker.pid, SIGKILL);
    }
    return false;
  });
}

void Voice::say(const std::string& text)
{
  reap();
  const auto now = std::chrono::steady_clock::now();
  for (Speaker& speaker : m_speakers) {
    if (!speaker.told_to_stop) {
      ::kill(-speaker.pid, SIGTERM);
      speaker.told_to_stop = now;
    }
  }
  // Text starting with '-' would read as an option.
  const std::string phrase =
    text.substr(std::min(text.find_first_not_of("- "), text.size()));
  if (!phrase.empty()) {
    start(phrase);
  }
}

void Voice::start(const std::string& phrase)
{
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
  // Each speaker leads a process group of its own, so that whatever it
  // starts is stopped with it.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = -1;
  if (::posix_spawn(
        &pid, program.c_str(), &actions, &attributes, argv, environ) == 0) {
    m_speakers.push_back({pid, std::nullopt});
  }
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
}

std::optional<std::string> find_program(
  const std::string& name,
  const std::optional<std::string>& path_variable)
{
  const std::string path = path_variable.value_or("/usr/bin:/bin");
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string::npos) {
      end = path.size();
    }
    const std::string folder = path.substr(start, end - start);
    start = end + 1;
    if (folder.empty() || folder.front() != '/') {
      continue;
    }
    std::string candidate = folder;
    candidate += '/';
    candidate += name;
    struct stat info
    {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
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

void TerminalCues::halfway(const session::Frame& frame)
{
  if (m_bell) {
    m_out.write("\a");
  }
  if (m_voice) {
    m_voice->say(frame.halfway);
  }
}

void TerminalCues::movement(int number)
{
  if (m_voice) {
    m_voice->say(fmt::format("{}", number));
  }
}

} // namespace knotrelief::term
