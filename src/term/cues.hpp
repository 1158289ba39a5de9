#pragma once

#include "session/ports.hpp"
#include "term/displays.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace knotrelief::term {

// Speaks through espeak-ng, started without a shell and never waited for:
// a new phrase cuts off one still being spoken (SIGTERM), and a speaker that
// ignores SIGTERM gets SIGKILL once `grace` has passed. Each speaker leads a
// process group that is signalled whole, so what it starts goes with it.
// Speakers are reaped without blocking as phrases come, and killed when the
// Voice ends, so speech can never hold up the timer or outlive the session.
class Voice
{
public:
  explicit Voice(std::string program,
                 std::chrono::milliseconds grace = std::chrono::seconds(1))
    : m_program(std::move(program))
    , m_grace(grace)
  {}
  ~Voice();
  Voice(const Voice&) = delete;
  Voice& operator=(const Voice&) = delete;

  void say(const std::string& text);

  // Speakers started and not yet reaped (for tests).
  std::size_t speakers() const { return m_speakers.size(); }

private:
  struct Speaker
  {
    pid_t pid = -1;
    std::optional<std::chrono::steady_clock::time_point> told_to_stop;
  };

  void reap();
  void start(const std::string& phrase);

  std::string m_program;
  std::chrono::milliseconds m_grace;
  std::vector<Speaker> m_speakers;
  std::vector<pid_t> m_orphans; // groups whose leader ended, not yet empty
};

// Where `name` is on `path_variable` ($PATH; when unset, /usr/bin:/bin).
// Only absolute entries count: an empty or relative entry would run a
// program from whatever folder the user happens to be in.
std::optional<std::string> find_program(
  const std::string& name,
  const std::optional<std::string>& path_variable);

// Bell at every change of segment and on the 3-2-1 before a change of side;
// spoken segment names, countdowns and movement numbers with a voice.
class TerminalCues : public session::Cues
{
public:
  TerminalCues(Output& out, bool bell, Voice* voice);

  void segment_started(const session::Frame& frame) override;
  void countdown(int seconds_left) override;
  void movement(int number) override;
  void halfway(const session::Frame& frame) override;

private:
  Output& m_out;
  bool m_bell;
  Voice* m_voice;
};

} // namespace knotrelief::term
