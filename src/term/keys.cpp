#include "term/keys.hpp"

namespace knotrelief::term {

using session::Command;

namespace {

constexpr char escape = '\x1b';

// Length of the escape sequence at bytes[0] (an ESC), or 1 for a lone Esc.
std::size_t escape_sequence_length(std::string_view bytes)
{
  if (bytes.size() < 2) {
    return 1;
  }
  const char kind = bytes[1];
  if (kind == '[' || kind == 'O') {
    // CSI/SS3: parameters, then one final byte in 0x40..0x7E.
    for (std::size_t i = 2; i < bytes.size(); ++i) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      if (c >= 0x40 && c <= 0x7E) {
        return i + 1;
      }
    }
    return bytes.size();
  }
  // Alt+key arrives as ESC followed by the key: drop both.
  return 2;
}

} // namespace

std::vector<Command> decode_keys(std::string_view bytes)
{
  std::vector<Command> commands;
  for (std::size_t i = 0; i < bytes.size();) {
    const char c = bytes[i];
    if (c == escape) {
      const std::size_t length = escape_sequence_length(bytes.substr(i));
      if (length == 1) {
        commands.push_back(Command::quit);
      }
      i += length;
      continue;
    }
    switch (c) {
      case ' ':
        commands.push_back(Command::toggle_pause);
        break;
      case 'n':
      case 'N':
        commands.push_back(Command::next);
        break;
      case 'b':
      case 'B':
        commands.push_back(Command::back);
        break;
      case '+':
      case '=':
        commands.push_back(Command::more_time);
        break;
      case '-':
      case '_':
        commands.push_back(Command::less_time);
        break;
      case 'q':
      case 'Q':
        commands.push_back(Command::quit);
        break;
      case '?':
      case 'h':
        commands.push_back(Command::toggle_help);
        break;
      case '\x0c': // Ctrl-L
        commands.push_back(Command::redraw);
        break;
      default:
        break;
    }
    ++i;
  }
  return commands;
}

} // namespace knotrelief::term
