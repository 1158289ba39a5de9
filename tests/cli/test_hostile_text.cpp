// Text from files, arguments and the environment never reaches the
// terminal raw: every command is run on hostile journals, routine files,
// file names and arguments, and its output searched for control bytes.

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using knotrelief::test::ProcessResult;
using knotrelief::test::run_knotrelief;
using knotrelief::test::TempDir;

namespace {

// ESC (an OSC 52 clipboard write and a screen clear), BEL, C1 CSI as
// UTF-8, a lone C1 byte, and U+202E RIGHT-TO-LEFT OVERRIDE.
const std::string hostile = "\x1b]52;c;aGk=\a\x1b[2J\xc2\x9b"
                            "31m\u202e";
const std::string hostile_yaml = "\\e]52;c;aGk=\\a\\e[2J\\x9b31m\\u202e";
const std::string name_bytes = "\x1b]0;T\a\xc2\x9b\x9b\u202e";

// What is wrong with `output`: a raw ESC, BEL, C1 control (as UTF-8 or as
// a lone byte) or bidi override. Empty when nothing is.
std::string raw_controls(const std::string& output)
{
  for (std::size_t at = 0; at < output.size();) {
    const auto code_point = knotrelief::text::code_point_at(output, at);
    const char32_t value = code_point.value;
    const bool c1 = value >= 0x80 && value <= 0x9F;
    if (value == 0x1B || value == 0x07 || c1 || value == 0x202E) {
      return fmt::format("raw U+{:04X} at byte {} in: {}",
                         static_cast<unsigned>(value),
                         at,
                         knotrelief::text::printable(output));
    }
    at += code_point.length;
  }
  return {};
}

void check_clean(const ProcessResult& result)
{
  CHECK_MESSAGE(raw_controls(result.out).empty(), raw_controls(result.out));
  CHECK_MESSAGE(raw_controls(result.err).empty(), raw_controls(result.err));
}

// A home with hostile routine files and a hostile journal, found through
// XDG_CONFIG_HOME and an XDG_DATA_HOME whose path holds ESC.
struct HostileHome
{
  TempDir dir;
  std::filesystem::path config = dir.path() / "config";
  std::filesystem::path routines = config / "knotrelief" / "routines";
  std::filesystem::path data = dir.path() / ("data" + name_bytes);
  std::filesystem::path journal = data / "knotrelief" / "journal.txt";
  std::filesystem::path good_file = routines / ("good" + name_bytes + ".yaml");

  HostileHome()
  {
    write(good_file,
          "id: hostile-ok\nname: Fine\narea: neck\nsteps:\n"
          "  - name: Touch\n    cue: Touch.\n    hold: 1s\n");
    write_broken_routines();
    write_journal();
  }

  void write(const std::filesystem::path& path, std::string_view text) const
  {
    dir.write(path.lexically_relative(dir.path()).string(), text);
  }

  // Hostile bytes in keys, in every kind of value, raw and as YAML
  // escapes, and in file names.
  void write_broken_routines() const
  {
    const std::vector<std::string> fields{"name",
                                          "area",
                                          "summary",
                                          "tools",
                                          "safety",
                                          "step name",
                                          "cue",
                                          "advice",
                                          "breathing",
                                          "count",
                                          "reps",
                                          "hold",
                                          "pressure",
                                          "sides",
                                          "technique",
                                          "key"};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto& field = fields[i];
      const auto value = [&](std::string_view which, std::string_view fine) {
        return field == which ? "\"" + hostile_yaml + "\"" : std::string(fine);
      };
      std::string yaml = fmt::format(
        "id: broken-{}\nname: {}\narea: {}\nsummary: {}\ntools: [{}]\n"
        "safety: [{}]\n{}: 1\nsteps:\n  - name: {}\n    cue: {}\n"
        "    {}: {}\n    reps: {}\n    advice: {}\n    breathing: {}\n"
        "    pressure: {}\n    sides: {}\n    technique: {}\n",
        i,
        value("name", "N"),
        value("area", "neck"),
        value("summary", "S"),
        value("tools", "hands"),
        value("safety", "Care."),
        field == "key" ? "\"k" + hostile_yaml + "\"" : "area2",
        value("step name", "Step"),
        value("cue", "Cue."),
        field == "count" ? "count" : "hold",
        field == "count" ? value("count", "") : value("hold", "10s"),
        value("reps", "1"),
        value("advice", "A."),
        value("breathing", "B."),
        value("pressure", "gentle"),
        value("sides", "both"),
        value("technique", "trigger-point-compression"));
      write(routines / fmt::format("broken-{}{}.yaml", i, name_bytes), yaml);
    }
    // The bytes as they are, not as YAML escapes.
    write(routines / ("raw" + name_bytes + ".yaml"),
          "id: raw\nname: a" + hostile + "\nsteps: [" + hostile + "]\n");
    write(routines / ("binary" + name_bytes + ".yaml"),
          hostile + std::string("\0x", 2));
  }

