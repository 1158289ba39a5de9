#include "term/keys.hpp"

#include <optional>

namespace knotrelief::term {

using session::Command;

namespace {

constexpr char escape = '\x1b';

// A sequence longer than this is garbage, not a key: dropped rather than
// kept waiting for an end.
constexpr std::size_t longest_sequence = 64;

enum class Scan
{
  complete,   // the sequence ends after `length` bytes
  unfinished, // all of the bytes belong to a sequence that goes on
};

struct SequenceEnd
{
  Scan scan;
  std::size_t length;
};

// Where the escape sequence at bytes[0] (an ESC) ends. CSI (ESC [) and SS3
// (ESC O) take parameter bytes (0x20..0x3F), then one final byte
// (0x40..0x7E); a control byte cuts the sequence short and is a key of its
// own. ESC and any other byte is Alt+key.
SequenceEnd escape_sequence_end(std::string_view bytes)
{
  if (bytes.size() < 2) {
    return {Scan::unfinished, bytes.size()};
  }
  const char kind = bytes[1];
  if (kind != '[' && kind != 'O') {
    return {Scan::complete, 2};
  }
  for (std::size_t i = 2; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x40 && c <= 0x7E) {
      return {Scan::complete, i + 1};
    }
    if (c < 0x20 || c > 0x7E || i + 1 >= longest_sequence) {
      return {Scan::complete, i};
    }
  }
  return {Scan::unfinished, bytes.size()};
}

// The command of a key that is not part of an escape sequence.
std::optional<Command> key_command(char c)
{
  switch (c) {
    case ' ':
    case 'p':
    case 'P':
      return Command::toggle_pause;
    case 'n':
    case 'N':
      return Command::next;
    case 'b':
    case 'B':
      return Command::back;
    case '+':
    case '=':
      return Command::more_time;
    case '-':
    case '_':
      return Command::less_time;
    case 'q':
    case 'Q':
      return Command::quit;
    case '?':
    case 'h':
      return Command::toggle_help;
    case '\x0c': // Ctrl-L
      return Command::redraw;
    default:
      return std::nullopt;
  }
}

} // namespace

std::vector<Command> KeyDecoder::feed(std::string_view bytes)
{
  // A kept partial sequence goes first; it is short (longest_sequence).
  std::string joined;
  if (!m_partial.empty()) {
    joined = m_partial;
    joined.append(bytes);
    bytes = joined;
    m_partial.clear();
  }
  std::vector<Command> commands;
  for (std::size_t i = 0; i < bytes.size();) {
    if (bytes[i] != escape) {
      if (auto command = key_command(bytes[i])) {
        commands.push_back(*command);
      }
      ++i;
      continue;
    }
    const SequenceEnd end = escape_sequence_end(bytes.substr(i));
    if (end.scan == Scan::unfinished) {
      m_partial = bytes.substr(i);
      break;
    }
    i += end.length;
  }
  return commands;
}

std::vector<Command> KeyDecoder::flush()
{
  const bool lone_escape = m_partial.size() == 1;
  m_partial.clear();
  if (lone_escape) {
    return {Command::quit};
  }
  return {};
}

std::vector<Command> decode_keys(std::string_view bytes)
{
  KeyDecoder decoder;
  std::vector<Command> commands = decoder.feed(bytes);
  for (Command command : decoder.flush()) {
    commands.push_back(command);
  }
  return commands;
}

} // namespace knotrelief::term
