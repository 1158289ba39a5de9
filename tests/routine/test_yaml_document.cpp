#include "routine/yaml_document.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace knotrelief;
using namespace knotrelief::routine::yaml;

namespace {

struct Parsed
{
  std::optional<YAML::Node> document;
  std::vector<Diagnostic> problems;

  // The only problem, which must exist.
  const Diagnostic& problem() const
  {
    REQUIRE(problems.size() == 1);
    return problems.front();
  }
};

Parsed parse(std::string_view text)
{
  Problems problems("doc.yaml");
  auto document = parse_document(text, problems);
  return {std::move(document), problems.take()};
}

} // namespace

TEST_SUITE("yaml document")
{
  TEST_CASE("one document comes back as nodes, with no problems")
  {
    const Parsed parsed = parse("id: a\nlist: [1, 2]\n");
    REQUIRE(parsed.document.has_value());
    CHECK(parsed.problems.empty());
    CHECK((*parsed.document)["id"].as<std::string>() == "a");
    CHECK((*parsed.document)["list"].size() == 2);
  }

  TEST_CASE("text that is not text, or holds nothing")
  {
    const Parsed binary = parse(std::string("id: a\nname: b\0c\n", 16));
    CHECK_FALSE(binary.document.has_value());
    CHECK(binary.problem().where.line == 2);
    CHECK(binary.problem().where.column == 8);
    CHECK(binary.problem().message.find("not a text file") !=
          std::string::npos);

    CHECK(parse(" \n\t\n").problem().message == "file is empty");
    CHECK(parse("# only\n# comments\n").problem().message ==
          "file has no content (only comments?)");
  }

  TEST_CASE("a lone comma is a syntax error at the comma")
  {
    // yaml-cpp 0.7's LoadAll never returns on it (found by fuzzing).
    const Parsed parsed = parse("# note\n  ,");
    CHECK_FALSE(parsed.document.has_value());
    CHECK(parsed.problem().message.starts_with("YAML syntax error"));
    CHECK(parsed.problem().where.line == 2);
    CHECK(parsed.problem().where.column == 3);
  }

  TEST_CASE("a second document: refused when it holds something")
  {
    const Parsed two = parse("id: a\n---\nid: b\n");
    CHECK_FALSE(two.document.has_value());
    CHECK(two.problem().message ==
          "more than one YAML document; put one routine per file");
    CHECK(two.problem().where.line == 2);
    CHECK(parse("id: a\n---\n").document.has_value());
    CHECK(parse("id: a\n---\n# nothing\n").document.has_value());
  }

  TEST_CASE("tab indentation gets a hint, other syntax errors don't")
  {
    const Parsed tabs = parse("steps:\n\t- a\n");
    CHECK(tabs.problem().message.ends_with("(YAML indents with spaces, not "
                                           "tabs)"));
    const Parsed spaces = parse("a: [b\n");
    CHECK(spaces.problem().message.starts_with("YAML syntax error"));
    CHECK(spaces.problem().message.find("tabs") == std::string::npos);
  }

  TEST_CASE("quotes: an unclosed one is an error at the quote")
  {
    const Parsed double_quote = parse("id: a\nname: \"open\ncue: b\n");
    CHECK(double_quote.problem().message.find("this quote is never closed") !=
          std::string::npos);
    CHECK(double_quote.problem().where.line == 2);
    CHECK(double_quote.problem().where.column == 7);
    // After a byte-order mark, which yaml-cpp leaves out of its positions.
    const Parsed single_quote = parse("\xEF\xBB\xBFid: 'open\n");
    CHECK(single_quote.problem().where.line == 1);
    CHECK(single_quote.problem().where.column == 5);

    const Parsed closed = parse("a: \"say \\\"hi\\\"\"\nb: 'it''s'\n");
    REQUIRE(closed.document.has_value());
    CHECK((*closed.document)["a"].as<std::string>() == "say \"hi\"");
    CHECK((*closed.document)["b"].as<std::string>() == "it's");
  }

  TEST_CASE("deep nesting is refused")
  {
    const Parsed deep = parse(std::string(600, '['));
    CHECK(deep.problem().message.find("too deep") != std::string::npos);
  }

  TEST_CASE("too many values: refused at the first one over, before nodes")
  {
    std::string text = "id: a\nname: b\nsteps: [";
    for (int i = 0; i < 500000; ++i) {
      text += "a,";
    }
    text += "a]\n";
    const Parsed parsed = parse(text);
    CHECK_FALSE(parsed.document.has_value());
    CHECK(parsed.problem().message ==
          "too much YAML: more than 20000 values in one file");
    // After the mapping, 3 keys, 2 values and the list comes the 19,994th
    // "a," of line 3.
    CHECK(parsed.problem().where.line == 3);
    CHECK(parsed.problem().where.column == 9 + 2 * (20000 - 7));

    std::string at_limit = "[";
    for (std::size_t i = 1; i < max_yaml_values; ++i) {
      at_limit += "a,";
    }
    at_limit += "]\n";
    CHECK(parse(at_limit).document.has_value());
  }

  TEST_CASE("too many brackets: refused before yaml-cpp sees them")
  {
    for (char bracket : {'[', '{'}) {
      CAPTURE(bracket);
      const Parsed parsed = parse("id: " + std::string(1000000, bracket));
      CHECK(parsed.problem().message ==
            "too much YAML: more than 10000 '[' and '{' in one file");
      CHECK(parsed.problem().where.line == 1);
      CHECK(parsed.problem().where.column == 5 + 10000);
    }
    std::string many_lists;
    for (std::size_t i = 0; i < max_flow_brackets; ++i) {
      many_lists += "- []\n";
    }
    CHECK(parse(many_lists).document.has_value());
  }
}
