#include "util/error.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace knotrelief {

std::string to_string(const Location& location)
{
  std::string file = text::printable(location.file);
  if (location.line <= 0) {
    return file;
  }
  if (location.column <= 0) {
    return fmt::format("{}:{}", file, location.line);
  }
  return fmt::format("{}:{}:{}", file, location.line, location.column);
}

std::string to_string(const Diagnostic& diagnostic)
{
  return fmt::format(
    "{}: {}", to_string(diagnostic.where), text::printable(diagnostic.message));
}

void CappedDiagnostics::add(const Diagnostic& diagnostic)
{
  ++m_count;
  if (m_shown.size() < m_limit) {
    m_shown.push_back(diagnostic);
  }
}

void CappedDiagnostics::clear()
{
  m_shown.clear();
  m_count = 0;
}

} // namespace knotrelief
