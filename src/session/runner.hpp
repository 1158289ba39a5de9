#pragma once

#include "session/clock.hpp"
#include "session/engine.hpp"
#include "session/ports.hpp"

namespace knotrelief::session {

enum class Outcome
{
  completed,
  quit,
  interrupted
};

struct RunResult
{
  Outcome outcome = Outcome::completed;
  int signal = 0; // the signal number, when interrupted
  Millis active{0};
  std::size_t steps_completed = 0;
  std::size_t steps_total = 0;
};

// Drives a session to its end: asks the engine what to show, shows it,
// fires cues, and sleeps in `input` until the display next changes or a
// command comes.
RunResult run_session(Engine& engine,
                      const Clock& clock,
                      Input& input,
                      Display& display,
                      Cues& cues);

inline constexpr Millis adjust_step{10'000};

} // namespace knotrelief::session
