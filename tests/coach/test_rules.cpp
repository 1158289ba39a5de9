#include "coach/rules.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace knotrelief::coach;

TEST_SUITE("coach rules")
{
  TEST_CASE("the rules' numbers, as knotrelief(1) gives them")
  {
    CHECK(active_window_days == 28);
    CHECK(recent_score_count == 3);
    CHECK(chronic_window_days == 14);
    CHECK(chronic_score == 4.0);
    CHECK(chronic_sessions_per_day == 2);
    CHECK(maintenance_window_days == 7);
    CHECK(maintenance_sessions == 3);
    CHECK(maintenance_gap_days == 2);
    CHECK(routine_change_count == 5);
    CHECK(routine_min_scored == 2);
    CHECK(progression_streak == 2);
    CHECK(tighter_answer_count == 2);
    CHECK(flare_rise == 2);
    CHECK(stop_window_days == 2);
    CHECK(painful_score == 3);
    CHECK(red_flag_span_days == 14);
    CHECK(red_flag_recent_days == 7);
    CHECK(default_budget_minutes == 10);
    CHECK(verdict_window_days == 56);
    CHECK(verdict_mean_count == 3);
    CHECK(verdict_min_sessions == 6);
    CHECK(meaningful_fraction == 0.3);
  }

  TEST_CASE("a meaningful change: 1, 2 or 3 points by baseline, or 30 %")
  {
    CHECK(meaningful_change(0) == 1.0);
    CHECK(meaningful_change(0.5) == 1.0);
    CHECK(meaningful_change(2) == doctest::Approx(0.6));
    CHECK(meaningful_change(4) == 1.0); // 30 % is 1.2
    CHECK(meaningful_change(5) == doctest::Approx(1.5));
    CHECK(meaningful_change(7) == 2.0);
    CHECK(meaningful_change(8) == doctest::Approx(2.4));
    CHECK(meaningful_change(10) == 3.0);
  }

  TEST_CASE("the trend verdict: baseline and recent means of three")
  {
    struct Row
    {
      std::vector<int> scores;
      Trend trend;
      double baseline;
      double recent;
    };
    const Row rows[] = {
      {{6, 6, 6, 5, 4, 4}, Trend::no_clear_change, 6, 13.0 / 3}, // 1.8 needed
      {{7, 7, 7, 5, 5, 5}, Trend::better, 7, 5},                 // -2 from 7
      {{3, 3, 3, 2, 2, 2}, Trend::better, 3, 2}, // 30 % of 3 is 0.9
      {{8, 8, 8, 6, 6, 5}, Trend::no_clear_change, 8, 17.0 / 3}, // 2.4 needed
      {{8, 8, 8, 6, 5, 5}, Trend::better, 8, 16.0 / 3},
      {{2, 2, 2, 4, 4, 4}, Trend::worse, 2, 4},
      {{5, 5, 5, 5, 6, 5}, Trend::no_clear_change, 5, 16.0 / 3},
      {{0, 0, 0, 0, 0, 1}, Trend::no_clear_change, 0, 1.0 / 3},
      {{0, 0, 0, 1, 1, 1}, Trend::worse, 0, 1},
    };
    for (const Row& row : rows) {
      CAPTURE(row.baseline);
      CAPTURE(row.recent);
      const TrendVerdict verdict = trend_verdict(row.scores);
      CHECK(verdict.trend == row.trend);
      CHECK(verdict.sessions == row.scores.size());
      CHECK(*verdict.baseline == doctest::Approx(row.baseline));
      CHECK(*verdict.recent == doctest::Approx(row.recent));
    }
  }

  TEST_CASE("under six scored sessions is too few to tell")
  {
    const TrendVerdict five = trend_verdict(std::vector{9, 9, 9, 1, 1});
    CHECK(five.trend == Trend::too_few);
    CHECK(five.baseline.has_value());
    const TrendVerdict two = trend_verdict(std::vector{9, 1});
    CHECK(two.trend == Trend::too_few);
    CHECK_FALSE(two.baseline.has_value());
    CHECK(to_string(Trend::too_few) == "too few sessions");
    CHECK(to_string(Trend::no_clear_change) == "no clear change");
  }
}
