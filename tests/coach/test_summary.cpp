#include "coach/rules.hpp"
#include "coach/summary.hpp"
#include "coach_fixtures.hpp"

#include <doctest/doctest.h>

using namespace knotrelief;
using namespace knotrelief::coach;
using namespace coach_test;

namespace {

const std::string neck = "routine=neck-a area=neck status=completed ";

HoldPoint point_after(const std::vector<std::string>& lines)
{
  return summarize(lines).summary().routines.at("neck-a").point;
}

} // namespace

TEST_SUITE("coach summary")
{
  TEST_CASE("hold points step up after two good sessions in a row")
  {
    const std::string good = neck + "hold=low pain_before=4 pain_after=3";
    const std::string good_mid = neck + "hold=mid pain_before=4 pain_after=4";
    CHECK(point_after({line(3, good)}) == HoldPoint::low);
    CHECK(point_after({line(3, good), line(2, good)}) == HoldPoint::mid);
    CHECK(
      point_after(
        {line(5, good), line(4, good), line(3, good_mid), line(2, good_mid)}) ==
      HoldPoint::high);
    CHECK(point_after({line(5, good),
                       line(4, good),
                       line(3, good_mid),
                       line(2, good_mid),
                       line(1, good_mid)}) == HoldPoint::high);
    // A session that went less well, or was quit, starts the count again.
    const std::string worse = neck + "hold=low pain_before=4 pain_after=5";
    CHECK(point_after({line(3, good), line(2, worse), line(1, good)}) ==
          HoldPoint::low);
    const std::string quit =
      "routine=neck-a area=neck status=quit hold=low pain_before=4 "
      "pain_after=3";
    CHECK(point_after({line(3, good), line(2, quit), line(1, good)}) ==
          HoldPoint::low);
    // Unscored at the point breaks the run; without a point (logged by
    // hand) leaves it alone.
    CHECK(
      point_after({line(3, good), line(2, neck + "hold=low"), line(1, good)}) ==
      HoldPoint::low);
    CHECK(point_after({line(3, good),
                       line(2, "routine=neck-a area=neck status=manual"),
                       line(1, good)}) == HoldPoint::mid);
  }

  TEST_CASE("steps done on each side start on the side tighter lately")
  {
    using routine::Side;
    // Answers by days ago; "-" is a session without an answer.
    const struct
    {
      std::vector<std::pair<int, std::string>> answers;
      Side first;
    } cases[] = {
      {{}, Side::left},
      {{{1, "right"}}, Side::right},
      {{{2, "right"}, {1, "left"}}, Side::left}, // a tie: left first
      {{{2, "right"}, {1, "same"}}, Side::right},
      {{{2, "right"}, {1, "-"}}, Side::right}, // no answer: not counted
      {{{3, "left"}, {2, "right"}, {1, "right"}}, Side::right},
      {{{3, "right"}, {2, "right"}, {1, "left"}}, Side::left},
      {{{1, "right"}, {3, "left"}, {2, "left"}}, Side::left}, // by time
      {{{1, "same"}, {2, "same"}}, Side::left},
    };
    for (const auto& c : cases) {
      std::vector<std::string> lines;
      for (const auto& [days_ago, answer] : c.answers) {
        lines.push_back(
          line(days_ago, neck + (answer == "-" ? "" : "tighter=" + answer)));
      }
      CAPTURE(lines.size());
      const auto builder = summarize(lines);
      const auto& routines = builder.summary().routines;
      const Side first = routines.contains("neck-a")
                           ? routines.at("neck-a").first_side()
                           : RoutineSummary{}.first_side();
      CHECK(first == c.first);
    }
  }

  TEST_CASE("a flare or tingling steps down from the point used")
  {
    const std::string flare = neck + "hold=high pain_before=3 pain_after=5";
    const std::string tingling = neck + "hold=mid tingling=yes";
    CHECK(point_after({line(2, flare)}) == HoldPoint::mid);
    CHECK(point_after({line(2, tingling)}) == HoldPoint::low);
    CHECK(
      point_after({line(2, neck + "hold=low pain_before=3 pain_after=5")}) ==
      HoldPoint::low);
    const auto summary = summarize({line(2, flare)}).summary();
    CHECK(summary.routines.at("neck-a").move == HoldMove::down);
    CHECK(summary.areas.at("neck").stop_day == today - 2);
    CHECK_FALSE(summary.areas.at("neck").stop_was_tingling);
  }

  TEST_CASE("the latest scores by time, even out of journal order")
  {
    const auto summary =
      summarize({
                  line(1, neck + "pain_before=7 pain_after=6"),
                  line(9, neck + "pain_before=1 pain_after=1"),
                  line(3, neck + "pain_before=5 pain_after=3"),
                  line(2, neck + "pain_before=6 pain_after=5"),
                })
        .summary();
    const AreaSummary& area = summary.areas.at("neck");
    CHECK(values_of(area.last_scores) == std::vector{5, 6, 7});
    CHECK(*area.recent_soreness() == doctest::Approx(6));
    CHECK(*area.chronic_mean() == doctest::Approx(19.0 / 4));
    CHECK(area.last_day == today - 1);
    CHECK(area.sessions_between(today - 6, today) == 3);
    CHECK(values_of(summary.routines.at("neck-a").last_changes) ==
          std::vector{0, -2, -1, -1});
  }

  TEST_CASE("sessions after today are left out, and memory stays bounded")
  {
    std::vector<std::string> lines{line(-1, neck + "pain_before=9")};
    const auto future = summarize(lines).summary();
    CHECK(future.entries == 0);
    CHECK(future.areas.empty());
    for (int day = 400; day >= 0; --day) {
      lines.push_back(line(day, neck + "pain_before=4 pain_after=3"));
    }
    const auto long_one = summarize(lines).summary();
    const AreaSummary& area = long_one.areas.at("neck");
    CHECK(area.last_scores.size() == recent_score_count);
    CHECK(area.sessions_by_day.size() ==
          static_cast<std::size_t>(active_window_days));
    CHECK(long_one.routines.at("neck-a").last_changes.size() ==
          routine_change_count);
  }
}
