#include "coach/progress.hpp"
#include "coach_fixtures.hpp"

#include <doctest/doctest.h>

using namespace knotrelief;
using coach_test::line;
using coach_test::today;

namespace {

routine::Routine routine_with(std::string id,
                              std::vector<std::string> techniques)
{
  routine::Routine routine = test::one_step_routine(id, id, 60, 60);
  const routine::Step step = routine.steps.front();
  routine.steps.clear();
  for (auto& technique : techniques) {
    routine.steps.push_back(step);
    routine.steps.back().technique = std::move(technique);
  }
  return routine;
}

// neck-a: pressure then stretch; back-a: pressure twice and a step without
// a technique.
coach::TechniquesByRoutine techniques()
{
  const std::vector<routine::Routine> routines = {
    routine_with("neck-a", {"pressure", "stretch"}),
    routine_with("back-a", {"pressure", "", "pressure"})};
  return coach::techniques_by_routine(routines);
}

coach::Progress fold(const std::vector<std::string>& lines)
{
  coach::ProgressBuilder builder(today, techniques());
  for (const auto& text : lines) {
    auto entry = journal::parse_entry(text);
    REQUIRE_MESSAGE(entry.has_value(), text);
    builder.add(*entry);
  }
  return builder.finish();
}

std::string scored_line(const std::string& routine,
                        const std::string& area,
                        int before,
                        int after)
{
  return fmt::format("routine={} area={} status=completed pain_before={} "
                     "pain_after={}",
                     routine,
                     area,
                     before,
                     after);
}

// neck: 6,6,6 then 4,4,3 in the window (one 9 before it); back: 4 sessions
// that each got worse by 1; a failed session and one after today.
std::vector<std::string> fixture()
{
  std::vector<std::string> lines = {
    line(60, scored_line("neck-a", "neck", 9, 7))};
  const std::vector<std::pair<int, int>> neck = {
    {50, 6}, {45, 6}, {40, 6}, {20, 4}, {10, 4}, {5, 3}};
  for (const auto& [days_ago, before] : neck) {
    lines.push_back(
      line(days_ago, scored_line("neck-a", "neck", before, before - 2)));
  }
  for (int days_ago : {30, 3, 2, 1}) {
    lines.push_back(line(days_ago, scored_line("back-a", "back", 5, 6)));
  }
  lines.push_back(
    line(4, "routine=neck-a area=neck status=failed pain_before=10"));
  lines.push_back(line(-1, scored_line("neck-a", "neck", 0, 0)));
  return lines;
}

} // namespace

TEST_SUITE("coach progress")
{
  TEST_CASE("techniques of a routine: each once, in step order, none empty")
  {
    const auto map = techniques();
    CHECK(map.at("neck-a") == std::vector<std::string>{"pressure", "stretch"});
    CHECK(map.at("back-a") == std::vector<std::string>{"pressure"});
  }

  TEST_CASE("verdicts per area over the window")
  {
    const auto progress = fold(fixture());
    REQUIRE(progress.areas.size() == 2);
    const auto neck = progress.areas.at("neck").window.verdict();
    CHECK(neck.trend == coach::Trend::better);
    CHECK(neck.sessions == 6);
    CHECK(*neck.baseline == doctest::Approx(6.0));
    CHECK(*neck.recent == doctest::Approx(11.0 / 3));
    const auto back = progress.areas.at("back").window.verdict();
    CHECK(back.trend == coach::Trend::too_few);
    CHECK(back.sessions == 4);
    CHECK(*back.baseline == doctest::Approx(5.0));
    CHECK(to_string(neck.trend) == "meaningful improvement");
  }

  TEST_CASE("the window keeps the first and last scores by time, any order")
  {
    std::vector<std::string> lines;
    for (int days_ago : {1, 2, 3, 50, 51, 52, 30}) {
      const int before = days_ago > 40 ? 3 : 7;
      lines.push_back(line(days_ago, scored_line("neck-a", "neck", before, 0)));
    }
    const auto verdict = fold(lines).areas.at("neck").window.verdict();
    CHECK(verdict.sessions == 7);
    CHECK(*verdict.baseline == doctest::Approx(3.0));
    CHECK(*verdict.recent == doctest::Approx(7.0));
    CHECK(verdict.trend == coach::Trend::worse);
  }

  TEST_CASE("weekly soreness: mean pain before per week, oldest first")
  {
    const auto progress = fold(fixture());
    const auto& weeks = progress.areas.at("neck").weeks;
    // Days ago 50, 45, 40, 20, 10 and 5 fall in weeks 0, 1, 2, 5, 6, 7.
    const std::vector<std::optional<double>> expected = {
      6.0, 6.0, 6.0, std::nullopt, std::nullopt, 4.0, 4.0, 3.0};
    for (std::size_t i = 0; i < weeks.size(); ++i) {
      CAPTURE(i);
      CHECK(weeks[i].mean() == expected[i]);
    }
    const auto& back = progress.areas.at("back").weeks;
    CHECK(back[3].mean() == 5.0); // 30 days ago
    CHECK(back[7].count == 3);
  }

  TEST_CASE("immediate change per technique, all time, once a session")
  {
    auto lines = fixture();
    // One session of both routines: pressure counts once.
    lines.push_back(line(0,
                         "routine=neck-a,back-a area=neck,back "
                         "status=completed pain_before=8 pain_after=2"));
    lines.push_back(line(0, scored_line("unknown", "calves", 5, 0)));
    const auto progress = fold(lines);
    REQUIRE(progress.techniques.size() == 2);
    const auto& pressure = progress.techniques.at("pressure");
    CHECK(pressure.count == 12); // 7 neck, 4 back, 1 both
    CHECK(pressure.sum == -14 + 4 - 6);
    const auto& stretch = progress.techniques.at("stretch");
    CHECK(stretch.count == 8);
    CHECK(*stretch.mean() == doctest::Approx(-20.0 / 8));
  }
}
