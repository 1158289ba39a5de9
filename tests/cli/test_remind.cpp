// `knotrelief remind`, end to end: check against fixture journals with a
// stand-in notify-send, and enable/disable/status where no systemd user
// manager answers. (tests/e2e/check_remind_*.sh use systemd itself.)

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;
using knotrelief::test::fixture;
using knotrelief::test::ProcessResult;
using knotrelief::test::read_text;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// A notify-send that writes its arguments, one a line, to `args` beside it.
fs::path stand_in_notify_send(const TempDir& dir, int status = 0)
{
  fs::path script = dir.write(
    "bin/notify-send",
    fmt::format(
      "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args\"\n"
      "exit {}\n",
      status));
  fs::permissions(script, fs::perms::owner_all);
  return script;
}

ProcessResult check_on(const std::string& journal,
                       const TempDir& dir,
                       std::vector<std::string> extra = {})
{
  std::vector<std::string> args{"--journal", journal, "remind", "check"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_knotrelief(args,
                        {.env = {{"TZ", "UTC"},
                                 {"KNOTRELIEF_TODAY", "2026-11-23"},
                                 {"KNOTRELIEF_NOTIFY_SEND",
                                  (dir.path() / "bin/notify-send").string()}}});
}

std::string journal_fixture(const std::string& name)
{
  return fixture("journals/" + name).string();
}

std::string recorded(const TempDir& dir)
{
  return read_text(dir.path() / "bin/args");
}

// The environment of a machine where no user manager answers: systemctl is
// not there at all, or it finds no bus.
std::map<std::string, std::string> no_manager(const TempDir& dir,
                                              bool systemctl_missing)
{
  std::map<std::string, std::string> env{
    {"TZ", "UTC"},
    {"KNOTRELIEF_TODAY", "2026-11-23"},
    {"HOME", dir.path().string()},
    {"XDG_CONFIG_HOME", (dir.path() / "config").string()},
    {"XDG_DATA_HOME", (dir.path() / "data").string()}};
  if (systemctl_missing) {
    env["KNOTRELIEF_SYSTEMCTL"] = (dir.path() / "no-systemctl").string();
  }
  return env;
}

fs::path units(const TempDir& dir)
{
  return dir.path() / "config/systemd/user";
}

} // namespace

