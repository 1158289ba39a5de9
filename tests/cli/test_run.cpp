#include "cli/run_dialog.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>

using knotrelief::test::fixture;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// Whether `pid` runs (a zombie waiting for its parent does not).
bool running(int pid)
{
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) {
    return false;
  }
  const auto state = line.rfind(')');
  return state != std::string::npos && state + 2 < line.size() &&
         line[state + 2] != 'Z';
}

std::string tiny()
{
  return fixture("routines/session/tiny.yaml").string();
}

} // namespace

TEST_SUITE("cli run")
{
  TEST_CASE("a piped run prints plain lines and appends one journal line")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    auto result = run_knotrelief({"--journal",
                                  journal.string(),
                                  "run",
                                  tiny(),
                                  "--prep",
                                  "0",
                                  "--pain-before",
                                  "6",
                                  "--pain-after",
                                  "3",
                                  "--note",
                                  "left \"side\" tight"});
    CHECK(result.status == 0);
    CHECK(result.out.find('\x1b') == std::string::npos);
    CHECK(result.out.find("1s in all, 1 step. You need: hands.") !=
          std::string::npos);
    CHECK(result.out.find("Step 1 of 1: Touch, 1 second. Touch the calf.") !=
          std::string::npos);
    CHECK(result.out.find("Finished in 1s, 1 of 1 steps done.") !=
          std::string::npos);
    CHECK(result.out.find("\nLogged to " + journal.string() + "\n") !=
          std::string::npos);
    const std::string line = knotrelief::test::read_text(journal);
    CHECK(line.find(
            " routine=tiny area=calves status=completed planned_s=1 actual_s=1 "
            "steps=1/1 hold=low "
            "pain_before=6 pain_after=3 note=\"left \\\"side\\\" tight\"\n") !=
          std::string::npos);
    struct stat info
    {};
    ::stat(journal.c_str(), &info);
    CHECK((info.st_mode & 0777) == 0600);
  }

  TEST_CASE("the intro and closing panels: whole the first time, then one "
            "line in turn (golden)")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    const auto run = [&](std::vector<std::string> extra) {
      std::vector<std::string> args{"--journal",
                                    journal.string(),
                                    "run",
                                    tiny(),
                                    "--prep",
                                    "0",
                                    "--pain-before",
                                    "1",
                                    "--pain-after",
                                    "1"};
      args.insert(args.end(), extra.begin(), extra.end());
      auto result = run_knotrelief(args);
      CHECK(result.status == 0);
      return result.out;
    };
    // The panels: from the intro to the first step, and the closing one.
    const auto panels = [](const std::string& out) {
      const auto intro = out.find("\nBefore you start");
      const auto step = out.find("Step 1 of 1");
      const auto closing = out.find("\nAfter a session");
      const auto logged = out.find("Logged to ");
      REQUIRE(intro != std::string::npos);
      REQUIRE(step != std::string::npos);
      REQUIRE(closing != std::string::npos);
      REQUIRE(logged != std::string::npos);
      return out.substr(intro, step - intro) +
             out.substr(closing, logged - closing);
    };
    CHECK(panels(run({})) ==
          knotrelief::test::read_text(fixture("golden/panels_first_run.txt")));
    CHECK(panels(run({})) ==
          knotrelief::test::read_text(fixture("golden/panels_second_run.txt")));
    // After a flare the advice stands alone: no aftercare or habit line.
    const auto flare = run_knotrelief({"--journal",
                                       journal.string(),
                                       "run",
                                       tiny(),
                                       "--prep",
                                       "0",
                                       "--pain-before",
                                       "1",
                                       "--pain-after",
                                       "5"});
    CHECK(flare.out.find("Soreness went up") != std::string::npos);
    CHECK(flare.out.find("After a session") == std::string::npos);
    const std::string quiet = run({"--no-intro"});
    CHECK(quiet.find("Before you start") == std::string::npos);
    CHECK(quiet.find("After a session") == std::string::npos);
  }

  TEST_CASE("a piped run prints a step's halfway cue once, after its line")
  {
    auto result =
      run_knotrelief({"run",
                      fixture("routines/session/halfway.yaml").string(),
                      "--prep",
                      "0",
                      "--no-log",
                      "--pain-before",
                      "1",
                      "--pain-after",
                      "1"});
    CHECK(result.status == 0);
    const auto step = result.out.find("Step 1 of 1: Circles");
    const auto half = result.out.find("\nHalfway. Other way round now.\n");
    REQUIRE(step != std::string::npos);
    REQUIRE(half != std::string::npos);
    CHECK(step < half);
    CHECK(result.out.find("Other way round now.", half + 12) ==
          std::string::npos);
  }

  TEST_CASE("KNOTRELIEF_JOURNAL and the XDG default are used without --journal")
  {
    TempDir dir;
    auto by_variable = run_knotrelief(
      {"run", tiny(), "--prep", "0"},
      {.env = {{"KNOTRELIEF_JOURNAL", (dir.path() / "k.txt").string()}}});
    CHECK(by_variable.status == 0);
    CHECK(
      knotrelief::test::read_text(dir.path() / "k.txt").find("routine=tiny") !=
      std::string::npos);
    auto by_xdg = run_knotrelief(
      {"run", tiny(), "--prep", "0"},
      {.env = {{"XDG_DATA_HOME", (dir.path() / "data").string()}}});
    CHECK(by_xdg.status == 0);
    CHECK(
      knotrelief::test::read_text(dir.path() / "data/knotrelief/journal.txt")
        .find("routine=tiny") != std::string::npos);
  }

  TEST_CASE("a journal that cannot be written: exit 1, and the line is printed")
  {
    auto result =
      run_knotrelief({"--journal", "/dev/full", "run", tiny(), "--prep", "0"});
    CHECK(result.status == 1);
    CHECK(
      result.err.find(
        "knotrelief: error: cannot write /dev/full: No space left on device") !=
      std::string::npos);
    CHECK(result.out.find(" routine=tiny area=calves status=completed") !=
          std::string::npos);
  }

  TEST_CASE("--no-log writes nothing")
  {
    TempDir dir;
    auto result = run_knotrelief({"--journal",
                                  (dir.path() / "j.txt").string(),
                                  "run",
                                  tiny(),
                                  "--prep",
                                  "0",
                                  "--no-log"});
    CHECK(result.status == 0);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "j.txt"));
  }

  TEST_CASE("--tighter answers the question, when a step was done on each "
            "side")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    const auto run = [&](const std::string& routine, const std::string& side) {
      return run_knotrelief({"--journal",
                             journal.string(),
                             "run",
                             routine,
                             "--prep",
                             "0",
                             "--tighter",
                             side});
    };
    auto sides = run(fixture("routines/session/sides.yaml").string(), "r");
    CHECK(sides.status == 0);
    CHECK(knotrelief::test::read_text(journal).ends_with(" tighter=right\n"));
    // Without a step done on each side there is nothing to compare.
    auto one_side = run(tiny(), "same");
    CHECK(one_side.status == 0);
    CHECK(one_side.err.find("--tighter is left out of the journal") !=
          std::string::npos);
    CHECK(knotrelief::test::read_text(journal).find("tighter=same") ==
          std::string::npos);
    auto bad = run_knotrelief({"run", "neck", "--tighter", "both"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--tighter") != std::string::npos);
    CHECK(bad.err.find("must be 'left'") != std::string::npos);
  }

  TEST_CASE("a reply to \"which side felt tighter?\"")
  {
    using knotrelief::journal::Tighter;
    const struct
    {
      std::string_view reply;
      std::optional<Tighter> answer;
    } cases[] = {{"l", Tighter::left},
                 {"Left", Tighter::left},
                 {"R", Tighter::right},
                 {"right", Tighter::right},
                 {"s", Tighter::same},
                 {"SAME", Tighter::same},
                 {"", std::nullopt},
                 {"up", std::nullopt},
                 {"lef", std::nullopt},
                 {"left side", std::nullopt}};
    for (const auto& c : cases) {
      CAPTURE(c.reply);
      CHECK(knotrelief::cli::tighter_answer(c.reply) == c.answer);
    }
  }

  TEST_CASE("several routines in a row, logged as one session")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    auto result = run_knotrelief(
      {"--journal", journal.string(), "run", tiny(), tiny(), "--prep", "0"});
    CHECK(result.status == 0);
    CHECK(result.out.find("Next: Touch") != std::string::npos);
    CHECK(knotrelief::test::read_text(journal).find(
            "routine=tiny,tiny area=calves status=completed planned_s=7") !=
          std::string::npos);
  }

  TEST_CASE("pain rising prints the advice to see a professional")
  {
    TempDir dir;
    auto result = run_knotrelief({"--journal",
                                  (dir.path() / "j.txt").string(),
                                  "run",
                                  tiny(),
                                  "--prep",
                                  "0",
                                  "--pain-before",
                                  "2",
                                  "--pain-after",
                                  "5"});
    CHECK(result.status == 0);
    CHECK(result.out.find("Soreness went up, from 2 to 5.") !=
          std::string::npos);
    CHECK(result.out.find("two weeks") != std::string::npos);
  }

  TEST_CASE("usage errors: unknown routine, bad values")
  {
    auto unknown = run_knotrelief({"run", "nek"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "knotrelief: error: unknown routine 'nek'; did you "
                         "mean 'neck'?\n"
                         "Run 'knotrelief list' to see every routine.\n");
    for (auto args : std::vector<std::vector<std::string>>{
           {"run", "neck", "--hold", "middle"},
           {"run", "neck", "--scale", "0"},
           {"run", "neck", "--prep", "-1"},
           {"run", "neck", "--pain-before", "11"},
           {"run"}}) {
      CAPTURE(args.back());
      auto result = run_knotrelief(args);
      CHECK(result.status == 2);
      CHECK(result.err.starts_with("knotrelief: error: "));
    }
  }

  TEST_CASE(
    "a bad routine file is an error with its location, and nothing is logged")
  {
    TempDir dir;
    auto result =
      run_knotrelief({"--journal",
                      (dir.path() / "j.txt").string(),
                      "run",
                      fixture("routines/bad/zero-hold.yaml").string()});
    CHECK(result.status == 1);
    CHECK(result.err.find("zero-hold.yaml:6:11: 'hold': duration '0s' must be "
                          "longer than zero") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "j.txt"));
  }

  TEST_CASE("--voice speaks each segment through espeak-ng, without a shell")
  {
    TempDir dir;
    // A stand-in espeak-ng that records its arguments.
    const auto fake =
      dir.write("bin/espeak-ng",
                "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]' \"$a\"; done >> "
                "\"$0.log\"\necho >> \"$0.log\"\n");
    std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
    auto result = run_knotrelief(
      {"--journal",
       (dir.path() / "j.txt").string(),
       "run",
       tiny(),
       tiny(),
       "--prep",
       "1",
       "--voice"},
      {.env = {{"PATH", (dir.path() / "bin").string() + ":/usr/bin:/bin"}}});
    CHECK(result.status == 0);
    CHECK(result.err.empty());
    const std::string spoken =
      knotrelief::test::read_text(dir.path() / "bin/espeak-ng.log");
    // Plain lines (the output is not a terminal) are spoken as printed.
    const std::vector<std::string> lines{
      "Get ready: Touch, get into position, 1 second.",
      "Step 1 of 1: Touch, 1 second. Touch the calf.",
      "Next: Touch, get into position, 5 seconds.",
      "Step 1 of 1: Touch, 1 second. Touch the calf."};
    std::string expected;
    std::size_t printed = 0;
    for (const std::string& line : lines) {
      expected += "[-s][150][" + line + "]\n";
      printed = result.out.find("\n" + line + "\n", printed);
      CHECK(printed != std::string::npos);
      printed += line.size();
    }
    CHECK(spoken == expected);
  }

  TEST_CASE("--voice without espeak-ng says so and goes on")
  {
    TempDir dir;
    auto result = run_knotrelief({"--journal",
                                  (dir.path() / "j.txt").string(),
                                  "run",
                                  tiny(),
                                  "--prep",
                                  "0",
                                  "--voice"},
                                 {.env = {{"PATH", dir.path().string()}}});
    CHECK(result.status == 0);
    CHECK(result.err.find("--voice needs espeak-ng") != std::string::npos);
    CHECK(result.out.find("Finished") != std::string::npos);
  }

  TEST_CASE("--voice: a speaker that ignores SIGTERM holds up nothing")
  {
    TempDir dir;
    // A stand-in espeak-ng that notes its pid, ignores SIGTERM and would
    // speak for a minute.
    const auto fake =
      dir.write("bin/espeak-ng",
                "#!/bin/sh\necho $$ >> \"$0.pids\"\ntrap '' TERM\n"
                "sleep 60 & echo $! >> \"$0.pids\"\nexec sleep 60\n");
    std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
    const auto started = std::chrono::steady_clock::now();
    auto result = run_knotrelief(
      {"--journal",
       (dir.path() / "j.txt").string(),
       "run",
       tiny(),
       tiny(),
       "--prep",
       "1",
       "--voice"},
      {.env = {{"PATH", (dir.path() / "bin").string() + ":/usr/bin:/bin"}}});
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(result.status == 0);
    // The plan is 1 + 1 + 5 + 1 = 8 s; waiting for a speaker is 60 s.
    CHECK(took < std::chrono::seconds(30));
    const std::string journal =
      knotrelief::test::read_text(dir.path() / "j.txt");
    CHECK(journal.find("status=completed planned_s=8 actual_s=8") !=
          std::string::npos);
    // Every speaker, and what it started, is gone once knotrelief has
    // exited.
    std::istringstream pids(
      knotrelief::test::read_text(dir.path() / "bin/espeak-ng.pids"));
    int count = 0;
    for (int pid = 0; pids >> pid; ++count) {
      CAPTURE(pid);
      // SIGKILL is sent before knotrelief exits; dying takes a moment.
      for (int wait = 0; wait < 200 && running(pid); ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      CHECK_FALSE(running(pid));
    }
    CHECK(count >= 6);
  }

  TEST_CASE("--voice never runs a program from the current folder")
  {
    TempDir dir;
    const auto fake = dir.write("espeak-ng", "#!/bin/sh\ntouch \"$0.ran\"\n");
    std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
    for (const char* path : {"", ":", ".:/nonexistent", "bin"}) {
      CAPTURE(path);
      auto result =
        run_knotrelief({"--journal",
                        (dir.path() / "j.txt").string(),
                        "run",
                        tiny(),
                        "--prep",
                        "0",
                        "--voice"},
                       {.env = {{"PATH", path}}, .cwd = dir.path().string()});
      CHECK(result.status == 0);
      CHECK(result.err.find("--voice needs espeak-ng") != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(dir.path() / "espeak-ng.ran"));
    }
  }
}

