#pragma once

// Turns the text of a routine file into one YAML document, refusing what
// yaml-cpp would choke on or accept wrongly: binary text, hostile sizes,
// unclosed quotes, a second document.

#include "routine/yaml_problems.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string_view>

namespace knotrelief::routine::yaml {

// Most values (scalars, lists, mappings) a file may hold. The largest valid
// routine (200 steps of a dozen fields) has about 5,000; a file of a million
// tiny values would take yaml-cpp hundreds of megabytes to load, so values
// are counted in a streaming pass before anything is built.
inline constexpr std::size_t max_yaml_values = 20'000;

// Most '[' and '{' a file may hold. yaml-cpp's scanner keeps every token of
// an open flow collection until it closes, about 240 bytes a bracket, so a
// megabyte of '[' would cost 240 MB before the nesting limit or the value
// count could stop it; the raw text is checked first. A valid routine has a
// few hundred at most.
inline constexpr std::size_t max_flow_brackets = 10'000;

// Checks encoding (UTF-8, no NUL) and size (max_flow_brackets,
// max_yaml_values), and parses exactly one YAML document. Returns nothing,
// with the problems added, when that fails.
std::optional<YAML::Node> parse_document(std::string_view text,
                                         Problems& problems);

} // namespace knotrelief::routine::yaml
