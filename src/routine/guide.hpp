#pragma once

// The advice around a session (data/guide.yaml, knotrelief-routine(5)
// section GUIDE): what a knot is, its causes, what helps, what to do before
// and after, how often, and when to see a professional instead.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::routine {

struct GuideSection
{
  std::string id;
  std::string title;
  std::vector<std::string> points;
  std::string note; // prose after the points, or empty

  bool operator==(const GuideSection&) const = default;
};

struct Guide
{
  std::vector<GuideSection> sections; // in the order `show guide` prints

  // The section with `id`; the loader makes sure every one of
  // required_guide_sections is there, so for those it never fails.
  const GuideSection& section(std::string_view id) const;

  bool operator==(const Guide&) const = default;
};

// The sections the program uses by id: the guide must have all of them.
inline constexpr std::string_view required_guide_sections[] =
  {"knot", "causes", "benefits", "before", "after", "habit", "professional"};

// A short text panel: a title and its lines, unwrapped.
struct Panel
{
  std::string title;
  std::vector<std::string> lines;
};

// The "before you start" panel of `run`. The first time (no session logged
// yet) it holds every point of `before`; later one of them, taking turns
// with the number of sessions logged so far.
Panel intro_panel(const Guide& guide, std::size_t sessions_logged);

// The panel after a session: one point of `after` and one of `habit`,
// taking turns with the number of sessions logged before this one.
Panel closing_panel(const Guide& guide, std::size_t sessions_logged);

} // namespace knotrelief::routine