namespace {

// Runs the shell `script` with $0 the program, $1 `journal` and $2 `routine`
// while flock(1) holds the journal's lock (`exec` makes $holder the process
// holding it), then lets the lock go.
knotrelief::test::ProcessResult with_journal_locked(
  const std::filesystem::path& journal,
  const std::string& script)
{
  return knotrelief::test::run_process(
    {"/bin/sh",
     "-c",
     R"(( flock 9 && exec sleep 30 ) 9>>"$1" & holder=$!
        sleep 0.3
        )" +
       script + R"(
        kill $holder)",
     KNOTRELIEF_BINARY,
     journal.string(),
     tiny()});
}

} // namespace

TEST_SUITE("cli run")
{
  TEST_CASE("a session longer than a day, or with a line the journal cannot "
            "hold, is refused before it starts")
  {
    TempDir dir;
    const auto journal = (dir.path() / "journal.txt").string();
    const std::string ten = fixture("routines/long/ten-hours.yaml").string();
    // Alone it loads fine (`check`); it is not run, as it takes ten hours.
    CHECK(run_knotrelief({"check", ten}).status == 0);
    for (const auto& args :
         {std::vector<std::string>{"run", ten, ten, ten},
          std::vector<std::string>{"run", ten, "--scale", "3"}}) {
      std::vector<std::string> full = {"--journal", journal};
      full.insert(full.end(), args.begin(), args.end());
      const auto result = run_knotrelief(full);
      CHECK(result.status == 2);
      CHECK(result.err.find("longer than the limit of 24h00m") !=
            std::string::npos);
      CHECK(result.out.empty());
    }
    std::vector<std::string> many = {"--journal", journal, "run"};
    many.insert(
      many.end(), 800, fixture("routines/long/long-id.yaml").string());
    const auto result = run_knotrelief(many);
    CHECK(result.status == 2);
    CHECK(result.err.find("more than the journal's limit of 64 KiB") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(journal));
  }

  TEST_CASE("output that cannot be written (full, closed) is status 1, not "
            "a broken pipe")
  {
    TempDir dir;
    const auto journal = dir.path() / "j.txt";
    for (const char* redirect : {">/dev/full", ">&-"}) {
      CAPTURE(redirect);
      auto result = knotrelief::test::run_process(
        {"/bin/sh",
         "-c",
         std::string("exec \"$0\" --journal \"$1\" run \"$2\" --prep 0 "
                     "--pain-before 1 --pain-after 1 ") +
           redirect,
         KNOTRELIEF_BINARY,
         journal.string(),
         tiny()});
      CHECK(result.status == 1);
      CHECK(result.err.find("cannot write output") != std::string::npos);
    }
    // Both sessions are still in the journal.
    CHECK(knotrelief::test::read_text(journal).find("status=interrupted") !=
          std::string::npos);
  }

  TEST_CASE("--note - reads the note from stdin")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    const auto result = run_knotrelief({"--journal",
                                        journal.string(),
                                        "run",
                                        tiny(),
                                        "--prep",
                                        "0",
                                        "--note",
                                        "-"},
                                       {.input = "knee felt \"odd\"\n"});
    CHECK(result.status == 0);
    CHECK(knotrelief::test::read_text(journal).find(
            "note=\"knee felt \\\"odd\\\"\"\n") != std::string::npos);
  }

  TEST_CASE("--note - refuses control characters as --note does")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    for (const char* note : {"red \x1b[31mtext", "bell \a", "csi \xc2\x9b"}) {
      CAPTURE(note);
      const auto result = run_knotrelief(
        {"--journal", journal.string(), "run", tiny(), "--note", "-"},
        {.input = note});
      CHECK(result.status == 2);
      CHECK(result.err.find("--note: ") != std::string::npos);
      CHECK(result.err.find('\x1b') == std::string::npos);
      CHECK_FALSE(std::filesystem::exists(journal));
    }
  }

  TEST_CASE("a journal locked by another process: run says it waits, and a "
            "signal still stops it")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    const auto result = with_journal_locked(journal, R"(
      "$0" --journal "$1" run "$2" --prep 0 & pid=$!
      sleep 2.5
      kill -TERM $pid
      wait $pid; echo "status=$?")");
    CHECK(result.out.find("status=143") != std::string::npos);
    CHECK(result.err.find("another program is writing the journal; waiting "
                          "up to 5 s") != std::string::npos);
    CHECK(result.err.find("stopped by a signal while waiting") !=
          std::string::npos);
    // The line to keep by hand.
    CHECK(result.out.find(" routine=tiny area=calves status=completed") !=
          std::string::npos);
    CHECK(knotrelief::test::read_text(journal).empty());
  }

  TEST_CASE("a journal locked for longer than the wait: the line is printed")
  {
    TempDir dir;
    const auto journal = dir.path() / "journal.txt";
    const auto result = with_journal_locked(
      journal, R"("$0" --journal "$1" log add neck; echo "status=$?")");
    CHECK(result.out.find("status=1") != std::string::npos);
    CHECK(result.err.find("another program kept it locked for 5 s") !=
          std::string::npos);
    CHECK(result.out.find(" routine=neck area=neck status=manual") !=
          std::string::npos);
  }
}
