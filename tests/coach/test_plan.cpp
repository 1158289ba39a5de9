#include "coach/plan.hpp"
#include "coach_fixtures.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace knotrelief;
using namespace knotrelief::coach;
using namespace coach_test;

namespace {

std::string_view state_text(AreaState state)
{
  constexpr std::string_view names[] = {
    "planned", "over budget", "not due", "stopped", "no routine"};
  return names[static_cast<int>(state)];
}

// The whole plan as text, one line per area and per piece of advice.
std::string describe(const Plan& plan)
{
  std::string text =
    fmt::format("{}s of {}s{}{}\n",
                plan.planned_seconds,
                plan.budget_seconds,
                plan.needs_area ? ", needs an area" : "",
                plan.next_due_day ? fmt::format(", next due in {} days",
                                                *plan.next_due_day - today)
                                  : "");
  for (const AreaPlan& area : plan.areas) {
    text += fmt::format("{} [{}{}{}] {}",
                        area.area,
                        state_text(area.state),
                        area.chronic ? ", chronic" : "",
                        area.red_flag ? ", red flag" : "",
                        area.reason);
    if (area.choice) {
      text += fmt::format(" | {} {} {}s | {} | {}",
                          area.choice->id,
                          session::to_string(area.choice->hold),
                          area.choice->seconds,
                          area.choice->reason,
                          area.choice->hold_reason);
    }
    text += "\n";
  }
  for (const auto& advice : plan.advice) {
    text += "advice: " + advice + "\n";
  }
  return text;
}

struct Scenario
{
  const char* name;
  std::vector<std::string> journal;
  PlanOptions options;
  std::vector<routine::Routine> routines;
  std::string expected;
};

const std::string run_neck = "routine=neck-a area=neck status=completed ";

std::vector<Scenario> scenarios()
{
  auto user_library = library();
  user_library[2] = one_step_routine("neck-a", "neck", 60, 60);
  user_library[2].origin = routine::Origin::user;
  user_library[2].replaces_builtin = true;
  auto neck_only = library();
  neck_only.pop_back();
  const std::string scored = run_neck + "hold=low pain_before=";
  return {
    {"an empty journal asks where it hurts",
     {},
     {},
     library(),
     "0s of 600s, needs an area\n"},
    {"a first run for the area asked for",
     {},
     {10, "neck"},
     library(),
     "120s of 600s\n"
     "neck [planned] first session for this area: starting gently | neck-a low "
     "120s | trying neck-a (not tried yet) | low (a first time starts gently)\n"
     "advice: To keep it at bay, aim for 3 to 5 sessions a week.\n"},
    {"sessions older than four weeks count as a first run",
     {line(40, scored + "5 pain_after=3")},
     {},
     library(),
     "0s of 600s, needs an area\n"},
    {"one area, two good sessions: the best routine, a step up",
     {line(5, scored + "3 pain_after=2"), line(3, scored + "3 pain_after=2")},
     {},
     library(),
     "180s of 600s\n"
     "neck [planned] 2 sessions in 7 days, last one 3 days ago | neck-a mid "
     "180s | neck-a eased it by 1.0 on average (2 sessions) | mid (up from "
     "low: your last 2 sessions went well)\n"
     "advice: To keep it at bay, aim for 3 to 5 sessions a week.\n"},
    {"chronic: due every day",
     {line(3, scored + "6 pain_after=5"),
      line(2, scored + "6 pain_after=6"),
      line(1, scored + "7 pain_after=6")},
     {},
     library(),
     "120s of 600s\n"
     "neck [planned, chronic] sore 6.3/10 on average over 14 days: a session "
     "every day | neck-b low 120s | trying neck-b (not tried yet; neck-a: -0.7 "
     "in 3) | low (a first time starts gently)\n"
     "advice: While it stays this sore, a session every day helps; twice a day "
     "is fine.\n"},
    {"chronic, twice today already: due tomorrow",
     {line(1, scored + "6 pain_after=5"),
      line(0, scored + "6 pain_after=6", 7),
      line(0, scored + "6 pain_after=5", 19)},
     {},
     library(),
     "0s of 600s, next due in 1 days\n"
     "neck [not due, chronic] sore 6.0/10 on average over 14 days: a session "
     "every day; next due 2026-11-24\n"},
    {"maintenance not due: three sessions this week, one yesterday",
     {line(5, scored + "2 pain_after=1"),
      line(3, scored + "2 pain_after=2"),
      line(1, scored + "2 pain_after=1")},
     {},
     library(),
     "0s of 600s, next due in 1 days\n"
     "neck [not due] 3 sessions in 7 days, last one yesterday; next due "
     "2026-11-24\n"},
    {"a flare yesterday stops the area",
     {line(1, run_neck + "hold=mid pain_before=3 pain_after=6")},
     {},
     library(),
     "0s of 600s\n"
     "neck [stopped] not today: soreness flared after a session yesterday\n"
     "advice: neck: leave it alone for two days. Numbness, tingling or "
     "weakness, or soreness that keeps flaring, is a reason to see a "
     "professional.\n"},
    {"tingling today stops the area; another area goes on",
     {line(0,
           "routine=calf-a area=calves status=completed hold=low tingling=yes"),
      line(4, scored + "3 pain_after=3")},
     {},
     library(),
     "120s of 600s\n"
     "neck [planned] 1 session in 7 days, last one 4 days ago | neck-b low "
     "120s | trying neck-b (not tried yet) | low (a first time starts gently)\n"
     "calves [stopped] not today: numbness or tingling today\n"
     "advice: calves: leave it alone for two days. Numbness, tingling or "
     "weakness, or soreness that keeps flaring, is a reason to see a "
     "professional.\n"
     "advice: To keep it at bay, aim for 3 to 5 sessions a week.\n"},
    {"the two-week red flag: first, at low only",
     {line(20,
           "routine=back-a area=back status=completed hold=mid pain_before=5 "
           "pain_after=4"),
      line(10,
           "routine=back-a area=back status=completed hold=mid pain_before=5 "
           "pain_after=4"),
      line(1,
           "routine=back-a area=back status=completed hold=mid pain_before=5 "
           "pain_after=4"),
      line(2, scored + "2 pain_after=1")},
     {},
     library(),
     "420s of 600s\n"
     "back [planned, chronic, red flag] sore 5.0/10 on average over 14 days: a "
     "session every day | back-a low 300s | back-a eased it by 1.0 on average "
     "(3 sessions) | low (sore for over two weeks: gently)\n"
     "neck [planned] 1 session in 7 days, last one 2 days ago | neck-b low "
     "120s | trying neck-b (not tried yet) | low (a first time starts gently)\n"
     "advice: back has been sore for more than two weeks: see a doctor or "
     "physiotherapist. Until then it is planned at low only.\n"
     "advice: While it stays this sore, a session every day helps; twice a day "
     "is fine.\n"},
    {"two areas over a five-minute budget",
     {line(3, scored + "6 pain_after=4"),
      line(4,
           "routine=back-a area=back status=completed hold=low pain_before=4 "
           "pain_after=3")},
     {5, ""},
     library(),
     "120s of 300s\n"
     "neck [planned, chronic] sore 6.0/10 on average over 14 days: a session "
     "every day | neck-b low 120s | trying neck-b (not tried yet) | low (a "
     "first time starts gently)\n"
     "back [over budget, chronic] sore 4.0/10 on average over 14 days: a "
     "session every day | back-a low 300s | back-a (too few scores to compare "
     "yet) | low (1 of 2 good sessions before mid)\n"
     "advice: While it stays this sore, a session every day helps; twice a day "
     "is fine.\n"},
    {"an untried routine while the best known eases too little",
     {line(6, scored + "5 pain_after=5"), line(4, scored + "5 pain_after=4")},
     {},
     library(),
     "120s of 600s\n"
     "neck [planned, chronic] sore 5.0/10 on average over 14 days: a session "
     "every day | neck-b low 120s | trying neck-b (not tried yet; neck-a: -0.5 "
     "in 2) | low (a first time starts gently)\n"
     "advice: While it stays this sore, a session every day helps; twice a day "
     "is fine.\n"},
    {"progression down after a flare three days ago",
     {line(12, scored + "4 pain_after=3"),
      line(10, scored + "4 pain_after=3"),
      line(8, run_neck + "hold=mid pain_before=4 pain_after=2"),
      line(3, run_neck + "hold=mid pain_before=3 pain_after=5")},
     {},
     neck_only,
     "120s of 600s\n"
     "neck [planned] 1 session in 7 days, last one 3 days ago | neck-a low "
     "120s | neck-a eased it by 0.5 on average (4 sessions) | low (eased off "
     "after a flare or tingling)\n"
     "advice: To keep it at bay, aim for 3 to 5 sessions a week.\n"},
    {"a user routine replaces the built-in of the same id",
     {line(5, scored + "3 pain_after=1"), line(3, scored + "3 pain_after=1")},
     {},
     user_library,
     "60s of 600s\n"
     "neck [planned] 2 sessions in 7 days, last one 3 days ago | neck-a mid "
     "60s | neck-a eased it by 2.0 on average (2 sessions) | mid (up from low: "
     "your last 2 sessions went well)\n"
     "advice: To keep it at bay, aim for 3 to 5 sessions a week.\n"},
    {"manual entries without scores",
     {line(4, "routine=neck-a area=neck status=manual actual_s=300"),
      line(1, "routine=neck-a area=neck status=manual")},
     {},
     library(),
     "120s of 600s\n"
     "neck [planned] 2 sessions in 7 days, last one yesterday | neck-b low "
     "120s | trying neck-b (not tried yet) | low (a first time starts gently)\n"
     "advice: To keep it at bay, aim for 3 to 5 sessions a week.\n"},
    {"an area no routine works",
     {line(2, "routine=gone area=shoulders status=completed hold=low")},
     {},
     library(),
     "0s of 600s\n"
     "shoulders [no routine] no routine for this area\n"},
  };
}

} // namespace

TEST_SUITE("coach plan")
{
  TEST_CASE("the planner on journal scenarios")
  {
    for (const Scenario& scenario : scenarios()) {
      CAPTURE(scenario.name);
      const auto summary = summarize(scenario.journal);
      const Plan plan =
        make_plan(summary.summary(), scenario.routines, scenario.options);
      CHECK(describe(plan) == scenario.expected);
      // The same inputs give the same plan.
      CHECK(describe(make_plan(summary.summary(),
                               scenario.routines,
                               scenario.options)) == describe(plan));
    }
  }
}
