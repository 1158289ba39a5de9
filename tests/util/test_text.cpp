#include "util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotrelief::text;

TEST_SUITE("text")
{
  TEST_CASE("edit distance counts swaps as one edit")
  {
    CHECK(edit_distance("neck", "neck") == 0);
    CHECK(edit_distance("nek", "neck") == 1);
    CHECK(edit_distance("nekc", "neck") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
  }

  TEST_CASE("did you mean")
  {
    const std::vector<std::string> ids{
      "neck", "back", "calves", "tennis-ball", "tennis-ball-wall"};
    CHECK(did_you_mean("nek", ids) == "; did you mean 'neck'?");
    CHECK(did_you_mean("calfs", ids) == "; did you mean 'calves'?");
    CHECK(did_you_mean("NECK", ids) == "; did you mean 'neck'?");
    CHECK(did_you_mean("tennis", ids) ==
          "; did you mean 'tennis-ball' or 'tennis-ball-wall'?");
    CHECK(did_you_mean("zzzzzzzz", ids).empty());
    CHECK(closest_names("bakc", ids).at(0) == "back");
  }

  TEST_CASE("quoted lists")
  {
    const std::vector<std::string> names{"a", "b", "c"};
    CHECK(quoted_list(names) == "'a', 'b' or 'c'");
    CHECK(quoted_list(std::vector<std::string>{"a"}) == "'a'");
    CHECK(quoted_list(names, "and") == "'a', 'b' and 'c'");
  }

  TEST_CASE("encoding faults")
  {
    CHECK_FALSE(find_encoding_fault("plain ascii").has_value());
    CHECK_FALSE(find_encoding_fault("caf\xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x92\xaa")
                  .has_value());
    auto nul = find_encoding_fault(std::string_view("ab\0c", 4));
    REQUIRE(nul.has_value());
    CHECK(nul->offset == 2);
    CHECK(nul->problem.find("NUL") != std::string::npos);
    auto latin1 = find_encoding_fault("caf\xe9");
    REQUIRE(latin1.has_value());
    CHECK(latin1->offset == 3);
    CHECK(find_encoding_fault("\xc0\xaf").has_value());         // overlong '/'
    CHECK(find_encoding_fault("\xed\xa0\x80").has_value());     // surrogate
    CHECK(find_encoding_fault("\xf4\x90\x80\x80").has_value()); // past U+10FFFF
    CHECK(find_encoding_fault("\xe2\x80").has_value());         // cut short
  }

  TEST_CASE("control characters")
  {
    CHECK_FALSE(find_control_character("tab\tand\nnewline").has_value());
    CHECK(find_control_character("\x1b[31m").has_value());
    CHECK(find_control_character("bell\a").has_value());
    CHECK(find_control_character("del\x7f").has_value());
    CHECK(find_control_character("c1 \xc2\x9b").has_value());
    CHECK_FALSE(find_control_character("nbsp \xc2\xa0").has_value());
  }

  TEST_CASE("line and column of an offset count characters")
  {
    const std::string text = "ab\ncd\xc3\xa9"
                             "f\n";
    CHECK(line_column_at(text, 0).line == 1);
    CHECK(line_column_at(text, 4).line == 2);
    CHECK(line_column_at(text, 4).column == 2);
    // 'f' comes after the two-byte é: byte 7, column 4.
    CHECK(line_column_at(text, 7).column == 4);
  }

  TEST_CASE("widths, fitting and wrapping")
  {
    CHECK(display_width("caf\xc3\xa9") == 4);
    CHECK(fit_width("abc", 5, true) == "abc  ");
    CHECK(fit_width("abcdef", 4, true) == "abc\xe2\x80\xa6");
    CHECK(fit_width("abcdef", 4, false) == "a...");
    CHECK(wrap("one two three four", 9) ==
          std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap("", 10) == std::vector<std::string>{""});
    CHECK(wrap("averyveryverylongword x", 5) ==
          std::vector<std::string>{"averyveryverylongword", "x"});
    CHECK(to_lower("NeCk") == "neck");
  }
}
