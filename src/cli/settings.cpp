#include "cli/settings.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace knotrelief::cli {

namespace {

// A settings file is a few lines; anything bigger is not one.
constexpr std::size_t max_settings_bytes = std::size_t{64} * 1024;

std::string_view trimmed(std::string_view text)
{
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::optional<bool> switch_value(std::string_view value)
{
  static constexpr std::array<std::string_view, 4> on{"yes", "true", "on", "1"};
  static constexpr std::array<std::string_view, 4> off{
    "no", "false", "off", "0"};
  for (std::size_t i = 0; i < on.size(); ++i) {
    if (value == on[i]) {
      return true;
    }
    if (value == off[i]) {
      return false;
    }
  }
  return std::nullopt;
}

[[noreturn]] void bad_line(const std::string& file,
                           int line,
                           const std::string& message)
{
  throw Error(to_string(Diagnostic{{file, line, 0}, message}));
}

} // namespace

Settings parse_settings(std::string_view text, const std::string& file)
{
  Settings settings;
  int number = 0;
  if (text.starts_with("\xef\xbb\xbf")) {
    text.remove_prefix(3); // a byte-order mark some editors write
  }
  std::istringstream lines{std::string(text)};
  for (std::string raw; std::getline(lines, raw);) {
    ++number;
    // A comment runs from '#' to the end of the line.
    const std::string_view line =
      trimmed(std::string_view(raw).substr(0, raw.find('#')));
    if (line.empty()) {
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) {
      bad_line(file, number, "expected key = value");
    }
    const std::string key(trimmed(line.substr(0, equals)));
    const std::string value(trimmed(line.substr(equals + 1)));
    bool* target = key == "plain"           ? &settings.plain
                   : key == "reduce-motion" ? &settings.reduce_motion
                                            : nullptr;
    if (target == nullptr) {
      bad_line(file,
               number,
               fmt::format("unknown setting \"{}\" (known: plain, "
                           "reduce-motion)",
                           key));
    }
    const auto on = switch_value(value);
    if (!on) {
      bad_line(
        file, number, fmt::format("{}: \"{}\" is not yes or no", key, value));
    }
    *target = *on;
  }
  return settings;
}

std::optional<std::filesystem::path> settings_path(const EnvLookup& env)
{
  if (auto config = config_home(env)) {
    return *config / "knotrelief" / "config";
  }
  return std::nullopt;
}

Settings read_settings(const std::optional<std::filesystem::path>& path)
{
  if (!path) {
    return {};
  }
  // A folder or a FIFO is not a settings file (and a FIFO would wait for
  // a writer for ever).
  std::error_code error;
  const auto status = std::filesystem::status(*path, error);
  if (std::filesystem::exists(status) &&
      !std::filesystem::is_regular_file(status)) {
    throw Error(fmt::format("{}: not a regular file, not a settings file",
                            path->string()));
  }
  std::ifstream in(*path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) {
      return {};
    }
    throw Error(
      fmt::format("cannot read {}: {}", path->string(), std::strerror(errno)));
  }
  std::string text(max_settings_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > max_settings_bytes) {
    throw Error(fmt::format("{}: larger than 64 KiB, not a settings file",
                            path->string()));
  }
  return parse_settings(text, path->string());
}

} // namespace knotrelief::cli
