#include "util/error.hpp"

#include <fmt/format.h>

namespace knotrelief {

std::string to_string(const Location& location)
{
  if (location.line <= 0) {
    return location.file;
  }
  if (location.column <= 0) {
    return fmt::format("{}:{}", location.file, location.line);
  }
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

std::string to_string(const Diagnostic& diagnostic)
{
  return fmt::format("{}: {}", to_string(diagnostic.where), diagnostic.message);
}

} // namespace knotrelief
