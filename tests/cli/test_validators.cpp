#include "cli/validators.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace knotrelief::cli;

namespace {

// What the validator says of `text`: "" when it accepts it.
std::string verdict(const CLI::Validator& validator, std::string text)
{
  return validator(text);
}

} // namespace

TEST_SUITE("cli validators")
{
  TEST_CASE("whole numbers: the whole text, within the bounds")
  {
    const auto prep = whole_number(0, 600);
    CHECK(verdict(prep, "0").empty());
    CHECK(verdict(prep, "600").empty());
    CHECK(verdict(prep, "601") ==
          "must be a whole number from 0 to 600, not '601'");
    CHECK(verdict(prep, "-1") ==
          "must be a whole number from 0 to 600, not '-1'");
    for (const char* bad :
         {"", "5x", " 5", "1.5", "abc", "99999999999999999999"}) {
      CAPTURE(bad);
      CHECK_FALSE(verdict(prep, bad).empty());
    }
  }

  TEST_CASE("decimal numbers")
  {
    const auto scale = decimal_number(0.1, 10.0);
    CHECK(verdict(scale, "0.1").empty());
    CHECK(verdict(scale, "2.5").empty());
    CHECK(verdict(scale, "1e1").empty());
    CHECK(verdict(scale, "0.05") ==
          "must be a number from 0.1 to 10, not '0.05'");
    CHECK(verdict(scale, "abc") ==
          "must be a number from 0.1 to 10, not 'abc'");
    CHECK_FALSE(verdict(scale, "nan").empty());
    CHECK_FALSE(verdict(scale, "inf").empty());
  }

  TEST_CASE("one of a few words")
  {
    const auto hold = one_of({"low", "mid", "high"});
    CHECK(verdict(hold, "mid").empty());
    CHECK(verdict(hold, "Mid") == "must be 'low', 'mid' or 'high', not 'Mid'");
  }

  TEST_CASE("not empty")
  {
    CHECK(verdict(not_empty(), "x").empty());
    CHECK(verdict(not_empty(), "") == "must not be empty");
  }

  TEST_CASE("journal text: controls refused, newlines and tabs fine")
  {
    const auto note = journal_text();
    CHECK(verdict(note, "sore\nbut\tbetter\r").empty());
    CHECK(verdict(note, "caf\xc3\xa9").empty());
    CHECK(verdict(note, "\x1b]52;c;aGk=\a") ==
          "must not hold control character \\e (newlines and tabs are "
          "fine)");
    CHECK_FALSE(verdict(note, "\a").empty());
    CHECK_FALSE(verdict(note, "\xc2\x9b").empty());
    CHECK_FALSE(verdict(note, "\u202e").empty());
    CHECK_FALSE(verdict(note, "\x7f").empty());
    CHECK_FALSE(verdict(note, "caf\xe9").empty());
  }
}

TEST_SUITE("cli validators")
{
  TEST_CASE("numbers are decimal: a leading zero is not octal")
  {
    const auto pain = whole_number(0, 10);
    std::string text = "010";
    CHECK(pain(text).empty());
    CHECK(text == "10"); // what CLI11 then converts
    text = "08";
    CHECK(pain(text).empty());
    CHECK(text == "8");
    text = "011";
    CHECK(pain(text) == "must be a whole number from 0 to 10, not '011'");
    const auto scale = decimal_number(0.1, 10.0);
    text = "02.50";
    CHECK(scale(text).empty());
    CHECK(text == "2.5");
  }
}
