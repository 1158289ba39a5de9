#pragma once

#include <fmt/core.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace knotrelief {

// Process exit statuses, as knotrelief(1) EXIT STATUS lists them.
enum class ExitStatus : int
{
  success = 0,
  failure = 1,
  usage = 2,
  hung_up = 129,     // 128 + SIGHUP
  interrupted = 130, // 128 + SIGINT
  terminated = 143,  // 128 + SIGTERM
};

// A program ended by signal N exits with 128 + N, as the shell reports it.
inline ExitStatus exit_status_for_signal(int signal_number)
{
  return static_cast<ExitStatus>(128 + signal_number);
}

// Where something is in an input file. line and column are 1-based; 0 means
// unknown, and such parts are left out when printed.
struct Location
{
  std::string file;
  int line = 0;
  int column = 0;

  bool operator==(const Location&) const = default;
};

// "FILE:LINE:COL", "FILE:LINE" or "FILE", as far as the location is known,
// with the file name shown through text::printable().
std::string to_string(const Location& location);

// One problem found in an input, reported as "FILE:LINE:COL: message".
struct Diagnostic
{
  Location where;
  std::string message;
};

// One line, all of it through text::printable(): a message may quote the
// input it is about.
std::string to_string(const Diagnostic& diagnostic);

// Keeps the first `limit` of a stream of problems and counts the rest, so
// that a flood (a binary journal, ten thousand broken routine files) prints
// as `limit` lines and a count.
class CappedDiagnostics
{
public:
  static constexpr std::size_t default_limit = 20;

  explicit CappedDiagnostics(std::size_t limit = default_limit)
    : m_limit(limit)
  {}

  void add(const Diagnostic& diagnostic);
  std::vector<Diagnostic>& shown() { return m_shown; }
  std::size_t count() const { return m_count; }
  // How many were counted but not kept.
  std::size_t hidden() const { return m_count - m_shown.size(); }
  void clear();

private:
  std::size_t m_limit;
  std::vector<Diagnostic> m_shown;
  std::size_t m_count = 0;
};

// The one error type of the program: thrown anywhere, caught once in main,
// printed as "knotrelief: error: <what>" and turned into an exit status.
// The message is one line: it is shown through text::printable() as a
// whole, so a newline in it (its own or one in text it quotes, such as an
// argument) shows as \n and nothing it quotes can start a line of its own.
// What needs more lines says so apart:
// `details`, when given, are printed after the message, one line each,
// indented by two spaces (the problems of a routine file, say);
// `next_step`, when given, is printed on its own line after them and tells
// the user what to do about it ("Run 'knotrelief list' ...").
// Each of those is shown through text::printable() as well.
class Error : public std::runtime_error
{
public:
  explicit Error(const std::string& message,
                 ExitStatus status = ExitStatus::failure,
                 std::string next_step = {},
                 std::vector<std::string> details = {})
    : std::runtime_error(message)
    , m_status(status)
    , m_next_step(std::move(next_step))
    , m_details(std::move(details))
  {}

  ExitStatus status() const { return m_status; }
  const std::string& next_step() const { return m_next_step; }
  const std::vector<std::string>& details() const { return m_details; }

private:
  ExitStatus m_status;
  std::string m_next_step;
  std::vector<std::string> m_details;
};

// A mistake in how the program was called: exit status 2. Without a
// `next_step`, the user is pointed at the command's --help.
class UsageError : public Error
{
public:
  explicit UsageError(const std::string& message, std::string next_step = {})
    : Error(message, ExitStatus::usage, std::move(next_step))
  {}
};

} // namespace knotrelief
