#include "tools/codegen.hpp"

#include <fmt/format.h>

#include <iterator>

namespace knotrelief::tools {

using namespace knotrelief::routine;

namespace {

// The model's to_string() names are the enumerators' names; the build
// checks that, since the generated source would not compile otherwise.
std::string enumerator(Sides sides)
{
  return fmt::format("Sides::{}", to_string(sides));
}

std::string enumerator(Pressure pressure)
{
  return fmt::format("Pressure::{}", to_string(pressure));
}

std::string_view enumerator(Origin origin)
{
  switch (origin) {
    case Origin::builtin:
      return "Origin::builtin";
    case Origin::user:
      return "Origin::user";
    case Origin::file:
      break;
  }
  return "Origin::file";
}

std::string string_list(const std::vector<std::string>& items)
{
  std::string out = "{";
  for (const std::string& item : items) {
    out +=
      fmt::format("{}{}", out.size() > 1 ? ", " : "", cpp_string_literal(item));
  }
  return out + "}";
}

std::string optional_range(const std::optional<DurationRange>& range)
{
  return range ? fmt::format("DurationRange{{{}, {}}}", range->low, range->high)
               : std::string("std::nullopt");
}

std::string optional_reps(const std::optional<RepRange>& reps)
{
  return reps ? fmt::format("RepRange{{{}, {}}}", reps->low, reps->high)
              : std::string("std::nullopt");
}

std::string location(const Location& where)
{
  return fmt::format("Location{{{}, {}, {}}}",
                     cpp_string_literal(where.file),
                     where.line,
                     where.column);
}

// Appends "  name = value;" lines for one object, named `var` in the output.
class Assignments
{
public:
  Assignments(std::string& out, std::string_view var, int indent)
    : m_out(out)
    , m_var(var)
    , m_indent(indent)
  {}

