#include "util/environment.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace knotrelief;

namespace {

EnvLookup fake(std::map<std::string, std::string> values)
{
  return [values](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end() || it->second.empty()) {
      return std::nullopt;
    }
    return it->second;
  };
}

} // namespace

TEST_SUITE("environment")
{
  TEST_CASE("XDG variables win over HOME")
  {
    auto env = fake({{"HOME", "/home/u"}, {"XDG_CONFIG_HOME", "/cfg"}, {"XDG_DATA_HOME", "/data"}});
    CHECK(config_home(env) == "/cfg");
    CHECK(data_home(env) == "/data");
  }

  TEST_CASE("defaults under HOME")
  {
    auto env = fake({{"HOME", "/home/u"}});
    CHECK(config_home(env) == "/home/u/.config");
    CHECK(data_home(env) == "/home/u/.local/share");
  }

  TEST_CASE("relative and empty XDG values are ignored")
  {
    auto env = fake({{"HOME", "/home/u"}, {"XDG_CONFIG_HOME", "relative"}, {"XDG_DATA_HOME", ""}});
    CHECK(config_home(env) == "/home/u/.config");
    CHECK(data_home(env) == "/home/u/.local/share");
  }

  TEST_CASE("nothing is known without HOME")
  {
    CHECK_FALSE(config_home(fake({})).has_value());
  }
}
