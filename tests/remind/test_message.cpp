#include "remind/message.hpp"

#include <doctest/doctest.h>

using namespace knotrelief;
using namespace knotrelief::remind;

namespace {

coach::AreaPlan area(std::string name, coach::AreaState state)
{
  coach::AreaPlan plan;
  plan.area = std::move(name);
  plan.state = state;
  return plan;
}

} // namespace

TEST_SUITE("remind message")
{
  TEST_CASE("nothing planned: no message")
  {
    coach::Plan plan;
    plan.areas = {area("neck", coach::AreaState::not_due)};
    CHECK_FALSE(session_message(plan));
  }

  TEST_CASE("no area in play (no journal, or nothing for weeks): ask for a "
            "session")
  {
    coach::Plan plan;
    plan.needs_area = true;
    const auto message = session_message(plan);
    REQUIRE(message);
    CHECK(one_line(*message) == "Time for a self-massage session. Run: "
                                "knotrelief today (it asks where it hurts)");
  }

  TEST_CASE("the planned areas and the minutes, rounded up")
  {
    coach::Plan plan;
    plan.planned_seconds = 301;
    plan.areas = {area("neck", coach::AreaState::planned),
                  area("back", coach::AreaState::planned),
                  area("calves", coach::AreaState::stopped),
                  area("glutes", coach::AreaState::planned)};
    const auto message = session_message(plan);
    REQUIRE(message);
    CHECK(message->summary ==
          "Neck, back and glutes: a 6-minute session is due");
    CHECK(message->body == "Run: knotrelief today");
    CHECK(one_line(*message) ==
          "Neck, back and glutes: a 6-minute session is due. Run: knotrelief "
          "today");
  }

  TEST_CASE("a red flag is said")
  {
    coach::Plan plan;
    plan.planned_seconds = 360;
    plan.areas = {area("neck", coach::AreaState::planned)};
    plan.areas[0].red_flag = true;
    CHECK(session_message(plan)->body ==
          "Run: knotrelief today. Neck has been sore for more than two weeks: "
          "see a doctor or physiotherapist");
  }
}
