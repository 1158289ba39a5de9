#include "term/size.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

namespace knotrelief::term {

std::optional<Size> window_size(int fd)
{
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
    return std::nullopt;
  }
  return Size{size.ws_col, size.ws_row};
}

} // namespace knotrelief::term
