#include "routine/library.hpp"
#include "routine/loader.hpp"
#include "routine/yaml_fields.hpp"
#include "support/temp_dir.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace knotrelief;
using namespace knotrelief::routine;
using knotrelief::test::fixture;

namespace {

const std::vector<std::string> technique_ids{"trigger-point-compression",
                                             "ball-release",
                                             "foam-roller-release",
                                             "stretch-and-release"};
const std::vector<std::string> spot_ids{"calf", "upper-trapezius"};

Loaded<Routine> parse(std::string_view text)
{
  return parse_routine(text, "test.yaml", technique_ids);
}

struct BadCase
{
  const char* file;
  int line;
  int column;
  const char* message; // a part of the message
};

} // namespace

TEST_SUITE("routine loader")
{
  TEST_CASE("a full routine loads with every field")
  {
    auto routine =
      load_routine_file(fixture("routines/good/full.yaml"), technique_ids);
    REQUIRE(routine.has_value());
    CHECK(routine->id == "full-example");
    CHECK(routine->name == "Full example");
    CHECK(routine->area == "neck");
    CHECK(routine->tools == std::vector<std::string>{"hands", "tennis-ball"});
    CHECK(routine->safety.size() == 1);
    REQUIRE(routine->steps.size() == 3);

    const Step& rolls = routine->steps[0];
    CHECK(rolls.is_counted());
    CHECK(rolls.count == 10);
    CHECK(rolls.pace_seconds == 2);
    CHECK_FALSE(rolls.hold.has_value());

    const Step& compression = routine->steps[1];
    CHECK(compression.technique == "trigger-point-compression");
    REQUIRE(compression.hold.has_value());
    CHECK(*compression.hold == DurationRange{30, 60});
    CHECK(compression.sides == Sides::both);
    CHECK(compression.reps == 2);
    CHECK(compression.pressure == Pressure::gentle);
    CHECK(compression.advice.find("20%") != std::string::npos);
    CHECK(compression.breathing == "Slow breaths.");
    CHECK(compression.where.line == 14);

    const Step& right = routine->steps[2];
    CHECK(*right.hold == DurationRange{90, 90});
    CHECK(right.sides == Sides::right);
    CHECK(right.pressure == Pressure::firm);
    CHECK(right.pace_seconds == default_pace_seconds);
  }

  TEST_CASE("a byte-order mark and CRLF line ends are accepted")
  {
    auto routine =
      load_routine_file(fixture("routines/good/bom-crlf.yaml"), technique_ids);
    REQUIRE(routine.has_value());
    CHECK(routine->id == "with-bom");
    CHECK(routine->name == "BOM and CRLF");
    CHECK(*routine->steps.at(0).hold == DurationRange{45, 45});
  }

  TEST_CASE("quotes that close, with escaped quotes inside, are fine")
  {
    auto routine =
      load_routine_file(fixture("routines/good/quotes.yaml"), technique_ids);
    REQUIRE(routine.has_value());
    CHECK(routine->name == "A \"quoted\" name");
    CHECK(routine->summary == "It's fine");
  }

  TEST_CASE("every bad fixture is reported at its line and column")
  {
    const BadCase cases[] = {
      {"absurd-hold.yaml", 6, 11, "'hold': duration '2h' is too long"},
      {"bad-duration.yaml", 6, 11, "bad duration '45 sec'"},
      {"bad-id.yaml", 1, 5, "id 'Neck_Stretch' must use only a-z, 0-9 and '-'"},
      {"bad-pressure.yaml",
       7,
       15,
       "'pressure' must be gentle, moderate or firm, not 'hard'"},
      {"bad-reps.yaml",
       7,
       11,
       "'reps' must be a whole number from 1 to 20, not '0'"},
      {"bad-sides.yaml", 7, 12, "not 'bothh'; did you mean 'both'?"},
      {"binary.yaml", 2, 10, "NUL byte"},
      {"control-character.yaml", 2, 7, "'name' contains a control character"},
      {"count-too-big.yaml",
       6,
       12,
       "'count' must be a whole number from 1 to 500"},
      {"duplicate-key.yaml",
       7,
       5,
       "duplicate key 'hold' (first given on line 6)"},
      {"empty-steps.yaml", 3, 8, "'steps' is empty"},
      {"empty.yaml", 1, 1, "file is empty"},
      {"hold-and-count.yaml", 7, 12, "either 'hold' (a time) or 'count'"},
      {"missing-cue.yaml", 4, 5, "missing required key 'cue'"},
      {"missing-name.yaml", 1, 1, "missing required key 'name'"},
      {"missing-timing.yaml", 7, 5, "step 'Untimed' needs 'hold'"},
      {"name-is-list.yaml", 2, 7, "'name' must be text, not a list"},
      {"negative-hold.yaml", 6, 11, "'-30' is negative"},
      {"not-utf8.yaml", 2, 10, "invalid UTF-8"},
      {"only-comment.yaml", 1, 1, "no content"},
      {"pace-without-count.yaml",
       7,
       11,
       "'pace' only applies to a step with 'count'"},
      {"reversed-range.yaml", 6, 11, "'60-30s' is reversed"},
      {"step-not-map.yaml", 4, 5, "each step must be a mapping"},
      {"steps-not-list.yaml",
       4,
       3,
       "'steps' must be a list of steps, not a mapping"},
      {"spot-empty.yaml", 5, 18, "an item of 'spot' is empty"},
      {"spot-twice.yaml", 5, 35, "spot 'calf' is listed twice"},
      {"syntax-error.yaml", 6, 9, "YAML syntax error"},
      {"tools-not-list.yaml", 3, 8, "'tools' must be a list"},
      {"too-long.yaml",
       9,
       5,
       "with step 'Second' the routine can last more than 24h00m"},
      {"top-level-list.yaml", 1, 1, "must be a mapping"},
      {"two-documents.yaml", 7, 1, "more than one YAML document"},
      {"unclosed-double-quote.yaml", 5, 11, "this quote is never closed"},
      {"unclosed-single-quote-bom.yaml", 3, 7, "this quote is never closed"},
      {"unknown-key.yaml", 3, 1, "unknown key 'colour'"},
      {"unknown-spot.yaml", 5, 12, "unknown spot 'upper-trap'"},
      {"unknown-technique.yaml",
       5,
       16,
       "unknown technique 'trigger-point'; did you mean "
       "'trigger-point-compression'?"},
      {"zero-hold.yaml", 6, 11, "'0s' must be longer than zero"},
    };
    for (const BadCase& bad : cases) {
      CAPTURE(bad.file);
      const auto path = fixture(std::string("routines/bad/") + bad.file);
      auto routine = load_routine_file(path, technique_ids, spot_ids);
      REQUIRE_FALSE(routine.has_value());
      REQUIRE(routine.error().size() == 1);
      const Diagnostic& problem = routine.error().front();
      CHECK(problem.where.file == path.string());
      CHECK(problem.where.line == bad.line);
      CHECK(problem.where.column == bad.column);
      CHECK_MESSAGE(problem.message.find(bad.message) != std::string::npos,
                    problem.message);
    }
  }

  TEST_CASE("every problem of a file is reported, in file order")
  {
    auto routine = parse("id: Bad\n"
                         "name: x\n"
                         "colour: red\n"
                         "steps:\n"
                         "  - name: a\n"
                         "    cue: b\n"
                         "    hold: 45 sec\n"
                         "  - name: c\n"
                         "    cue: d\n"
                         "    count: 5\n"
                         "    sides: up\n");
    REQUIRE_FALSE(routine.has_value());
    const auto& problems = routine.error();
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].where.line == 1);
    CHECK(problems[1].where.line == 3);
    CHECK(problems[2].where.line == 7);
    CHECK(problems[3].where.line == 11);
    CHECK(problems[3].message.find("'sides'") != std::string::npos);
  }

  TEST_CASE("tab indentation gets a hint")
  {
    auto routine = parse(
      "id: tabs\nname: Tabs\nsteps:\n\t- name: a\n\t  cue: b\n\t  hold: 5\n");
    REQUIRE_FALSE(routine.has_value());
    CHECK(routine.error().at(0).where.line == 4);
    CHECK(routine.error().at(0).message.find("not tabs") != std::string::npos);
  }

  TEST_CASE("an unknown key suggests the closest allowed key")
  {
    auto routine =
      parse("id: a\nname: b\nsteps:\n  - name: c\n    cue: d\n    hodl: 30s\n");
    REQUIRE_FALSE(routine.has_value());
    // Line 4: the step then lacks a hold; line 6: the misspelt key.
    REQUIRE(routine.error().size() == 2);
    CHECK(routine.error().at(1).where.line == 6);
    CHECK(routine.error().at(1).message ==
          "unknown key 'hodl'; did you mean 'hold'?");
  }

  TEST_CASE("control characters are refused in every text field, located")
  {
    // ESC (YAML's "\e"), BEL, C1 CSI, U+202E, and a newline or tab in a
    // one-line field, in each text field of a routine in turn.
    const std::vector<std::string> bad{
      "\\e]0;x\\a", "\\a", "\\x9b", "\\u202E", "a\\nb", "a\\tb"};
    const std::vector<std::string> fields{"name",
                                          "area",
                                          "summary",
                                          "tools: [\"{}\"]",
                                          "safety: [\"{}\"]",
                                          "steps.name",
                                          "steps.cue",
                                          "steps.advice",
                                          "steps.breathing"};
    for (const auto& value : bad) {
      for (const auto& field : fields) {
        if (value == "a\\nb" &&
            (field == "summary" || field.starts_with("safety") ||
             field == "steps.cue" || field == "steps.advice" ||
             field == "steps.breathing")) {
          continue; // prose may have line breaks
        }
        CAPTURE(value);
        CAPTURE(field);
        const auto quoted = fmt::format("\"{}\"", value);
        const auto top = [&](std::string_view key) {
          if (field.find('{') != std::string::npos) {
            return key == field.substr(0, field.find(':'))
                     ? fmt::format(fmt::runtime(field), value)
                     : std::string();
          }
          return key == field ? fmt::format("{}: {}", key, quoted)
                              : std::string();
        };
        const auto step = [&](std::string_view key, std::string_view fine) {
          return "steps." + std::string(key) == field ? quoted
                                                      : std::string(fine);
        };
        std::string yaml = "id: x\n";
        yaml += field == "name" ? top("name") : "name: X";
        yaml += "\n" + top("area") + "\n" + top("summary") + "\n" +
                top("tools") + "\n" + top("safety") + "\n";
        yaml += fmt::format("steps:\n  - name: {}\n    cue: {}\n"
                            "    hold: 30s\n    advice: {}\n"
                            "    breathing: {}\n",
                            step("name", "N"),
                            step("cue", "C"),
                            step("advice", "A"),
                            step("breathing", "B"));
        const auto routine = parse(yaml);
        REQUIRE_FALSE(routine);
        REQUIRE(routine.error().size() == 1);
        const Diagnostic& problem = routine.error().front();
        CHECK(problem.where.line > 1);
        CHECK(problem.where.column > 1);
        CHECK(problem.message.find("control character \\") !=
              std::string::npos);
        CHECK_FALSE(text::find_control_character(to_string(problem)));
      }
    }
  }

  TEST_CASE("YAML escapes that make bytes other than UTF-8 are refused")
  {
    // "\N" (NEL) and "\_" (no-break space) decode to the Latin-1 bytes 0x85
    // and 0xA0: a journal line holding them would not read back.
    for (const char* escape : {"\\N", "\\_"}) {
      for (const char* field : {"name", "area"}) {
        CAPTURE(escape);
        CAPTURE(field);
        const std::string yaml = fmt::format(
          "id: x\n{}: \"neck{}\"\n{}steps:\n  - name: N\n    cue: C\n"
          "    hold: 30s\n",
          field,
          escape,
          std::string_view(field) == "name" ? "" : "name: X\n");
        const auto routine = parse(yaml);
        REQUIRE_FALSE(routine);
        REQUIRE(routine.error().size() == 1);
        const Diagnostic& problem = routine.error().front();
        CHECK(problem.where.line == 2);
        CHECK(problem.where.column == static_cast<int>(strlen(field)) + 3);
        CHECK(problem.message.find("is not valid text") != std::string::npos);
      }
    }
  }

  TEST_CASE("messages that quote the file show its text printable")
  {
    const auto routine = parse("id: x\nname: X\n\"k\\e[2J\\x9b\": 1\n"
                               "steps:\n  - name: N\n    cue: C\n"
                               "    count: \"\\e]52;c;aGk=\\a\"\n"
                               "    reps: \"\\u202e9\"\n");
    REQUIRE_FALSE(routine);
    REQUIRE(routine.error().size() == 3);
    for (const Diagnostic& problem : routine.error()) {
      CAPTURE(problem.message);
      CHECK_FALSE(text::find_control_character(to_string(problem)));
    }
    CHECK(to_string(routine.error()[0]) ==
          "test.yaml:3:1: unknown key 'k\\e[2J\\x9b'");
  }

  TEST_CASE("hostile YAML stays bounded")
  {
    SUBCASE("an alias bomb is not expanded")
    {
      std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
      for (char name = 'b'; name <= 'j'; ++name) {
        text += fmt::format("{0}: &{0} [", name);
        for (int i = 0; i < 10; ++i) {
          text += fmt::format("*{}, ", static_cast<char>(name - 1));
        }
        text += "]\n";
      }
      text += "id: bomb\nname: Bomb\nsteps: *j\n";
      auto routine = parse(text);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().size() <= yaml::Problems::max_problems + 1);
    }
    SUBCASE("a lone comma (found by fuzzing: yaml-cpp's LoadAll never ends)")
    {
      for (const char* text : {",", "\n,\n", "- !+(.,.)", "# note\n  ,"}) {
        CAPTURE(text);
        auto routine = parse(text);
        REQUIRE_FALSE(routine.has_value());
        CHECK(routine.error().at(0).message.find("YAML syntax error") !=
              std::string::npos);
      }
      CHECK(parse("# note\n  ,").error().at(0).where.line == 2);
      CHECK(parse("# note\n  ,").error().at(0).where.column == 3);
    }
    SUBCASE("an empty second document is not a second routine")
    {
      auto routine =
        parse("id: a\nname: b\nsteps:\n  - {name: c, cue: d, hold: 5}\n---\n");
      CHECK(routine.has_value());
    }
    SUBCASE("deep nesting is refused")
    {
      std::string dashes;
      for (int i = 0; i < 1000; ++i) {
        dashes += "- ";
      }
      for (const std::string& text : {std::string(600, '['), dashes}) {
        auto routine = parse(text);
        REQUIRE_FALSE(routine.has_value());
        CHECK(routine.error().at(0).message.find("too deep") !=
              std::string::npos);
      }
    }
    SUBCASE("too many steps")
    {
      std::string text = "id: many\nname: Many\nsteps:\n";
      for (std::size_t i = 0; i <= max_steps; ++i) {
        text += "  - {name: s, cue: c, hold: 1}\n";
      }
      auto routine = parse(text);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message.find("too many") !=
            std::string::npos);
    }
    SUBCASE("a 20,000-step file is refused, and quickly")
    {
      std::string text = "id: many\nname: Many\nsteps:\n";
      for (int i = 0; i < 20000; ++i) {
        text += "  - name: s\n    cue: c\n    hold: 1\n";
      }
      const auto start = std::chrono::steady_clock::now();
      auto routine = parse(text);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message ==
            "too much YAML: more than 20000 values in one file");
      // Generous: a bound against a hang, not a benchmark.
      CHECK(std::chrono::steady_clock::now() - start <
            std::chrono::seconds(20));
    }
    SUBCASE("the largest valid routine is well within the limit")
    {
      std::string text = "id: a\nname: b\nsafety: [x, y]\ntools: [z]\nsteps:\n";
      for (std::size_t i = 0; i < max_steps; ++i) {
        text += "  - {name: s, technique: ball-release, cue: c, hold: 1, "
                "sides: both, reps: 2, pressure: firm, advice: a, "
                "breathing: b}\n";
      }
      CHECK(parse(text).has_value());
    }
    SUBCASE("a huge number")
    {
      auto routine = parse("id: a\nname: b\nsteps:\n  - {name: c, cue: d, "
                           "hold: 99999999999999999999s}\n");
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message.find("too long") !=
            std::string::npos);
    }
    SUBCASE("a problem flood is capped")
    {
      std::string text = "id: a\nname: b\nsteps:\n";
      for (int i = 0; i < 150; ++i) {
        text += "  - {name: s, cue: c, hold: x}\n";
      }
      auto routine = parse(text);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().size() == yaml::Problems::max_problems + 1);
      CHECK(routine.error().back().message.find("too many problems") !=
            std::string::npos);
    }
  }

  TEST_CASE("files that are not regular files are refused without blocking")
  {
    knotrelief::test::TempDir dir;
    SUBCASE("a directory")
    {
      auto routine = load_routine_file(dir.path(), technique_ids);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message.find("is a directory") !=
            std::string::npos);
    }
    SUBCASE("a FIFO")
    {
      const auto fifo = dir.path() / "fifo.yaml";
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      auto routine = load_routine_file(fifo, technique_ids);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message.find("not a regular file") !=
            std::string::npos);
    }
    SUBCASE("a missing file")
    {
      auto routine = load_routine_file(dir.path() / "nope.yaml", technique_ids);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message.find("No such file") !=
            std::string::npos);
      CHECK(routine.error().at(0).where.line == 0);
    }
    SUBCASE("an oversized file")
    {
      const auto big =
        dir.write("big.yaml", std::string(max_file_bytes + 1, '#'));
      auto routine = load_routine_file(big, technique_ids);
      REQUIRE_FALSE(routine.has_value());
      CHECK(routine.error().at(0).message.find("too large") !=
            std::string::npos);
    }
  }

  TEST_CASE("techniques file")
  {
    auto techniques = parse_techniques("techniques:\n"
                                       "  - id: press\n"
                                       "    name: Press\n"
                                       "    what: Pressing.\n"
                                       "    how: [Press it.]\n"
                                       "    hold: 30-60s\n",
                                       "t.yaml");
    REQUIRE(techniques.has_value());
    REQUIRE(techniques->size() == 1);
    CHECK(techniques->at(0).hold == DurationRange{30, 60});

    auto bad = parse_techniques("techniques:\n  - id: press\n    nmae: Press\n",
                                "t.yaml");
    REQUIRE_FALSE(bad.has_value());
    REQUIRE(bad.error().size() == 3); // missing name, what and the unknown key
    CHECK(bad.error().back().where.line == 3);
    CHECK(bad.error().back().message ==
          "unknown key 'nmae'; did you mean 'name'?");
  }

  TEST_CASE("techniques file: reps, one number or a range")
  {
    const auto with_reps = [](const std::string& reps) {
      return parse_techniques("techniques:\n"
                              "  - id: press\n"
                              "    name: Press\n"
                              "    what: Pressing.\n"
                              "    how: [Press it.]\n"
                              "    reps: " +
                                reps + "\n",
                              "t.yaml");
    };
    auto range = with_reps("3-5");
    REQUIRE(range.has_value());
    CHECK(range->at(0).reps == RepRange{3, 5});
    auto one = with_reps("4");
    REQUIRE(one.has_value());
    CHECK(one->at(0).reps == RepRange{4, 4});
    for (const char* bad : {"0", "5-3", "3-", "-3", "x", "3-21", "3 - 5"}) {
      CAPTURE(bad);
      auto refused = with_reps(bad);
      REQUIRE_FALSE(refused.has_value());
      CHECK(refused.error().back().message.find(
              "'reps' must be a number or a range like 3-5, from 1 to 20") !=
            std::string::npos);
    }
  }
}
