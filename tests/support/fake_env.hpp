#pragma once

#include "util/environment.hpp"

#include <map>
#include <string>

namespace knotrelief::test {

// An environment holding only `values` (empty values count as unset).
inline EnvLookup fake_env(std::map<std::string, std::string> values)
{
  return [values](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end() || it->second.empty()) {
      return std::nullopt;
    }
    return it->second;
  };
}

} // namespace knotrelief::test
