#include "routine/guide.hpp"

#include <algorithm>
#include <stdexcept>

namespace knotrelief::routine {

const GuideSection& Guide::section(std::string_view id) const
{
  const auto found = std::find_if(
    sections.begin(), sections.end(), [id](const GuideSection& section) {
      return section.id == id;
    });
  if (found == sections.end()) {
    throw std::logic_error("the guide has no section '" + std::string(id) +
                           "'");
  }
  return *found;
}

namespace {

// The point whose turn it is after `turn` sessions.
const std::string& in_turn(const GuideSection& section, std::size_t turn)
{
  return section.points.at(turn % section.points.size());
}

} // namespace

Panel intro_panel(const Guide& guide, std::size_t sessions_logged)
{
  const GuideSection& before = guide.section("before");
  if (sessions_logged == 0) {
    return {before.title, before.points};
  }
  return {before.title, {in_turn(before, sessions_logged)}};
}

Panel closing_panel(const Guide& guide, std::size_t sessions_logged)
{
  return {guide.section("after").title,
          {in_turn(guide.section("after"), sessions_logged),
           in_turn(guide.section("habit"), sessions_logged)}};
}

} // namespace knotrelief::routine
