#include "term/session_terminal.hpp"

#include <unistd.h>

namespace knotrelief::term {

std::unique_ptr<session::Display> make_display(const TerminalTraits& traits,
                                               Output& out,
                                               RawMode* raw,
                                               Speaker speak)
{
  if (traits.smart) {
    return std::make_unique<SmartDisplay>(
      out,
      raw,
      SmartDisplay::Options{.color = traits.color,
                            .unicode = traits.unicode,
                            .title = traits.title,
                            .reduce_motion = traits.reduce_motion});
  }
  return std::make_unique<PlainDisplay>(out, raw, std::move(speak));
}

SessionTerminal::SessionTerminal(const TerminalTraits& traits, Speaker speak)
  : m_raw(traits.keys ? STDIN_FILENO : -1)
  , m_out(STDOUT_FILENO)
  , m_display(make_display(traits, m_out, &m_raw, std::move(speak)))
  , m_fault_guard(
      STDIN_FILENO,
      m_raw.saved(),
      {.screen = traits.smart, .title = traits.smart && traits.title})
{}

void SessionTerminal::release()
{
  m_display->close();
  m_raw.restore();
}

} // namespace knotrelief::term
