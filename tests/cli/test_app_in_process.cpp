// The command line in this process through cli::execute: parsing, help and
// error paths, fast and without a subprocess. What needs the terminal (the
// countdown of `run`, its questions, `--note -`) stays in the end-to-end
// tests, which drive the built binary.

#include "cli/app.hpp"
#include "support/in_process.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

using knotrelief::test::ProcessResult;
using knotrelief::test::run_in_process;
using knotrelief::test::run_in_process_to;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

using Args = std::vector<std::string>;

// cli::execute on `args`, with HOME and the XDG folders in a fresh directory.
ProcessResult in_process(const Args& args)
{
  const TempDir home;
  return run_in_process(args, home.path());
}

// What a usage error prints: the message, then where to read more.
std::string usage_error(const std::string& message, const std::string& command)
{
  return "knotrelief: error: " + message + "\nRun 'knotrelief " + command +
         "--help' for usage.\n";
}

std::string joined(const Args& args)
{
  std::string line;
  for (const std::string& arg : args) {
    line += (line.empty() ? "" : " ") + arg;
  }
  return line;
}

// A usage error: exit 2, nothing on stdout, exactly `expected` on stderr.
void check_usage_error(const Args& args, const std::string& expected)
{
  CAPTURE(joined(args));
  const ProcessResult result = in_process(args);
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err == expected);
}

// A command line that is a usage error, the message it gets, and the
// command whose help the hint names ("" for the program, "log add ").
struct UsageCase
{
  Args args;
  std::string message;
  std::string command;
};

void check_usage_errors(std::initializer_list<UsageCase> cases)
{
  for (const UsageCase& c : cases) {
    check_usage_error(c.args, usage_error(c.message, c.command));
  }
}

// Lines of `text`, each without its newline.
std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// An error printed as `expected_lines` lines: the first the error, and none
// after it a line of the program's that the argument could have faked.
void check_one_error(const ProcessResult& result,
                     int expected_status,
                     std::size_t expected_lines)
{
  CHECK(result.status == expected_status);
  CHECK(result.err.ends_with('\n'));
  const std::vector<std::string> lines = lines_of(result.err);
  CHECK(lines.size() == expected_lines);
  CHECK(result.err.starts_with("knotrelief: error: "));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    CHECK_FALSE(lines[i].starts_with("knotrelief"));
  }
}

} // namespace