  // The bytes in the note, routine, area and an unknown key, and a good
  // entry whose note has a newline and a tab.
  void write_journal() const
  {
    const std::string start = "2026-11-20T08:00:00+00:00 ";
    std::string text;
    text += start + "routine=neck status=quit note=\"" + hostile + "\"\n";
    text += start + "routine=ne" + hostile + "ck status=quit\n";
    text += start + "routine=neck area=a" + hostile + " status=quit\n";
    text += start + "routine=neck status=quit mood=\"" + hostile + "\"\n";
    text += start +
            "routine=neck area=neck status=completed actual_s=60 "
            "pain_before=5 pain_after=3 note=\"first\\nsecond\\tthird\"\n";
    text += hostile + " routine=neck status=quit\n";
    write(journal, text);
  }

  ProcessResult run(std::vector<std::string> args,
                    std::string lang = "C.UTF-8") const
  {
    return run_knotrelief(args,
                          {.env = {{"HOME", dir.path().string()},
                                   {"XDG_CONFIG_HOME", config.string()},
                                   {"XDG_DATA_HOME", data.string()},
                                   {"LANG", lang},
                                   {"TZ", "UTC"}}});
  }
};

// Text beyond ASCII whose UTF-8 holds a byte an 8-bit terminal reads as
// CSI (0x9B): "ě" is C4 9B, "‛" is E2 80 9B; and a C1 CSI itself.
const std::string e_caron = "\xc4\x9b";
const std::string reversed_quote = "\xe2\x80\x9b";
const std::string c1_csi = "\xc2\x9b";

// Where `output` has a byte that is not ASCII. Empty when none has.
std::string non_ascii(const std::string& output)
{
  const auto at = std::find_if(output.begin(), output.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
  if (at == output.end()) {
    return {};
  }
  return fmt::format("byte 0x{:02x} at {} in: {}",
                     static_cast<unsigned char>(*at),
                     at - output.begin(),
                     knotrelief::text::printable(output));
}

// A home whose routines and journal hold those, good and broken.
struct EightBitHome
{
  TempDir dir;
  std::filesystem::path routines = dir.path() / "config/knotrelief/routines";
  std::filesystem::path journal = dir.path() / "data/knotrelief/journal.txt";

  EightBitHome()
  {
    const std::string text = e_caron + reversed_quote;
    write(routines / ("good-" + e_caron + ".yaml"),
          "id: eight-bit\nname: \"Stretch " + text + "[2J\"\narea: neck" +
            e_caron + "\ntools: [ball" + reversed_quote +
            "]\nsteps:\n  - name: Step " + text + "\n    cue: Cue " + text +
            "\n    hold: 1s\n");
    write(routines / "broken.yaml",
          "id: broken\nname: \"Stretch " + text + c1_csi +
            "[2J\"\nsteps:\n  - name: s\n    cue: c\n    hold: 1s\n");
    const std::string start = "2026-11-20T08:00:00+00:00 ";
    write(journal,
          start + "routine=eight-bit area=neck" + e_caron +
            " status=completed actual_s=60 note=\"" + text + "\"\n" + start +
            "routine=neck status=quit note=\"" + text + c1_csi + "[2J\"\n");
  }

  void write(const std::filesystem::path& path, std::string_view text) const
  {
    dir.write(path.lexically_relative(dir.path()).string(), text);
  }

  ProcessResult run(const std::vector<std::string>& args,
                    const std::string& locale) const
  {
    return run_knotrelief(
      args,
      {.env = {{"HOME", dir.path().string()},
               {"XDG_CONFIG_HOME", (dir.path() / "config").string()},
               {"XDG_DATA_HOME", (dir.path() / "data").string()},
               {"LC_ALL", locale},
               {"TZ", "UTC"}}});
  }
};

} // namespace

