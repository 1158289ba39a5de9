#include "coach/after_run.hpp"
#include "coach_fixtures.hpp"

#include <doctest/doctest.h>

using namespace knotrelief;
using namespace knotrelief::coach;
using namespace coach_test;

namespace {

const std::string neck = "routine=neck-a area=neck status=completed hold=low ";

std::vector<std::string> after(const std::vector<std::string>& journal,
                               const std::string& session)
{
  auto entry = journal::parse_entry(line(0, session, 18));
  REQUIRE(entry.has_value());
  return after_run_lines(summarize(journal), *entry);
}

} // namespace

TEST_SUITE("coach after run")
{
  TEST_CASE("today's change against the usual, and the next session")
  {
    CHECK(after({line(2, neck + "pain_before=3 pain_after=1"),
                 line(4, neck + "pain_before=3 pain_after=2")},
                neck + "pain_before=3 pain_after=2") ==
          std::vector<std::string>{
            "Soreness went from 3 to 2 (-1); usually -1.5 with neck-a (2 "
            "sessions).",
            "Next neck session due 2026-11-25 (in 2 days)."});
  }

  TEST_CASE("a first scored session, and an unscored one shows only the next")
  {
    CHECK(after({}, neck + "pain_before=2 pain_after=2") ==
          std::vector<std::string>{
            "Soreness went from 2 to 2 (+0): the first scored session of "
            "neck-a.",
            "Next neck session due tomorrow."});
    CHECK(after({}, neck) ==
          std::vector<std::string>{"Next neck session due tomorrow."});
  }

  TEST_CASE("while chronic, a second session today is fine")
  {
    CHECK(after({line(1, neck + "pain_before=6 pain_after=5")},
                neck + "pain_before=6 pain_after=4")
            .back() == "Next neck session: later today or tomorrow (twice a "
                       "day is fine while it is this sore).");
  }

  TEST_CASE("after a flare or tingling: let it settle")
  {
    CHECK(after({}, neck + "pain_before=2 pain_after=5").back() ==
          "Let neck settle: no session before 2026-11-25 (in 2 days).");
    CHECK(after({}, neck + "tingling=yes").back() ==
          "Let neck settle: no session before 2026-11-25 (in 2 days).");
  }
}
