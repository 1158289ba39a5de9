#include "journal/csv.hpp"

#include <doctest/doctest.h>

using knotrelief::journal::csv_field;

TEST_SUITE("journal csv")
{
  TEST_CASE("a field is quoted only when RFC 4180 needs it, quotes doubled")
  {
    const struct
    {
      std::string_view value;
      std::string_view field;
    } cases[] = {
      {"", ""},
      {"plain words", "plain words"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {" lead", "\" lead\""},
      {"trail ", "\"trail \""},
      {"=1+1", "=1+1"}, // kept as written (knotrelief(1))
      {"caf\xc3\xa9", "caf\xc3\xa9"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.value);
      CHECK(csv_field(c.value) == c.field);
    }
  }
}
