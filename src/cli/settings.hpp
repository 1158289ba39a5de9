#pragma once

// The settings file: defaults for options a person wants on every time
// (knotrelief(1) FILES), `key = value` lines in
// $XDG_CONFIG_HOME/knotrelief/config.

#include "util/environment.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace knotrelief::cli {

struct Settings
{
  bool plain = false;         // sessions as plain lines (run --plain)
  bool reduce_motion = false; // a calmer full screen (run --reduce-motion)
};

// Reads settings from `text`, the contents of `file`: one `key = value` a
// line, comments (from `#` to the end of the line) and blank lines skipped;
// values yes/no, true/false, on/off or 1/0. Error "FILE:LINE: ..." (exit status
// 1) on an unknown key, a line without `=` or a value that is not one of those.
Settings parse_settings(std::string_view text, const std::string& file);

// $XDG_CONFIG_HOME/knotrelief/config (~/.config/...), or nothing when
// neither variable tells where that is.
std::optional<std::filesystem::path> settings_path(const EnvLookup& env);

// The settings of `path`: the defaults when there is no such file, an
// Error when it cannot be read or is wrong.
Settings read_settings(const std::optional<std::filesystem::path>& path);

} // namespace knotrelief::cli
