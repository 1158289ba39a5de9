#include "term/prompt.hpp"

#include "term/job_control.hpp"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace knotrelief::term {

PromptResult read_line(int fd, SignalPipe& signals, std::size_t max_bytes)
{
  PromptResult result;
  while (true) {
    pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {fd, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      result.end = PromptEnd::end_of_input;
      return result;
    }
    if (fds[0].revents != 0) {
      if (auto number = signals.take()) {
        // A resize or a continue while typing changes nothing.
        if (*number == SIGWINCH || *number == SIGCONT) {
          continue;
        }
        if (*number == SIGTSTP) {
          if (!job_control_available()) {
            continue; // a stop would be for good: the question stays
          }
          SignalPipe::stop_process();
          result.end = PromptEnd::suspended;
          result.line.clear();
          return result;
        }
        result.end = PromptEnd::signalled;
        result.signal = *number;
        return result;
      }
    }
    if (fds[1].revents != 0) {
      char c = 0;
      const ssize_t n = ::read(fd, &c, 1);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        result.end = PromptEnd::end_of_input;
        return result;
      }
      if (c == '\n') {
        return result;
      }
      if (result.too_long || result.line.size() >= max_bytes) {
        result.too_long = true;
        result.line.clear();
      } else {
        result.line += c;
      }
    }
  }
}

std::optional<std::string> pain_score_error(const std::string& text)
{
  if (text.empty()) {
    return std::nullopt;
  }
  const bool digits = text.size() <= 2 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(text) > 10) {
    return "please give a number from 0 (none) to 10 (worst), or press Enter "
           "to skip";
  }
  return std::nullopt;
}

} // namespace knotrelief::term
