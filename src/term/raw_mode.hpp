#pragma once

#include <termios.h>

namespace knotrelief::term {

// Puts a terminal into non-canonical, no-echo mode while it lives, and
// restores the exact previous settings when it ends (or on restore()).
// Signals keys (Ctrl-C, Ctrl-Z, Ctrl-\\) keep working: ISIG stays on. Flow
// control (Ctrl-S, Ctrl-Q) is off.
class RawMode
{
public:
  explicit RawMode(int fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

  bool active() const { return m_active; }
  // The settings to restore, when the terminal's were saved.
  const termios* saved() const { return m_saved ? &m_original : nullptr; }
  void restore();
  void enter();

private:
  int m_fd;
  bool m_saved = false;
  bool m_active = false;
  termios m_original{};
};

} // namespace knotrelief::term
