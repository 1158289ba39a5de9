#include "remind/units.hpp"

#include <doctest/doctest.h>

using namespace knotrelief::remind;

namespace {

std::vector<UnitFile> files_for(const ScheduleOptions& options,
                                std::vector<std::string> global = {})
{
  auto schedule = parse_schedule(options);
  REQUIRE(schedule.has_value());
  auto files = unit_files(*schedule, "/usr/bin/knotrelief", global);
  REQUIRE(files.has_value());
  return *files;
}

bool has_line(const std::string& text, const std::string& line)
{
  return text.find("\n" + line + "\n") != std::string::npos;
}

} // namespace

TEST_SUITE("remind units")
{
  TEST_CASE("exec_line quotes each word for systemd")
  {
    const std::vector<std::string> argv{
      "/opt/my apps/knotrelief", "--journal", "/home/a/100% \"done\"\\$HOME"};
    CHECK(*exec_line(argv) == "\"/opt/my apps/knotrelief\" \"--journal\" "
                              "\"/home/a/100%% \\\"done\\\"\\\\$$HOME\"");
    const std::vector<std::string> newline{"/bin/knotrelief", "a\nb"};
    CHECK(exec_line(newline).error() ==
          "'a\nb' cannot go in a unit file: control character \\n");
    // systemd reads unit files as UTF-8: a Latin-1 path cannot be written.
    const std::vector<std::string> latin1{"/bin/knotrelief", "/home/j\xe9r"};
    CHECK(exec_line(latin1).error() ==
          "'/home/j\xe9r' cannot go in a unit file: invalid UTF-8");
  }

  TEST_CASE("a reminder: a service that runs check and a persistent timer")
  {
    const auto files = files_for({.at = "07:30", .days = "weekdays"},
                                 {"--journal", "/j/journal.txt"});
    REQUIRE(files.size() == 2);
    CHECK(files[0].name == "knotrelief-remind.service");
    CHECK(has_line(files[0].text,
                   "ExecStart=\"/usr/bin/knotrelief\" \"--journal\" "
                   "\"/j/journal.txt\" \"remind\" \"check\""));
    CHECK(has_line(files[0].text, "Type=oneshot"));
    CHECK(files[1].name == "knotrelief-remind.timer");
    const std::string& timer = files[1].text;
    CHECK(has_line(timer, "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 07:30:00"));
    CHECK(has_line(timer, "Persistent=true"));
    CHECK(has_line(timer, "RandomizedDelaySec=0"));
    CHECK(has_line(timer, "WantedBy=timers.target"));
    CHECK(schedule_in(timer) == "--at 07:30 --days weekdays");
  }

  TEST_CASE("every day has no weekday in OnCalendar")
  {
    const auto files = files_for({.at = "21:05"});
    CHECK(has_line(files[1].text, "OnCalendar=*-*-* 21:05:00"));
  }

  TEST_CASE("breaks: a second pair, one OnCalendar a time, not persistent")
  {
    const auto files =
      files_for({.days = "mon,fri", .breaks = "2h", .between = "09:00-13:00"});
    REQUIRE(files.size() == 4);
    CHECK(files[2].name == "knotrelief-break.service");
    CHECK(has_line(files[2].text,
                   "ExecStart=\"/usr/bin/knotrelief\" \"remind\" \"check\" "
                   "\"--break\""));
    CHECK(files[3].name == "knotrelief-break.timer");
    CHECK(has_line(files[3].text, "OnCalendar=Mon,Fri *-*-* 11:00:00"));
    CHECK(has_line(files[3].text, "OnCalendar=Mon,Fri *-*-* 13:00:00"));
    CHECK(files[3].text.find("09:00:00") == std::string::npos);
    CHECK(has_line(files[3].text, "Persistent=false"));
    CHECK(has_line(files[3].text, "Unit=knotrelief-break.service"));
  }

  TEST_CASE("the same schedule gives the same files")
  {
    CHECK(files_for({.at = "07:30"})[1].text ==
          files_for({.at = "07:30", .days = "daily"})[1].text);
    CHECK(files_for({.at = "07:30"})[1].text !=
          files_for({.at = "07:31"})[1].text);
  }
}
