#include "routine/yaml_problems.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace knotrelief;
using namespace knotrelief::routine::yaml;

TEST_SUITE("yaml problems")
{
  TEST_CASE("problems come out in file order, with the file named")
  {
    Problems problems("r.yaml");
    CHECK(problems.empty());
    problems.add_at(3, 1, "third");
    problems.add_at(1, 9, "second");
    problems.add_at(1, 2, "first");
    CHECK_FALSE(problems.empty());
    const auto list = problems.take();
    REQUIRE(list.size() == 3);
    CHECK(to_string(list[0]) == "r.yaml:1:2: first");
    CHECK(to_string(list[1]) == "r.yaml:1:9: second");
    CHECK(to_string(list[2]) == "r.yaml:3:1: third");
  }

  TEST_CASE("yaml-cpp marks are 0-based, a missing mark reports 1:1")
  {
    Problems problems("r.yaml");
    YAML::Mark mark;
    mark.line = 4;
    mark.column = 0;
    problems.add(mark, "here");
    problems.add(YAML::Mark::null_mark(), "somewhere");
    const auto list = problems.take();
    REQUIRE(list.size() == 2);
    CHECK(to_string(list[0]) == "r.yaml:1:1: somewhere");
    CHECK(to_string(list[1]) == "r.yaml:5:1: here");
  }

  TEST_CASE("a flood of problems stops at the cap with a last note")
  {
    Problems problems("r.yaml");
    for (int line = 1000; line > 0; --line) {
      problems.add_at(line, 1, "bad");
    }
    const auto list = problems.take();
    REQUIRE(list.size() == Problems::max_problems + 1);
    // The first max_problems added are kept (lines 1000 down), sorted; the
    // note stays last whatever its line.
    CHECK(list.front().where.line == 1000 - int(Problems::max_problems) + 1);
    CHECK(list[Problems::max_problems - 1].where.line == 1000);
    CHECK(list.back().message == "too many problems; stopping here");
  }

  TEST_CASE("mark_or falls back for values without a place")
  {
    YAML::Mark fallback;
    fallback.line = 7;
    fallback.column = 3;
    const YAML::Node document = YAML::Load("a: 1\nb:\n");
    CHECK(mark_or(document["a"], fallback).line == 0);
    CHECK(mark_or(document["a"], fallback).column == 3);
    // An empty value is null: its own mark would point past the key.
    CHECK(mark_or(document["b"], fallback).line == 7);
    CHECK(mark_or(YAML::Node(), fallback).line == 7);
  }
}