TEST_SUITE("cli in process")
{
  TEST_CASE("a newline in an argument quoted by an error is shown as \\n, "
            "never a line of its own")
  {
    const std::string fake =
      "knotrelief: error: journal corrupt, run: rm -rf ~";
    const std::string value = "08:30\n" + fake;
    // Long values may be cut short in the message.
    const std::string shown = "08:30\\nknotrelief: error: journal";
    // Each is a usage error: the message, then the hint at --help.
    const std::vector<Args> cases{
      {"log", "add", "neck", "--at", value},
      {"log", "--since", value},
      {"log", "stats", "--since", value},
      {"log", "--limit", value},
      {"log", "add", "neck", "--pain-before", value},
      {"log", "add", "neck", "--pain-after", value},
      {"log", "add", "neck", "--minutes", value},
      {"run", "neck", "--prep", value},
      {"run", "neck", "--scale", value},
      {"run", "neck", "--hold", value},
      {"run", "neck", "--pain-before", value},
      {"run", "neck", "--pain-after", value},
      {"--routines", value, "list"},
      {"list", "--area", value},
      {"show", value},
      {value},
      {"log", value},
      {"list", value},
      {"show", "neck", value},
      {"log", "path", value},
      {"--" + value},
      {"list", "--" + value},
      {"log", "add", "neck", "-" + value},
    };
    for (const Args& args : cases) {
      CAPTURE(joined(args));
      const ProcessResult result = in_process(args);
      CAPTURE(result.err);
      check_one_error(result, 2, 2);
      CHECK(result.err.find(shown) != std::string::npos);
    }
  }

  TEST_CASE("a routine file's problems are lines of their own under the error, "
            "its name one line")
  {
    const TempDir dir;
    const std::filesystem::path file =
      dir.write("zero\nknotrelief: error: fake.yaml",
                "id: zero-hold\nname: Zero hold\nsteps:\n  - name: Hold\n"
                "    cue: Press.\n    hold: 0s\n");
    const ProcessResult result = in_process({"show", file.string()});
    CAPTURE(result.err);
    check_one_error(result, 1, 2);
    const std::vector<std::string> lines = lines_of(result.err);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].ends_with("zero\\nknotrelief: error: fake.yaml':"));
    CHECK(lines[1].starts_with("  " + dir.path().string()));
    CHECK(lines[1].find(":6:11: ") != std::string::npos);
  }

  TEST_CASE("--help and --version go to stdout with exit 0")
  {
    SUBCASE("--version")
    {
      const ProcessResult result = in_process({"--version"});
      CHECK(result.status == 0);
      CHECK(result.out ==
            "knotrelief " + std::string(knotrelief::cli::version()) + "\n");
      CHECK(result.err.empty());
    }
    SUBCASE("--help and -h list every command and the global options")
    {
      for (const char* help : {"--help", "-h"}) {
        CAPTURE(help);
        const ProcessResult result = in_process({help});
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(result.out.starts_with("A terminal coach for self-massage"));
        for (const char* text : {"list",
                                 "show",
                                 "check",
                                 "run",
                                 "log",
                                 "--journal FILE",
                                 "--no-color",
                                 "--routines DIR",
                                 "Run 'knotrelief COMMAND --help'"}) {
          CAPTURE(text);
          CHECK(result.out.find(text) != std::string::npos);
        }
      }
    }
    SUBCASE("--help wins over a bad option and an extra word")
    {
      for (const Args& args : {Args{"list", "--help", "--bogus"},
                               Args{"log", "add", "--help", "x"}}) {
        CAPTURE(joined(args));
        const ProcessResult result = in_process(args);
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(result.out.starts_with(args.front() == "list" ? "List routines"
                                                            : "Log a session"));
      }
    }
  }

  TEST_CASE("every command's --help shows its usage and options")
  {
    struct Case
    {
      Args command;
      const char* option;
    };
    const Case cases[] = {
      {{"list"}, "--techniques"},
      {{"show"}, "NAME"},
      {{"check"}, "--quiet"},
      {{"run"}, "--prep SECONDS"},
      {{"log"}, "--limit N"},
      {{"log", "add"}, "--pain-before N"},
      {{"log", "stats"}, "--since WHEN"},
      {{"log", "path"}, "--help"},
    };
    for (const Case& c : cases) {
      const std::string name = joined(c.command);
      CAPTURE(name);
      Args args = c.command;
      args.push_back("--help");
      const ProcessResult result = in_process(args);
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(result.out.find("Usage: knotrelief " + name) != std::string::npos);
      CHECK(result.out.find(c.option) != std::string::npos);
    }
    // `log` lists its own commands.
    const ProcessResult log = in_process({"log", "--help"});
    for (const char* child : {"add", "stats", "path"}) {
      CAPTURE(child);
      CHECK(log.out.find(std::string("\n  ") + child + " ") !=
            std::string::npos);
    }
  }

  TEST_CASE("no command is today, and --help still shows the overview")
  {
    const ProcessResult result = in_process({});
    CHECK(result.status == 0);
    CHECK(result.out.starts_with("No sessions in the last 28 days."));
    const ProcessResult help = in_process({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.starts_with("A terminal coach for self-massage"));
    CHECK(help.out.find("Usage: knotrelief [OPTIONS] [SUBCOMMAND]") !=
          std::string::npos);
    CHECK(help.out.find("today") != std::string::npos);
  }

  TEST_CASE("an unknown command is named, with the closest commands")
  {
    check_usage_errors({
      {{"lst"}, "unknown command 'lst'; did you mean 'list'?", ""},
      {{"--journal", "j.txt", "lst"},
       "unknown command 'lst'; did you mean 'list'?",
       ""},
      {{"shwo"}, "unknown command 'shwo'; did you mean 'show'?", ""},
      {{"frobnicate"}, "unknown command 'frobnicate'", ""},
      {{"log", "stat"},
       "unknown command 'log stat'; did you mean 'stats'?",
       "log "},
      {{"log", "ad"}, "unknown command 'log ad'; did you mean 'add'?", "log "},
    });
  }

  TEST_CASE("an unknown option or extra word is named, with its command's help")
  {
    const std::string not_expected =
      "The following argument was not expected: ";
    check_usage_errors({
      {{"--bogus"}, "unknown option '--bogus'", ""},
      {{"list", "--bogus"}, "unknown option '--bogus' for 'list'", "list "},
      {{"list", "--tecniques"},
       "unknown option '--tecniques' for 'list'; did you mean '--techniques'?",
       "list "},
      {{"list", "extra"}, not_expected + "extra", "list "},
      {{"show", "neck", "extra"}, not_expected + "extra", "show "},
      {{"log", "--bogus"}, "unknown option '--bogus' for 'log'", "log "},
      {{"log", "add", "neck", "--bogus"},
       "unknown option '--bogus' for 'log add'",
       "log add "},
      {{"log", "path", "extra"}, not_expected + "extra", "log path "},
    });
  }

  TEST_CASE("a bad number names the option, the rule and the value")
  {
    struct Case
    {
      Args command; // up to the option
      std::string option;
      std::string rule;
      std::string help; // the command whose help is suggested
      std::vector<std::string> values;
    };
    const std::vector<std::string> not_whole = {
      "", "x", "5x", "1e2", " 5", "+5", "0x10", "5.0", "99999999999"};
    const Case cases[] = {
      {{"run", "neck"},
       "--prep",
       "a whole number from 0 to 600",
       "run ",
       {"-1", "601", "010x"}},
      {{"run", "neck"},
       "--pain-before",
       "a whole number from 0 to 10",
       "run ",
       {"-1", "11", "010.0"}},
      {{"run", "neck"},
       "--pain-after",
       "a whole number from 0 to 10",
       "run ",
       {"-1", "11"}},
      {{"run", "neck"},
       "--scale",
       "a number from 0.1 to 10",
       "run ",
       {"0", "0.09", "11", "abc", "nan", "-nan", "inf", "1,5", ""}},
      {{"log", "add", "neck"},
       "--pain-before",
       "a whole number from 0 to 10",
       "log add ",
       {"-1", "11"}},
      {{"log", "add", "neck"},
       "--pain-after",
       "a whole number from 0 to 10",
       "log add ",
       {"-1", "11"}},
      {{"log", "add", "neck"},
       "--minutes",
       "a whole number from 1 to 600",
       "log add ",
       {"0", "601", "1.5"}},
      {{"log"},
       "--limit",
       "a whole number from 1 to 1000000",
       "log ",
       {"0", "-5", "1000001"}},
    };
    for (const Case& c : cases) {
      std::vector<std::string> values = c.values;
      if (c.option != "--scale") {
        values.insert(values.end(), not_whole.begin(), not_whole.end());
      }
      for (const std::string& value : values) {
        Args args = c.command;
        args.insert(args.end(), {c.option, value});
        check_usage_error(args,
                          usage_error(c.option + ": must be " + c.rule +
                                        ", not '" + value + "'",
                                      c.help));
      }
    }
  }

  TEST_CASE("numbers with leading zeros are decimal")
  {
    const TempDir home;
    const auto in_home = [&](const Args& args) {
      return run_in_process(args, home.path());
    };
    SUBCASE("log add: 010 minutes are ten, 08 is eight")
    {
      const ProcessResult result = in_home({"log",
                                            "add",
                                            "neck",
                                            "--minutes",
                                            "010",
                                            "--pain-before",
                                            "010",
                                            "--pain-after",
                                            "08"});
      CHECK(result.status == 0);
      CHECK(result.err.empty());
      CHECK(result.out.find(" actual_s=600 pain_before=10 pain_after=8") !=
            std::string::npos);
    }
    SUBCASE("log --limit 010 shows ten sessions")
    {
      for (int i = 0; i < 12; ++i) {
        REQUIRE(in_home({"log", "add", "neck"}).status == 0);
      }
      const ProcessResult result = in_home({"log", "--limit", "010", "--json"});
      CHECK(result.status == 0);
      CHECK(nlohmann::json::parse(result.out).size() == 10);
    }
    SUBCASE("run takes 010 and 08 (and then misses the routine)")
    {
      // The routine is looked up before anything touches the terminal.
      const ProcessResult result = in_home({"run",
                                            "nosuch",
                                            "--prep",
                                            "08",
                                            "--scale",
                                            "010",
                                            "--pain-before",
                                            "010",
                                            "--pain-after",
                                            "00",
                                            "--no-log"});
      CHECK(result.status == 2);
      CHECK(result.err == "knotrelief: error: unknown routine 'nosuch'\n"
                          "Run 'knotrelief list' to see every routine.\n");
    }
  }

  TEST_CASE("a missing argument or option value is named")
  {
    check_usage_errors({
      {{"show"}, "NAME is required", "show "},
      {{"check"}, "FILE is required", "check "},
      {{"check", "--quiet"}, "FILE is required", "check "},
      {{"run"}, "ROUTINE is required", "run "},
      {{"run", "--no-log"}, "ROUTINE is required", "run "},
      {{"log", "add"}, "ROUTINE is required", "log add "},
      {{"log", "add", "--minutes", "5"}, "ROUTINE is required", "log add "},
      {{"--journal"}, "--journal: 1 required FILE missing", ""},
      {{"--routines"}, "--routines: 1 required DIR missing", ""},
      {{"log", "--limit"}, "--limit: 1 required N missing", "log "},
      {{"log", "add", "neck", "--at"},
       "--at: 1 required TIME missing",
       "log add "},
      {{"run", "neck", "--hold"},
       "--hold: 1 required low|mid|high missing",
       "run "},
    });
  }

  TEST_CASE("log's own commands: errors and where their options go")
  {
    SUBCASE("a bad time is a usage error of the command it is given to")
    {
      for (const Args& args : {Args{"log", "--since", "bogus"},
                               Args{"log", "stats", "--since", "bogus"},
                               Args{"log", "add", "neck", "--at", "bogus"}}) {
        CAPTURE(joined(args));
        const ProcessResult result = in_process(args);
        CHECK(result.status == 2);
        const std::string option = args[args.size() - 2];
        CHECK(result.err.starts_with("knotrelief: error: " + option +
                                     ": bad time 'bogus'"));
        const std::string command = args[1] == "stats" ? "log stats "
                                    : args[1] == "add" ? "log add "
                                                       : "log ";
        CHECK(result.err.ends_with("\nRun 'knotrelief " + command +
                                   "--help' for usage.\n"));
      }
    }
    SUBCASE("an unknown routine says where to look, with no usage hint")
    {
      const ProcessResult result = in_process({"log", "add", "nosuch"});
      CHECK(result.status == 2);
      CHECK(result.out.empty());
      CHECK(result.err == "knotrelief: error: unknown routine 'nosuch'\n"
                          "Run 'knotrelief list' to see every routine.\n");
    }
    SUBCASE("an option of log given after a command of its own is log's")
    {
      const ProcessResult result = in_process({"log", "stats", "--limit", "3"});
      CHECK(result.status == 0);
      CHECK(result.err.empty());
    }
    SUBCASE("log path: the journal under XDG_DATA_HOME, else as asked")
    {
      const TempDir home;
      const auto path = [&](const Args& args,
                            const std::map<std::string, std::string>& env) {
        return run_in_process(args, home.path(), env).out;
      };
      const std::string data = (home.path() / "data").string();
      CHECK(path({"log", "path"}, {}) == data + "/knotrelief/journal.txt\n");
      CHECK(path({"log", "path"}, {{"KNOTRELIEF_JOURNAL", "/tmp/j.txt"}}) ==
            "/tmp/j.txt\n");
      CHECK(path({"--journal", "/tmp/k.txt", "log", "path"},
                 {{"KNOTRELIEF_JOURNAL", "/tmp/j.txt"}}) == "/tmp/k.txt\n");
    }
  }

  TEST_CASE("the exit status: 0 done, 1 failed, 2 misused")
  {
    const TempDir home;
    SUBCASE("0: a command that did its work")
    {
      const ProcessResult result =
        run_in_process({"list", "--ids"}, home.path());
      CHECK(result.status == 0);
      CHECK(result.out.find("neck\n") != std::string::npos);
      CHECK(result.err.empty());
    }
    SUBCASE("1: a routine file with problems")
    {
      const ProcessResult result = run_in_process(
        {"check", (home.path() / "none.yaml").string()}, home.path());
      CHECK(result.status == 1);
      CHECK(result.err.find("cannot open") != std::string::npos);
    }
    SUBCASE("1: output that cannot be written")
    {
      std::FILE* full = std::fopen("/dev/full", "w");
      REQUIRE(full != nullptr);
      const ProcessResult result =
        run_in_process_to(full, {"list"}, home.path());
      std::fclose(full);
      CHECK(result.status == 1);
      CHECK(
        result.err ==
        "knotrelief: error: cannot write output: No space left on device\n");
    }
    SUBCASE("2: a usage error, and a folder that is not there")
    {
      check_usage_error(
        {"--routines", "/nonexistent", "list"},
        usage_error("--routines: no such folder: /nonexistent", "list "));
    }
  }

  TEST_CASE("in process and as a program, the same bytes")
  {
    for (const Args& args : {Args{"--help"},
                             Args{"log", "add", "--help"},
                             Args{"run", "neck", "--prep", "5x"},
                             Args{"log", "stat"},
                             Args{}}) {
      CAPTURE(joined(args));
      const ProcessResult spawned = run_knotrelief(args);
      const ProcessResult here = in_process(args);
      CHECK(here.status == spawned.status);
      CHECK(here.out == spawned.out);
      CHECK(here.err == spawned.err);
    }
  }
}
