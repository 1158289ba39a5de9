#pragma once

// Where the routine loader reports problems: each one is a Diagnostic at the
// line and column of the offending YAML, so a file can be checked in one pass.

#include "util/error.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace knotrelief::routine::yaml {

// Collects the problems of one file, up to a cap (a hostile file must not
// produce megabytes of messages).
class Problems
{
public:
  explicit Problems(std::string file)
    : m_file(std::move(file))
  {}

  void add(const YAML::Mark& mark, std::string message);
  void add_at(int line, int column, std::string message);
  const std::string& file() const { return m_file; }
  bool empty() const { return m_list.empty(); }
  // The problems in file order (by line, then column).
  std::vector<Diagnostic> take();

  static constexpr std::size_t max_problems = 50;

private:
  std::string m_file;
  std::vector<Diagnostic> m_list;
};

// Mark of `node`, or `fallback` when the node carries none (e.g. an empty
// value).
YAML::Mark mark_or(const YAML::Node& node, const YAML::Mark& fallback);

} // namespace knotrelief::routine::yaml
