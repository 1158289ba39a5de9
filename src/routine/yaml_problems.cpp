#include "routine/yaml_problems.hpp"

#include <algorithm>

namespace knotrelief::routine::yaml {

namespace {

bool has_mark(const YAML::Mark& mark)
{
  return mark.line >= 0 && mark.column >= 0;
}

} // namespace

void Problems::add_at(int line, int column, std::string message)
{
  if (m_list.size() > max_problems) {
    return;
  }
  if (m_list.size() == max_problems) {
    message = "too many problems; stopping here";
  }
  m_list.push_back({{m_file, line, column}, std::move(message)});
}

std::vector<Diagnostic> Problems::take()
{
  // The "too many problems" note, if any, stays last.
  const auto end =
    m_list.size() > max_problems ? m_list.begin() + max_problems : m_list.end();
  std::stable_sort(m_list.begin(), end, [](auto& a, auto& b) {
    return std::pair(a.where.line, a.where.column) <
           std::pair(b.where.line, b.where.column);
  });
  return std::move(m_list);
}

void Problems::add(const YAML::Mark& mark, std::string message)
{
  if (has_mark(mark)) {
    add_at(mark.line + 1, mark.column + 1, std::move(message));
  } else {
    add_at(1, 1, std::move(message));
  }
}

YAML::Mark mark_or(const YAML::Node& node, const YAML::Mark& fallback)
{
  const YAML::Mark mark = node.Mark();
  return has_mark(mark) && node.IsDefined() && !node.IsNull() ? mark : fallback;
}

} // namespace knotrelief::routine::yaml
