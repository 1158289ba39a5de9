#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace knotrelief {

// Reads an environment variable; unset and empty both give nothing. Passed in
// rather than calling getenv deep inside, so tests can supply their own.
using EnvLookup =
  std::function<std::optional<std::string>(std::string_view name)>;

EnvLookup process_environment();

// $XDG_CONFIG_HOME, else $HOME/.config (a relative XDG value is ignored, as
// the XDG spec says). Nothing when neither is known.
std::optional<std::filesystem::path> config_home(const EnvLookup& env);

// $XDG_DATA_HOME, else $HOME/.local/share.
std::optional<std::filesystem::path> data_home(const EnvLookup& env);

} // namespace knotrelief
