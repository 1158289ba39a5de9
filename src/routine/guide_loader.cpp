// parse_guide (loader.hpp): data/guide.yaml, checked as strictly as routines.

#include "routine/guide.hpp"
#include "routine/loader.hpp"
#include "routine/yaml_document.hpp"
#include "routine/yaml_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::routine {

namespace {

using yaml::Fields;
using yaml::Problems;
using yaml::TextKind;

constexpr int max_guide_points = 20;

GuideSection read_section(const YAML::Node& node, Problems& problems)
{
  Fields fields(node, problems, {"id", "title", "points", "note"});
  GuideSection section;
  section.id = fields.text("id", true).value_or("");
  if (!section.id.empty() && !is_valid_id(section.id)) {
    fields.problem(
      "id", fmt::format("id '{}' must use only a-z, 0-9 and '-'", section.id));
  }
  section.title = fields.text("title", true).value_or("");
  const bool has_points = fields.has("points");
  section.points = fields.text_list("points", max_guide_points, TextKind::prose)
                     .value_or(std::vector<std::string>{});
  if (!has_points) {
    problems.add(fields.map_mark(), "missing required key 'points'");
  } else if (section.points.empty()) {
    fields.problem("points", "'points' needs at least one item");
  }
  section.note = fields.text("note", false, TextKind::prose).value_or("");
  return section;
}

// Every section the program uses by id is there, once.
void check_sections(const Guide& guide,
                    const YAML::Mark& mark,
                    Problems& problems)
{
  for (std::string_view id : required_guide_sections) {
    const auto count =
      std::count_if(guide.sections.begin(),
                    guide.sections.end(),
                    [id](const GuideSection& s) { return s.id == id; });
    if (count != 1) {
      problems.add(mark,
                   fmt::format("the guide needs exactly one section '{}' "
                               "(found {})",
                               id,
                               count));
    }
  }
}

} // namespace

Loaded<Guide> parse_guide(std::string_view text, const std::string& file)
{
  Problems problems(file);
  Guide guide;
  const auto start = yaml::for_each_listed(
    text, problems, "sections", "section", [&](const YAML::Node& node) {
      guide.sections.push_back(read_section(node, problems));
    });
  if (start) {
    check_sections(guide, *start, problems);
  }
  if (!problems.empty()) {
    return std::unexpected(problems.take());
  }
  return guide;
}

} // namespace knotrelief::routine
