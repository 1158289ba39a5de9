#pragma once

// JSON views of the model for --json output. Key order is fixed so the output
// reads well and diffs cleanly.

#include "routine/guide.hpp"
#include "routine/model.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace knotrelief::cli {

using Json = nlohmann::ordered_json;

Json routine_summary_json(const routine::Routine& routine);
Json routine_json(const routine::Routine& routine);
Json technique_json(const routine::Technique& technique);
Json guide_json(const routine::Guide& guide);

// Pretty-printed, newline-terminated.
void print_json(std::FILE* out, const Json& json);

std::string_view origin_name(routine::Origin origin);

} // namespace knotrelief::cli
