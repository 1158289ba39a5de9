#include "coach/soreness_map.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// A journal line `days_ago` days before now, at 08:00 UTC.
std::string session_days_ago(int days_ago, const std::string& area, int before)
{
  const auto day =
    std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
    std::chrono::days(days_ago);
  return fmt::format("{:%Y-%m-%d}T08:00:00+00:00 routine={} area={} "
                     "status=completed actual_s=300 pain_before={}\n",
                     day,
                     area,
                     area,
                     before);
}

} // namespace

TEST_SUITE("soreness map")
{
  TEST_CASE("the mean of the last weeks per area, and its shade")
  {
    knotrelief::coach::Progress progress;
    auto& neck = progress.areas["neck"];
    neck.weeks[0].add(9); // outside the last four weeks
    neck.weeks[5].add(4);
    neck.weeks[7].add(3);
    progress.areas["back"].weeks[1].add(5); // nothing recent: left out
    const auto areas = knotrelief::coach::recent_soreness(progress);
    REQUIRE(areas.size() == 1);
    CHECK(areas[0].area == "neck");
    CHECK(areas[0].mean == doctest::Approx(3.5));
    CHECK(areas[0].scored == 2);
    CHECK(areas[0].level == 2);
    CHECK(knotrelief::coach::soreness_level(0.0) == 1);
    CHECK(knotrelief::coach::soreness_level(7.5) == 4);
    CHECK(knotrelief::coach::soreness_level(10.0) == 4);
    // The level of the mean as shown: 4.96 shows as 5.0, in 5.0-7.4.
    CHECK(knotrelief::coach::soreness_level(4.96) == 3);
    CHECK(knotrelief::coach::soreness_level(2.44) == 1);
  }

  TEST_CASE(
    "log stats: the map shades each area's spots, and text and JSON give "
    "the same numbers")
  {
    TempDir dir;
    std::string content;
    content += session_days_ago(40, "neck", 9); // before the last 4 weeks
    content += session_days_ago(20, "neck", 4);
    content += session_days_ago(5, "neck", 3);
    content += session_days_ago(2, "back", 8);
    dir.write("journal.txt", content);
    const std::string journal = (dir.path() / "journal.txt").string();
    auto text = run_knotrelief({"--journal", journal, "log", "stats"},
                               {.env = {{"TZ", "UTC"}}});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("Soreness map: mean soreness before sessions, last 4 "
                        "weeks (0-10)\nL        FRONT") != std::string::npos);
    CHECK(text.out.find("\u2591 0-2.4   \u2592 2.5-4.9   \u2593 5.0-7.4   "
                        "\u2588 7.5-10\n") != std::string::npos);
    CHECK(text.out.find("  \u2588 back        8.0  (1 scored)\n"
                        "  \u2592 neck        3.5  (2 scored)\n") !=
          std::string::npos);
    // The back's spots in the darkest shade, the neck's in the second.
    CHECK(text.out.find("\u2588") < text.out.find("\u2591 under"));
    CHECK(text.out.find("\u2592 \u2592") != std::string::npos);

    auto json = run_knotrelief({"--journal", journal, "log", "stats", "--json"},
                               {.env = {{"TZ", "UTC"}}});
    const auto map = nlohmann::json::parse(json.out)["soreness_map"];
    CHECK(map["weeks"] == 4);
    CHECK(map["areas"] == nlohmann::json::parse(
                            R"([{"area": "back", "mean": 8.0, "scored": 1,
                                 "level": 4},
                                {"area": "neck", "mean": 3.5, "scored": 2,
                                 "level": 2}])"));
  }
}
