#include "util/environment.hpp"

#include <cstdlib>

namespace knotrelief {

EnvLookup process_environment()
{
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') {
      return std::nullopt;
    }
    return std::string(value);
  };
}

namespace {

std::optional<std::filesystem::path> xdg_home(const EnvLookup& env,
                                              std::string_view variable,
                                              std::string_view fallback)
{
  if (auto value = env(variable)) {
    std::filesystem::path path(*value);
    if (path.is_absolute()) {
      return path;
    }
  }
  if (auto home = env("HOME")) {
    return std::filesystem::path(*home) / fallback;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::filesystem::path> config_home(const EnvLookup& env)
{
  return xdg_home(env, "XDG_CONFIG_HOME", ".config");
}

std::optional<std::filesystem::path> data_home(const EnvLookup& env)
{
  return xdg_home(env, "XDG_DATA_HOME", ".local/share");
}

} // namespace knotrelief