TEST_SUITE("cli remind")
{
  TEST_CASE("check: a session due: notify-send gets the summary and command")
  {
    TempDir dir;
    stand_in_notify_send(dir);
    const auto result = check_on(journal_fixture("coach.txt"), dir);
    CHECK(result.status == 0);
    CHECK(result.out == "");
    CHECK(result.err == "");
    CHECK(recorded(dir) == "--app-name=knotrelief\n--\n"
                           "Neck and back: a 9-minute session is due\n"
                           "Run: knotrelief today\n");
  }

  TEST_CASE("check: nothing due, or today's session done: no notification, "
            "exit 0")
  {
    for (const char* journal : {"coach_done.txt", "remind_done_today.txt"}) {
      CAPTURE(journal);
      TempDir dir;
      stand_in_notify_send(dir);
      const auto result = check_on(journal_fixture(journal), dir);
      CHECK(result.status == 0);
      CHECK(result.out == "No session due today.\n");
      CHECK_FALSE(fs::exists(dir.path() / "bin/args"));
    }
  }

  TEST_CASE("check: no journal yet: a session is asked for")
  {
    TempDir dir;
    stand_in_notify_send(dir);
    const auto result = check_on((dir.path() / "no-journal.txt").string(), dir);
    CHECK(result.status == 0);
    CHECK(recorded(dir) == "--app-name=knotrelief\n--\n"
                           "Time for a self-massage session\n"
                           "Run: knotrelief today (it asks where it hurts)\n");
  }

  TEST_CASE("check: a journal that cannot be read is an error, not a guess")
  {
    TempDir dir;
    stand_in_notify_send(dir);
    // A folder where the journal should be: open(2) works, read(2) fails,
    // for root too.
    const fs::path journal = dir.path() / "journal.txt";
    fs::create_directories(journal);
    const auto result = check_on(journal.string(), dir);
    CHECK(result.status == 1);
    CHECK(result.out == "");
    CHECK(result.err.find(journal.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "bin/args"));
  }

  TEST_CASE("check: a red flag is in the notification")
  {
    TempDir dir;
    stand_in_notify_send(dir);
    const auto result = check_on(journal_fixture("remind_red_flag.txt"), dir);
    CHECK(result.status == 0);
    CHECK(recorded(dir) ==
          "--app-name=knotrelief\n--\nNeck: a 4-minute session is due\n"
          "Run: knotrelief today. Neck has been sore for more than two weeks: "
          "see a doctor or physiotherapist\n");
  }

  TEST_CASE("check: without notify-send, or when it fails, the line on stdout")
  {
    TempDir dir;
    auto result = check_on(journal_fixture("coach.txt"), dir);
    CHECK(result.status == 0);
    CHECK(result.out == "Neck and back: a 9-minute session is due. Run: "
                        "knotrelief today\n");
    CHECK(result.err.starts_with(
      "knotrelief: warning: no notification: cannot run "));
    stand_in_notify_send(dir, 1);
    result = check_on(journal_fixture("coach.txt"), dir);
    CHECK(result.status == 0);
    CHECK(result.out.starts_with("Neck and back: a 9-minute session is due"));
  }

  TEST_CASE("check --break suggests a stretch whatever the journal says")
  {
    TempDir dir;
    stand_in_notify_send(dir);
    const auto result =
      check_on(journal_fixture("coach_done.txt"), dir, {"--break"});
    CHECK(result.status == 0);
    CHECK(recorded(dir).starts_with(
      "--app-name=knotrelief\n--\nTime for a movement break\n"));
  }

  TEST_CASE("check never writes the journal and waits on no lock")
  {
    TempDir dir;
    stand_in_notify_send(dir);
    const fs::path folder = dir.path() / "ro";
    fs::create_directories(folder);
    const fs::path journal = folder / "journal.txt";
    fs::copy_file(journal_fixture("coach.txt"), journal);
    const std::string before = read_text(journal);
    const auto mtime = fs::last_write_time(journal);
    fs::permissions(journal, fs::perms::owner_read);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    // A running session holds this lock while it writes.
    const int fd = ::open(journal.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    const auto result = check_on(journal.string(), dir);
    ::close(fd);
    CHECK(result.status == 0);
    CHECK(recorded(dir).find("9-minute session is due") != std::string::npos);
    CHECK(read_text(journal) == before);
    CHECK(fs::last_write_time(journal) == mtime);
    CHECK(fs::directory_iterator(folder)->path() == journal);
    fs::permissions(folder, fs::perms::owner_all);
  }

  TEST_CASE("enable without a user manager: files written, commands printed")
  {
    for (const bool missing : {true, false}) {
      CAPTURE(missing);
      TempDir dir;
      const auto env = no_manager(dir, missing);
      const auto result = run_knotrelief(
        {"remind", "enable", "--at", "07:30", "--days", "weekdays"},
        {.env = env});
      CHECK(result.status == 0);
      CHECK(result.err == "");
      CHECK(result.out.starts_with(
        "Reminder at 07:30 on weekdays; unit files in ~/config/systemd/user.\n"
        "No systemd user manager answers ("));
      CHECK(result.out.ends_with("Run these where one does:\n"
                                 "  systemctl --user daemon-reload\n"
                                 "  systemctl --user enable --now "
                                 "knotrelief-remind.timer\n"
                                 "  systemctl --user restart "
                                 "knotrelief-remind.timer\n"));
      CHECK(read_text(units(dir) / "knotrelief-remind.timer")
              .find("\nOnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 07:30:00\n") !=
            std::string::npos);
      CHECK(fs::exists(units(dir) / "knotrelief-remind.service"));
    }
  }

  TEST_CASE("enable twice: rewritten in place, the same files for the same "
            "options")
  {
    TempDir dir;
    const auto env = no_manager(dir, true);
    const std::vector<std::string> enable{
      "remind", "enable", "--breaks", "50m", "--days", "mon,wed,fri"};
    REQUIRE(run_knotrelief(enable, {.env = env}).status == 0);
    const std::string timer = read_text(units(dir) / "knotrelief-remind.timer");
    const std::string breaks = read_text(units(dir) / "knotrelief-break.timer");
    REQUIRE(run_knotrelief(enable, {.env = env}).status == 0);
    CHECK(read_text(units(dir) / "knotrelief-remind.timer") == timer);
    CHECK(read_text(units(dir) / "knotrelief-break.timer") == breaks);
    CHECK(std::distance(fs::directory_iterator(units(dir)),
                        fs::directory_iterator()) == 4);
    // Another schedule without breaks: changed, and the breaks' pair gone.
    REQUIRE(run_knotrelief({"remind", "enable", "--at", "18:00"}, {.env = env})
              .status == 0);
    CHECK(read_text(units(dir) / "knotrelief-remind.timer") != timer);
    CHECK(std::distance(fs::directory_iterator(units(dir)),
                        fs::directory_iterator()) == 2);
  }

  TEST_CASE("enable: the service runs this binary with the journal, quoted")
  {
    TempDir dir;
    auto env = no_manager(dir, true);
    const std::string journal =
      (dir.path() / "my notes/100% sore.txt").string();
    REQUIRE(
      run_knotrelief({"--journal", journal, "remind", "enable"}, {.env = env})
        .status == 0);
    const std::string service =
      read_text(units(dir) / "knotrelief-remind.service");
    std::string quoted = journal;
    quoted.replace(quoted.find('%'), 1, "%%");
    CHECK(service.find(fmt::format("\nExecStart=\"{}\" \"--journal\" \"{}\" "
                                   "\"remind\" \"check\"\n",
                                   fs::canonical(KNOTRELIEF_BINARY).string(),
                                   quoted)) != std::string::npos);
  }

  TEST_CASE("enable with a bad schedule: a usage error naming the option")
  {
    TempDir dir;
    const auto result = run_knotrelief({"remind", "enable", "--at", "7pm"},
                                       {.env = no_manager(dir, true)});
    CHECK(result.status == 2);
    CHECK(result.err.starts_with(
      "knotrelief: error: --at: '7pm' is not a time as HH:MM"));
    CHECK_FALSE(fs::exists(units(dir)));
    // An empty value is not the default in disguise.
    for (const char* option : {"--at", "--days", "--breaks", "--between"}) {
      CAPTURE(option);
      const auto empty = run_knotrelief({"remind", "enable", option, ""},
                                        {.env = no_manager(dir, true)});
      CHECK(empty.status == 2);
      CHECK(empty.err.starts_with(
        fmt::format("knotrelief: error: {}: must not be empty", option)));
      CHECK_FALSE(fs::exists(units(dir)));
    }
  }

  TEST_CASE("enable refuses a journal the reminder could not read")
  {
    TempDir dir;
    const fs::path folder = dir.path() / "journal-folder";
    fs::create_directories(folder);
    const auto result =
      run_knotrelief({"--journal", folder.string(), "remind", "enable"},
                     {.env = no_manager(dir, true)});
    CHECK(result.status == 1);
    CHECK(result.err.find("the reminder could not read the journal ") !=
          std::string::npos);
    CHECK(result.err.find("journal-folder: it is a folder") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(units(dir)));
  }

  TEST_CASE("status and disable without a user manager")
  {
    TempDir dir;
    const auto env = no_manager(dir, true);
    auto result = run_knotrelief({"remind", "status"}, {.env = env});
    CHECK(result.status == 0);
    CHECK(result.out == "Reminders: off (knotrelief remind enable turns them "
                        "on)\nToday:     due: no session in the last 28 "
                        "days\n");
    // `remind` alone is `remind status`.
    CHECK(run_knotrelief({"remind"}, {.env = env}).out == result.out);
    REQUIRE(run_knotrelief({"remind", "enable", "--breaks", "2h"}, {.env = env})
              .status == 0);
    result = run_knotrelief({"remind", "status"}, {.env = env});
    CHECK(result.status == 0);
    CHECK(result.out.starts_with(
      "Reminders: at 09:00 every day\n"
      "Breaks:    a stretch every 2h from 09:00 to 18:00\nNext:      "));
    CHECK(result.out.find(" (computed: no systemd user manager answers)\n") !=
          std::string::npos);
    // A link `systemctl enable` would have made goes too.
    fs::create_directories(units(dir) / "timers.target.wants");
    fs::create_symlink(units(dir) / "knotrelief-remind.timer",
                       units(dir) /
                         "timers.target.wants/knotrelief-remind.timer");
    result = run_knotrelief({"remind", "disable"}, {.env = env});
    CHECK(result.status == 0);
    CHECK(result.out.find("  systemctl --user disable --now "
                          "knotrelief-remind.timer knotrelief-break.timer\n"
                          "  systemctl --user daemon-reload\n") !=
          std::string::npos);
    CHECK(fs::is_empty(units(dir) / "timers.target.wants"));
    CHECK(std::distance(fs::directory_iterator(units(dir)),
                        fs::directory_iterator()) == 1);
    result = run_knotrelief({"remind", "disable"}, {.env = env});
    CHECK(result.status == 0);
    CHECK(result.out == "Reminders are off; nothing to remove.\n");
  }

  TEST_CASE("enable without breaks, no user manager: the breaks' timer and "
            "its link go")
  {
    TempDir dir;
    const auto env = no_manager(dir, true);
    REQUIRE(run_knotrelief({"remind", "enable", "--breaks", "1h"}, {.env = env})
              .status == 0);
    const fs::path wants = units(dir) / "timers.target.wants";
    fs::create_directories(wants);
    fs::create_symlink(units(dir) / "knotrelief-break.timer",
                       wants / "knotrelief-break.timer");
    const auto result = run_knotrelief({"remind", "enable"}, {.env = env});
    REQUIRE(result.status == 0);
    // The running breaks' timer is stopped too, where a manager answers.
    CHECK(result.out.find("Run these where one does:\n"
                          "  systemctl --user stop knotrelief-break.timer\n"
                          "  systemctl --user daemon-reload\n") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(units(dir) / "knotrelief-break.timer"));
    CHECK_FALSE(fs::exists(units(dir) / "knotrelief-break.service"));
    CHECK_FALSE(fs::is_symlink(wants / "knotrelief-break.timer"));
    CHECK(fs::exists(units(dir) / "knotrelief-remind.timer"));
  }

  TEST_CASE("status warns when the unit files are not what enable writes")
  {
    TempDir dir;
    const auto env = no_manager(dir, true);
    REQUIRE(run_knotrelief({"remind", "enable"}, {.env = env}).status == 0);
    auto result = run_knotrelief({"remind", "status"}, {.env = env});
    CHECK(result.err == "");
    // Another journal now: the service would read the old one.
    result = run_knotrelief(
      {"--journal", "/elsewhere/journal.txt", "remind", "status"},
      {.env = env});
    CHECK(result.status == 0);
    CHECK(
      result.err ==
      "knotrelief: warning: ~/config/systemd/user/knotrelief-remind.service "
      "is not what 'knotrelief remind enable' writes from here (another "
      "knotrelief, another journal, or edited): run it again to rewrite "
      "it\n");
    CHECK(result.out.starts_with("Reminders: at 09:00 every day\n"));
  }

  TEST_CASE("status says whether today's session is done")
  {
    TempDir dir;
    auto env = no_manager(dir, true);
    const auto status_on = [&](const std::string& journal) {
      return run_knotrelief(
               {"--journal", journal_fixture(journal), "remind", "status"},
               {.env = env})
        .out;
    };
    CHECK(status_on("coach.txt")
            .ends_with(
              "Today:     due: Neck and back: a 9-minute session is due\n"));
    CHECK(status_on("remind_done_today.txt")
            .ends_with("Today:     done: 1 session logged today\n"));
    CHECK(
      status_on("coach_done.txt")
        .ends_with("Today:     nothing due (next session due 2026-11-24)\n"));
  }

  TEST_CASE("next: a schedule previewed from a given time")
  {
    TempDir dir;
    const auto result = run_knotrelief({"remind",
                                        "next",
                                        "--at",
                                        "07:30",
                                        "--days",
                                        "mon,fri",
                                        "--breaks",
                                        "4h",
                                        "--from",
                                        "2026-11-23T08:00",
                                        "--count",
                                        "4"},
                                       {.env = no_manager(dir, true)});
    CHECK(result.status == 0);
    CHECK(result.out == "Mon 2026-11-23 13:00  movement break\n"
                        "Mon 2026-11-23 17:00  movement break\n"
                        "Fri 2026-11-27 07:30  session reminder\n"
                        "Fri 2026-11-27 13:00  movement break\n");
    CHECK(run_knotrelief({"remind", "next"}, {.env = no_manager(dir, true)})
            .err.starts_with("knotrelief: error: reminders are off"));
    CHECK(run_knotrelief({"remind", "next", "--at", "07:00", "--from", "soon"},
                         {.env = no_manager(dir, true)})
            .status == 2);
  }

  TEST_CASE("with a user manager: the systemctl commands run, in order")
  {
    // A systemctl that answers, logs its arguments, and knows one time.
    TempDir dir;
    const fs::path systemctl =
      dir.write("bin/systemctl",
                "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/log\"\n"
                "case \"$*\" in *NextElapse*) echo 'Tue 2026-11-24 07:30:00 "
                "UTC';; esac\n");
    fs::permissions(systemctl, fs::perms::owner_all);
    auto env = no_manager(dir, false);
    env["KNOTRELIEF_SYSTEMCTL"] = systemctl.string();
    auto result =
      run_knotrelief({"remind", "enable", "--breaks", "1h"}, {.env = env});
    CHECK(result.status == 0);
    CHECK(result.out.ends_with("The timer is on.\n"));
    result = run_knotrelief({"remind", "enable"}, {.env = env});
    CHECK(result.status == 0);
    result = run_knotrelief({"remind", "status"}, {.env = env});
    CHECK(result.out.find("\nNext:      Tue 2026-11-24 07:30:00 UTC (from "
                          "systemd)\n") != std::string::npos);
    REQUIRE(run_knotrelief({"remind", "disable"}, {.env = env}).status == 0);
    const std::string timers = "knotrelief-remind.timer knotrelief-break.timer";
    const std::string probe = "--user --no-pager show-environment\n";
    CHECK(read_text(dir.path() / "bin/log") ==
          probe + "--user --no-pager daemon-reload\n" +
            "--user --no-pager enable --now " + timers + "\n" +
            "--user --no-pager restart " + timers + "\n" + probe +
            "--user --no-pager disable --now knotrelief-break.timer\n" +
            "--user --no-pager daemon-reload\n" +
            "--user --no-pager enable --now knotrelief-remind.timer\n" +
            "--user --no-pager restart knotrelief-remind.timer\n" + probe +
            "--user --no-pager show knotrelief-remind.timer "
            "--property=NextElapseUSecRealtime --value\n" +
            probe +
            "--user --no-pager disable --now knotrelief-remind.timer\n" +
            "--user --no-pager daemon-reload\n");
  }

  TEST_CASE("a systemctl that fails once the manager answered is an error")
  {
    TempDir dir;
    const fs::path systemctl =
      dir.write("bin/systemctl",
                "#!/bin/sh\n[ \"$3\" = show-environment ] && exit 0\n"
                "echo 'Failed to enable unit: Access denied' >&2\nexit 1\n");
    fs::permissions(systemctl, fs::perms::owner_all);
    auto env = no_manager(dir, false);
    env["KNOTRELIEF_SYSTEMCTL"] = systemctl.string();
    const auto result = run_knotrelief({"remind", "enable"}, {.env = env});
    CHECK(result.status == 1);
    CHECK(result.err == "knotrelief: error: systemctl --user daemon-reload "
                        "failed: Failed to enable unit: Access denied\n");
  }
}
