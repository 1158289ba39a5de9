#pragma once

#include "session/runner.hpp"
#include "term/displays.hpp"

#include <optional>
#include <string>
#include <sys/types.h>

namespace knotrelief::term {

// Speaks through espeak-ng, started without a shell and never waited for:
// a new phrase cuts off one still being spoken, so speech never holds up
// the timer.
class Voice
{
public:
  explicit Voice(std::string program)
    : m_program(std::move(program))
  {}
  ~Voice();
  Voice(const Voice&) = delete;
  Voice& operator=(const Voice&) = delete;

  void say(const std::string& text);

private:
  void reap();

  std::string m_program;
  pid_t m_speaking = -1;
};

// The espeak-ng program found in `path_variable` ($PATH), if any.
std::optional<std::string> find_program(const std::string& name,
                                        const std::string& path_variable);

// Bell at every change of segment and on the 3-2-1 before a change of side;
// spoken segment names, countdowns and movement numbers with a voice.
class TerminalCues : public session::Cues
{
public:
  TerminalCues(Output& out, bool bell, Voice* voice);

  void segment_started(const session::Frame& frame) override;
  void countdown(int seconds_left) override;
  void movement(int number) override;

private:
  Output& m_out;
  bool m_bell;
  Voice* m_voice;
};

} // namespace knotrelief::term
