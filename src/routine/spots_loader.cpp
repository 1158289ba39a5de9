// parse_spots (loader.hpp): data/spots.yaml, checked as strictly as routines.

#include "routine/loader.hpp"
#include "routine/spots.hpp"
#include "routine/yaml_document.hpp"
#include "routine/yaml_fields.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::routine {

namespace {

using yaml::Fields;
using yaml::Problems;

constexpr std::size_t max_outline_rows = 30;
constexpr std::size_t max_outline_columns = 40;
constexpr int max_spots = 100;

// One view's rows: printable ASCII, all as wide as the first.
std::vector<std::string> read_outline(Fields& fields, std::string_view key)
{
  auto rows = fields.text_list(key, max_outline_rows);
  if (!rows) {
    if (!fields.has(key)) {
      fields.problem("", fmt::format("missing required key '{}'", key));
    }
    return {};
  }
  for (const std::string& row : *rows) {
    const bool ascii = std::all_of(
      row.begin(), row.end(), [](char c) { return c >= ' ' && c <= '~'; });
    if (!ascii || row.size() != rows->front().size() ||
        row.size() > max_outline_columns) {
      fields.problem(key,
                     fmt::format("each row of '{}' must be printable ASCII, "
                                 "as wide as the first (at most {})",
                                 key,
                                 max_outline_columns));
      return {};
    }
  }
  return std::move(*rows);
}

std::optional<bool> read_paired(Fields& fields)
{
  const auto sides = fields.text("sides", true);
  if (sides && *sides != "both" && *sides != "none") {
    fields.problem("sides",
                   fmt::format("'sides' must be both (a left and a right "
                               "one) or none, not '{}'",
                               *sides));
    return std::nullopt;
  }
  return sides ? std::optional<bool>(*sides == "both") : std::nullopt;
}

std::optional<View> read_view(Fields& fields)
{
  const auto text = fields.text("view", true);
  if (!text) {
    return std::nullopt;
  }
  const auto view = parse_view(*text);
  if (!view) {
    fields.problem(
      "view", fmt::format("'view' must be front or back, not '{}'", *text));
  }
  return view;
}

Spot read_spot(const YAML::Node& node,
               const BodyOutline& outline,
               Problems& problems)
{
  Fields fields(
    node,
    problems,
    {"id", "name", "area", "sides", "view", "row", "column", "find"});
  Spot spot;
  spot.id = fields.text("id", true).value_or("");
  if (!spot.id.empty() && !is_valid_id(spot.id)) {
    fields.problem(
      "id", fmt::format("id '{}' must use only a-z, 0-9 and '-'", spot.id));
  }
  spot.name = fields.text("name", true).value_or("");
  spot.area = fields.text("area", true).value_or("");
  spot.paired = read_paired(fields).value_or(false);
  const auto view = read_view(fields);
  spot.view = view.value_or(View::back);
  const auto row = fields.whole_number("row", 0, max_outline_rows);
  const auto column = fields.whole_number("column", 0, max_outline_columns);
  if (!fields.has("row") || !fields.has("column")) {
    fields.problem("", "a spot needs 'row' and 'column' on the body map");
  }
  if (view && row && column) {
    spot.cell = {*row, *column};
    if (!outline.is_inside(*view, spot.cell)) {
      fields.problem("row",
                     fmt::format("spot '{}' at row {}, column {} is not "
                                 "inside the {} outline",
                                 spot.id,
                                 *row,
                                 *column,
                                 to_string(*view)));
    }
  }
  spot.find = fields.text("find", true).value_or("");
  return spot;
}

void check_unique_ids(const std::vector<Spot>& spots,
                      const YAML::Mark& mark,
                      Problems& problems)
{
  for (std::size_t i = 0; i < spots.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!spots[i].id.empty() && spots[i].id == spots[j].id) {
        problems.add(mark,
                     fmt::format("spot id '{}' is used twice", spots[i].id));
      }
    }
  }
}

void read_spot_list(Fields& top, Problems& problems, SpotLibrary& library)
{
  const YAML::Node* list = top.node("spots");
  if (!list || !list->IsSequence() || list->size() == 0) {
    problems.add(top.map_mark(), "'spots' must be a list of spots");
    return;
  }
  if (list->size() > max_spots) {
    top.problem("spots", fmt::format("at most {} spots", max_spots));
    return;
  }
  for (const YAML::Node& node : *list) {
    if (node.IsMap()) {
      library.spots.push_back(read_spot(node, library.outline, problems));
    } else {
      problems.add(yaml::mark_or(node, list->Mark()),
                   "each spot must be a mapping");
    }
  }
  check_unique_ids(library.spots, top.map_mark(), problems);
}

} // namespace

Loaded<SpotLibrary> parse_spots(std::string_view text, const std::string& file)
{
  Problems problems(file);
  auto document = yaml::parse_mapping(
    text,
    problems,
    "the file must be a mapping with 'front', 'back' and 'spots'");
  if (!document) {
    return std::unexpected(problems.take());
  }
  Fields top(*document, problems, {"front", "back", "spots"});
  SpotLibrary library;
  library.outline.front = read_outline(top, "front");
  library.outline.back = read_outline(top, "back");
  const auto& outline = library.outline;
  if (!outline.front.empty() && !outline.back.empty() &&
      (outline.front.size() != outline.back.size() ||
       outline.front[0].size() != outline.back[0].size())) {
    top.problem("back", "'back' must have as many rows and columns as 'front'");
  }
  read_spot_list(top, problems, library);
  if (!problems.empty()) {
    return std::unexpected(problems.take());
  }
  return library;
}

} // namespace knotrelief::routine
