#include "support/fake_env.hpp"
#include "util/environment.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace knotrelief;

using knotrelief::test::fake_env;

TEST_SUITE("environment")
{
  TEST_CASE("XDG variables win over HOME")
  {
    auto env = fake_env({{"HOME", "/home/u"},
                         {"XDG_CONFIG_HOME", "/cfg"},
                         {"XDG_DATA_HOME", "/data"}});
    CHECK(config_home(env) == "/cfg");
    CHECK(data_home(env) == "/data");
  }

  TEST_CASE("defaults under HOME")
  {
    auto env = fake_env({{"HOME", "/home/u"}});
    CHECK(config_home(env) == "/home/u/.config");
    CHECK(data_home(env) == "/home/u/.local/share");
  }

  TEST_CASE("relative and empty XDG values are ignored")
  {
    auto env = fake_env({{"HOME", "/home/u"},
                         {"XDG_CONFIG_HOME", "relative"},
                         {"XDG_DATA_HOME", ""}});
    CHECK(config_home(env) == "/home/u/.config");
    CHECK(data_home(env) == "/home/u/.local/share");
  }

  TEST_CASE("nothing is known without HOME")
  {
    CHECK_FALSE(config_home(fake_env({})).has_value());
  }
}