TEST_SUITE("cli hostile text")
{
  TEST_CASE("without a UTF-8 locale, only ASCII reaches the terminal, "
            "except in JSON")
  {
    const EightBitHome home;
    const std::string routines = home.routines.string();
    const std::string good =
      (home.routines / ("good-" + e_caron + ".yaml")).string();
    const std::vector<std::vector<std::string>> commands{
      {},
      {"today", "--no-run"},
      {"list"},
      {"list", "--ids"},
      {"list", "--area", "neck" + e_caron},
      {"list", "--area", "nope" + e_caron},
      {"show", "eight-bit"},
      {"show", good},
      {"show", (home.routines / "broken.yaml").string()},
      {"show", "nope" + e_caron},
      {"check", routines},
      {"check", good},
      {"log"},
      {"log", "--routine", "eight-bit"},
      {"log", "stats"},
      {"log", "--since", e_caron},
      {"log", "add", "eight-bit", "--note", e_caron + reversed_quote},
      {"log", "add", "eight-bit", "--note", c1_csi},
      {"log", "path"},
      {e_caron},
    };
    for (const auto& args : commands) {
      CAPTURE(
        knotrelief::text::printable(fmt::format("{}", fmt::join(args, " "))));
      const ProcessResult result = home.run(args, "C");
      CHECK_MESSAGE(non_ascii(result.out).empty(), non_ascii(result.out));
      CHECK_MESSAGE(non_ascii(result.err).empty(), non_ascii(result.err));
    }
    // Escaped, not dropped.
    const ProcessResult shown = home.run({"show", "eight-bit"}, "C");
    CHECK(shown.status == 0);
    CHECK(shown.out.find("Stretch \\u011b\\u201b[2J") != std::string::npos);
    // JSON is UTF-8 whatever the locale.
    const ProcessResult json = home.run({"show", "eight-bit", "--json"}, "C");
    CHECK(json.out.find("Stretch " + e_caron) != std::string::npos);
  }

  TEST_CASE("with a UTF-8 locale, text beyond ASCII is shown as it is")
  {
    const EightBitHome home;
    const ProcessResult shown = home.run({"show", "eight-bit"}, "C.UTF-8");
    CHECK(shown.status == 0);
    CHECK(shown.out.find("Stretch " + e_caron + reversed_quote + "[2J") !=
          std::string::npos);
    const ProcessResult log = home.run({"log"}, "C.UTF-8");
    CHECK(log.out.find(e_caron) != std::string::npos);
    CHECK(raw_controls(log.out + log.err).empty());
  }

  TEST_CASE("no command prints a raw ESC, BEL or C1 byte from files, names "
            "or the environment")
  {
    const HostileHome home;
    const std::string routines_dir = home.routines.string();
    const std::string good = home.good_file.string();
    const std::vector<std::vector<std::string>> commands{
      {},
      {"today", "--no-run"},
      {"today", "--json"},
      {"today", "--area", hostile},
      {"list"},
      {"list", "--json"},
      {"list", "--area", hostile},
      {"list", "--tool", hostile},
      {"list", "--ids"},
      {"--routines", routines_dir, "list"},
      {"--routines", routines_dir + hostile, "list"},
      {"show", "hostile-ok"},
      {"show", "hostile-ok", "--json"},
      {"show", good},
      {"show", "nope" + hostile},
      {"show", (home.routines / ("broken-0" + name_bytes + ".yaml")).string()},
      {"check", routines_dir},
      {"check", good},
      {"check", routines_dir + "/missing" + hostile + ".yaml"},
      {"run",
       "hostile-ok",
       "--prep",
       "0",
       "--pain-before",
       "5",
       "--pain-after",
       "3",
       "--note",
       "fine"},
      {"run", "--prep", "0", "--pain-after", "1", good},
      {"run", "--prep", "0", "--pain-after", "1", "unknown" + hostile},
      {"run", "--prep", "0", "--note", hostile, "hostile-ok"},
      {"log"},
      {"log", "--json"},
      {"log", "--routine", hostile},
      {"log", "--since", hostile},
      {"log", "stats"},
      {"log", "stats", "--json"},
      {"log", "add", "hostile-ok", "--note", "sore"},
      {"log", "add", "hostile-ok", "--note", hostile},
      {"log", "add", "unknown" + hostile},
      {"log", "add", "hostile-ok", "--at", hostile},
      {"log", "path"},
      {"--journal", home.journal.string() + hostile, "log"},
      {hostile},
      {"log", hostile},
    };
    for (const auto& args : commands) {
      for (const char* lang : {"C.UTF-8", "C"}) {
        CAPTURE(knotrelief::text::printable(
          fmt::format("{}", args.empty() ? "" : args.front())));
        CAPTURE(args.size() > 1 ? knotrelief::text::printable(args[1]) : "");
        CAPTURE(lang);
        check_clean(home.run(args, lang));
      }
    }
    // The problems were reported, not skipped in silence.
    const auto listed = home.run({"list"});
    CHECK(listed.status == 1);
    CHECK(listed.out.find("hostile-ok") != std::string::npos);
    CHECK(listed.out.find("good\\e]0;T\\x07\\x9b\\x9b\\u202e.yaml") !=
          std::string::npos);
    CHECK(listed.err.find("contains a control character \\e") !=
          std::string::npos);
    const auto log = home.run({"log"});
    CHECK(log.err.find("control character \\e") != std::string::npos);
  }

  TEST_CASE("a note's newline is shown as a symbol or \\n in the log table, "
            "never as a line break")
  {
    const HostileHome home;
    const auto unicode = home.run({"log"});
    CHECK(unicode.out.find("first\u23cesecond\\tthird") != std::string::npos);
    CHECK(std::count(unicode.out.begin(), unicode.out.end(), '\n') == 2);
    const auto ascii = home.run({"log"}, "C");
    CHECK(ascii.out.find("first\\nsecond\\tthird") != std::string::npos);
    CHECK(std::count(ascii.out.begin(), ascii.out.end(), '\n') == 2);
  }

  TEST_CASE("--note with a control character is a usage error naming --note")
  {
    const HostileHome home;
    for (const std::string& note : {std::string("\x1b[2J"),
                                    std::string("\a"),
                                    std::string("\xc2\x9b"),
                                    std::string("\u202e"),
                                    std::string("caf\xe9")}) {
      CAPTURE(knotrelief::text::printable(note));
      const auto added = home.run({"log", "add", "hostile-ok", "--note", note});
      CHECK(added.status == 2);
      CHECK(added.err.find("--note") != std::string::npos);
      CHECK(added.out.empty());
      const auto ran =
        home.run({"run", "hostile-ok", "--prep", "0", "--note", note});
      CHECK(ran.status == 2);
      CHECK(ran.err.find("--note") != std::string::npos);
    }
    const auto fine = home.run(
      {"log", "add", "hostile-ok", "--note", "two\nlines\tand\r a tab"});
    CHECK(fine.status == 0);
    CHECK(fine.out.find("note=\"two\\nlines\\tand\\r a tab\"") !=
          std::string::npos);
  }

  TEST_CASE("warnings about broken routine files stop at 20, then a count")
  {
    TempDir dir;
    for (int i = 0; i < 300; ++i) {
      dir.write(fmt::format("config/knotrelief/routines/bad-{:03}.yaml", i),
                "id: [\n");
    }
    const auto listed = run_knotrelief(
      {"list"},
      {.env = {{"XDG_CONFIG_HOME", (dir.path() / "config").string()}}});
    CHECK(listed.status == 1);
    CHECK(std::count(listed.err.begin(), listed.err.end(), '\n') == 21);
    CHECK(listed.err.find("knotrelief: warning: 280 more problems in routine "
                          "files") != std::string::npos);
    CHECK(listed.out.find("neck") != std::string::npos);
  }
}
