#include "term/raw_mode.hpp"

#include <unistd.h>

namespace knotrelief::term {

RawMode::RawMode(int fd)
  : m_fd(fd)
{
  m_saved = ::isatty(fd) && ::tcgetattr(fd, &m_original) == 0;
  enter();
}

RawMode::~RawMode()
{
  restore();
}

void RawMode::enter()
{
  if (!m_saved || m_active) {
    return;
  }
  termios raw = m_original;
  raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
  // Without IXON, Ctrl-S is an ordinary key: with it, the terminal would
  // stop our output while the timer runs on, a frozen screen.
  raw.c_iflag &= static_cast<tcflag_t>(~IXON);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  m_active = ::tcsetattr(m_fd, TCSAFLUSH, &raw) == 0;
}

void RawMode::restore()
{
  if (m_active) {
    ::tcsetattr(m_fd, TCSAFLUSH, &m_original);
    m_active = false;
  }
}

} // namespace knotrelief::term