  void set(std::string_view field, std::string_view value)
  {
    fmt::format_to(std::back_inserter(m_out),
                   "{:{}}{}.{} = {};\n",
                   "",
                   m_indent,
                   m_var,
                   field,
                   value);
  }
  void set_text(std::string_view field, std::string_view text)
  {
    set(field, cpp_string_literal(text));
  }
  void set_int(std::string_view field, int value)
  {
    set(field, std::to_string(value));
  }

private:
  std::string& m_out;
  std::string_view m_var;
  int m_indent;
};

void append_technique(std::string& out, std::size_t index, const Technique& t)
{
  fmt::format_to(std::back_inserter(out),
                 "  {{\n    Technique& t = techniques[{}];\n",
                 index);
  Assignments a(out, "t", 4);
  a.set_text("id", t.id);
  a.set_text("name", t.name);
  a.set_text("what", t.what);
  a.set("how", string_list(t.how));
  a.set("best_for", string_list(t.best_for));
  a.set_text("example", t.example);
  a.set("hold", optional_range(t.hold));
  a.set("reps", optional_reps(t.reps));
  a.set("pressure", enumerator(t.pressure));
  a.set_text("advice", t.advice);
  out += "  }\n";
}

void append_step(std::string& out, std::size_t index, const Step& s)
{
  fmt::format_to(
    std::back_inserter(out), "  {{\n    Step& s = r.steps[{}];\n", index);
  Assignments a(out, "s", 4);
  a.set_text("name", s.name);
  a.set_text("technique", s.technique);
  a.set("spots", string_list(s.spots));
  a.set_text("cue", s.cue);
  a.set("hold", optional_range(s.hold));
  a.set_int("count", s.count);
  a.set_int("pace_seconds", s.pace_seconds);
  a.set("sides", enumerator(s.sides));
  a.set_int("reps", s.reps);
  a.set("pressure", enumerator(s.pressure));
  a.set_text("advice", s.advice);
  a.set_text("breathing", s.breathing);
  a.set_text("halfway", s.halfway);
  a.set("where", location(s.where));
  out += "  }\n";
}

void append_guide_function(std::string& out, const Guide& guide)
{
  out += "Guide builtin_guide()\n{\n  Guide guide;\n";
  for (const GuideSection& section : guide.sections) {
    out += "  {\n    GuideSection& g = guide.sections.emplace_back();\n";
    Assignments a(out, "g", 4);
    a.set_text("id", section.id);
    a.set_text("title", section.title);
    a.set("points", string_list(section.points));
    a.set_text("note", section.note);
    out += "  }\n";
  }
  out += "  return guide;\n}\n\n";
}

void append_spots_function(std::string& out, const SpotLibrary& spots)
{
  out += "SpotLibrary builtin_spots()\n{\n  SpotLibrary spots;\n";
  Assignments outline(out, "spots.outline", 2);
  outline.set("front", string_list(spots.outline.front));
  outline.set("back", string_list(spots.outline.back));
  for (const Spot& spot : spots.spots) {
    out += "  {\n    Spot& p = spots.spots.emplace_back();\n";
    Assignments a(out, "p", 4);
    a.set_text("id", spot.id);
    a.set_text("name", spot.name);
    a.set_text("area", spot.area);
    a.set("paired", spot.paired ? "true" : "false");
    a.set("view", spot.view == View::front ? "View::front" : "View::back");
    a.set("cell",
          fmt::format("Cell{{{}, {}}}", spot.cell.row, spot.cell.column));
    a.set_text("find", spot.find);
    out += "  }\n";
  }
  out += "  return spots;\n}\n\n";
}

// One function per routine keeps each function small for the compiler.
void append_routine_function(std::string& out,
                             std::size_t index,
                             const Routine& r)
{
  fmt::format_to(
    std::back_inserter(out), "Routine routine_{}()\n{{\n  Routine r;\n", index);
  Assignments a(out, "r", 2);
  a.set_text("id", r.id);
  a.set_text("name", r.name);
  a.set_text("area", r.area);
  a.set_text("summary", r.summary);
  a.set("tools", string_list(r.tools));
  a.set("safety", string_list(r.safety));
  a.set("origin", enumerator(r.origin));
  a.set_text("path", r.path);
  a.set("replaces_builtin", r.replaces_builtin ? "true" : "false");
  a.set("where", location(r.where));
  fmt::format_to(
    std::back_inserter(out), "  r.steps.resize({});\n", r.steps.size());
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    append_step(out, i, r.steps[i]);
  }
  out += "  return r;\n}\n\n";
}

} // namespace

std::string cpp_string_literal(std::string_view text)
{
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7f) {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string generate_builtin_source(std::span<const Technique> techniques,
                                    std::span<const Routine> routines,
                                    const Guide& guide,
                                    const SpotLibrary& spots)
{
  std::string out =
    "// Generated by knotrelief-generate-builtin from data/. Do not edit.\n"
    "#include \"routine/builtin.hpp\"\n\n"
    "namespace knotrelief::routine {\n\n";
  fmt::format_to(std::back_inserter(out),
                 "std::vector<Technique> builtin_techniques()\n{{\n"
                 "  std::vector<Technique> techniques({});\n",
                 techniques.size());
  for (std::size_t i = 0; i < techniques.size(); ++i) {
    append_technique(out, i, techniques[i]);
  }
  out += "  return techniques;\n}\n\nnamespace {\n\n";
  for (std::size_t i = 0; i < routines.size(); ++i) {
    append_routine_function(out, i, routines[i]);
  }
  fmt::format_to(std::back_inserter(out),
                 "}} // namespace\n\n"
                 "std::vector<Routine> builtin_routines()\n{{\n"
                 "  std::vector<Routine> routines;\n"
                 "  routines.reserve({});\n",
                 routines.size());
  for (std::size_t i = 0; i < routines.size(); ++i) {
    fmt::format_to(
      std::back_inserter(out), "  routines.push_back(routine_{}());\n", i);
  }
  out += "  return routines;\n}\n\n";
  append_guide_function(out, guide);
  append_spots_function(out, spots);
  out += "} // namespace knotrelief::tools\n";
  return out;
}

} // namespace knotrelief::tools
