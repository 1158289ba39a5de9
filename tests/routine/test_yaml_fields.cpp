#include "routine/yaml_fields.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace knotrelief;
using namespace knotrelief::routine;
using namespace knotrelief::routine::yaml;

namespace {

// "LINE:COL: message" for each problem, in file order.
std::vector<std::string> messages(Problems& problems)
{
  std::vector<std::string> out;
  for (const Diagnostic& problem : problems.take()) {
    out.push_back(std::to_string(problem.where.line) + ":" +
                  std::to_string(problem.where.column) + ": " +
                  problem.message);
  }
  return out;
}

} // namespace

TEST_SUITE("yaml fields")
{
  TEST_CASE("describe names node types for messages")
  {
    const YAML::Node document = YAML::Load("{a: [1], b: {c: 1}, d: x, e: }");
    CHECK(describe(document["a"]) == "a list");
    CHECK(describe(document["b"]) == "a mapping");
    CHECK(describe(document["d"]) == "text");
    CHECK(describe(document["e"]) == "nothing");
  }

  TEST_CASE("unknown, duplicate and non-text keys are reported at the key")
  {
    Problems problems("f.yaml");
    const YAML::Node map =
      YAML::Load("name: a\nnmae: b\nname: c\n[x]: d\ncue: e\n");
    Fields fields(map, problems, {"name", "cue"});
    CHECK(fields.has("name"));
    CHECK(fields.has("cue"));
    CHECK_FALSE(fields.has("nmae"));
    CHECK(messages(problems) ==
          std::vector<std::string>{
            "2:1: unknown key 'nmae'; did you mean 'name'?",
            "3:1: duplicate key 'name' (first given on line 1)",
            "4:1: a key must be a plain name, not a list",
          });
    // The first of duplicate keys wins.
    Problems more("f.yaml");
    Fields again(map, more, {"name", "cue"});
    CHECK(again.text("name", true) == "a");
  }

  TEST_CASE("text: missing, empty, not text, control characters, too long")
  {
    Problems problems("f.yaml");
    const std::string long_text(2001, 'x');
    const YAML::Node map =
      YAML::Load("a: ok\nb:\nc: '  '\nd: [x]\ne: \"x\\x01y\"\n"
                 "f: " +
                 long_text + "\n");
    Fields fields(map, problems, {"a", "b", "c", "d", "e", "f", "g"});
    CHECK(fields.text("a", true) == "ok");
    CHECK_FALSE(fields.text("b", true));
    CHECK_FALSE(fields.text("c", true));
    CHECK_FALSE(fields.text("d", true));
    CHECK_FALSE(fields.text("e", true));
    CHECK_FALSE(fields.text("f", true));
    CHECK_FALSE(fields.text("g", false));
    CHECK_FALSE(fields.text("g", true));
    CHECK(messages(problems) ==
          std::vector<std::string>{
            "1:1: missing required key 'g'",
            "2:1: 'b' is empty",
            "3:4: 'c' is empty",
            "4:4: 'd' must be text, not a list",
            "5:4: 'e' contains a control character \\x01; only printable "
            "text is allowed",
            "6:4: 'f' is too long (2001 characters; at most 2000)",
          });
  }

  TEST_CASE(
    "text: no control character in any field, line breaks in prose only")
  {
    // ESC, BEL, C1 CSI, U+202E and a newline and a tab, in a name, in prose
    // and in list items.
    const char* const hostile[] = {
      "\"a\\eb\"", "\"a\\ab\"", "\"a\\x9bb\"", "\"a\\u202eb\"", "\"a\\tb\""};
    for (const char* value : hostile) {
      CAPTURE(value);
      Problems problems("f.yaml");
      const YAML::Node map = YAML::Load(fmt::format(
        "name: {0}\ncue: {0}\ntools: [{0}]\nsafety: [{0}]\n", value));
      Fields fields(map, problems, {"name", "cue", "tools", "safety"});
      CHECK_FALSE(fields.text("name", true));
      CHECK_FALSE(fields.text("cue", true, TextKind::prose));
      CHECK_FALSE(fields.text_list("tools", 5));
      CHECK_FALSE(fields.text_list("safety", 5, TextKind::prose));
      const auto found = messages(problems);
      REQUIRE(found.size() == 4);
      for (const auto& message : found) {
        CHECK(message.find("control character \\") != std::string::npos);
        CHECK_FALSE(knotrelief::text::find_control_character(message));
      }
    }
    Problems problems("f.yaml");
    const YAML::Node map = YAML::Load("name: \"two\\nlines\"\n"
                                      "cue: \"two\\nlines\"\n");
    Fields fields(map, problems, {"name", "cue"});
    CHECK_FALSE(fields.text("name", true));
    CHECK(fields.text("cue", true, TextKind::prose) == "two\nlines");
    CHECK(messages(problems) ==
          std::vector<std::string>{
            "1:7: 'name' contains a control character \\n; only printable "
            "text is allowed (and no line break)"});
  }

  TEST_CASE("text lists: the list, its length and each item")
  {
    Problems problems("f.yaml");
    const YAML::Node map = YAML::Load(
      "good: [a, b]\nscalar: a\nlong: [a, b, c]\nbad: [a, [b], '']\n");
    Fields fields(map, problems, {"good", "scalar", "long", "bad"});
    CHECK(fields.text_list("good", 2) == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(fields.text_list("scalar", 2));
    CHECK_FALSE(fields.text_list("long", 2));
    CHECK_FALSE(fields.text_list("bad", 5));
    CHECK_FALSE(fields.text_list("absent", 5));
    CHECK(messages(problems) ==
          std::vector<std::string>{
            "2:9: 'scalar' must be a list (e.g. [a, b]), not text",
            "3:7: 'long' has 3 items; at most 2 are allowed",
            "4:10: each item of 'bad' must be text, not a list",
            "4:15: an item of 'bad' is empty",
          });
  }

  TEST_CASE("whole numbers within bounds")
  {
    Problems problems("f.yaml");
    const YAML::Node map =
      YAML::Load("{a: 3, b: 0, c: 11, d: -1, e: 2.5, f: 9999999999, g: '07'}");
    Fields fields(map, problems, {"a", "b", "c", "d", "e", "f", "g"});
    CHECK(fields.whole_number("a", 1, 10) == 3);
    CHECK(fields.whole_number("g", 1, 10) == 7);
    for (const char* key : {"b", "c", "d", "e", "f"}) {
      CAPTURE(key);
      CHECK_FALSE(fields.whole_number(key, 1, 10));
    }
    const auto list = messages(problems);
    REQUIRE(list.size() == 5);
    CHECK(list[0] == "1:11: 'b' must be a whole number from 1 to 10, not '0'");
    CHECK(list[4].ends_with("not '9999999999'"));
  }

  TEST_CASE("durations: ranges only where allowed, and a limit")
  {
    Problems problems("f.yaml");
    const YAML::Node map =
      YAML::Load("{a: 45s, b: 30-60s, c: 31m, d: soon, e: 30-60s}");
    Fields fields(map, problems, {"a", "b", "c", "d", "e"});
    CHECK(fields.duration("a", 1800, false) == DurationRange{45, 45});
    CHECK(fields.duration("b", 1800, true) == DurationRange{30, 60});
    CHECK_FALSE(fields.duration("c", 1800, true));
    CHECK_FALSE(fields.duration("d", 1800, true));
    CHECK_FALSE(fields.duration("e", 1800, false));
    const auto list = messages(problems);
    REQUIRE(list.size() == 3);
    CHECK(list[0].find("'c' of 31m is longer than the limit") !=
          std::string::npos);
    CHECK(list[1].starts_with("1:32: 'd': "));
    CHECK(list[2] == "1:41: 'e' must be a single time, not a range");
  }

  TEST_CASE("problems about a value point at the value, else at the key")
  {
    Problems problems("f.yaml");
    const YAML::Node map = YAML::Load("a:   x\nb:\n");
    Fields fields(map, problems, {"a", "b"});
    fields.problem("a", "at the value");
    fields.problem("b", "at the key of an empty value");
    fields.problem("c", "at the mapping");
    CHECK(messages(problems) ==
          std::vector<std::string>{"1:1: at the mapping",
                                   "1:6: at the value",
                                   "2:1: at the key of an empty value"});
    CHECK(fields.key_mark("b").line == 1);
    REQUIRE(fields.node("a") != nullptr);
    CHECK(fields.node("a")->Scalar() == "x");
    CHECK(fields.node("c") == nullptr);
  }
}
