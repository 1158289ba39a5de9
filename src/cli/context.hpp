#pragma once

#include "routine/library.hpp"
#include "util/environment.hpp"
#include "util/text.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::cli {

// Options every subcommand accepts (knotrelief(1), GLOBAL OPTIONS).
struct GlobalOptions
{
  std::string journal; // empty: $KNOTRELIEF_JOURNAL, then the XDG default
  bool no_color = false;
  std::vector<std::string> routine_dirs;
};

// The character set of the locale (LC_ALL, LC_CTYPE, LANG) output is
// written in: UTF-8 or, for any other, ASCII. Sets the process's LC_CTYPE
// from the environment.
text::Charset locale_charset();

// What a subcommand works with: the global options, the environment and the
// output streams, and the routine library, loaded on first use.
class Context
{
public:
  Context(GlobalOptions options, EnvLookup env, std::FILE* out, std::FILE* err);

  const GlobalOptions& options() const { return m_options; }
  const EnvLookup& env() const { return m_env; }
  std::FILE* out() const { return m_out; }
  std::FILE* err() const { return m_err; }

  // Built-in, user and --routines routines. Problems in user files are
  // printed as warnings (once, at most CappedDiagnostics::default_limit of
  // them, then a count) and those files skipped.
  const routine::Library& library();
  bool library_had_problems() const { return m_library_had_problems; }

  // "knotrelief: warning: <message>" on stderr, one line: the message is
  // shown through text::printable(), a newline in it as \n.
  void warn(std::string_view message) const;

  // Width to lay text out in: the terminal's, else 80 columns.
  int output_columns() const;
  // Whether the output's character set is UTF-8 (else draw in ASCII): what
  // text::output_charset() says, which cli::execute sets from the locale.
  bool output_is_unicode() const;

private:
  GlobalOptions m_options;
  EnvLookup m_env;
  std::FILE* m_out;
  std::FILE* m_err;
  std::optional<routine::Library> m_library;
  bool m_library_had_problems = false;
};

// How everything under src/cli prints: like fmt::print, with every text
// argument shown through text::printable(), so text from a file, an
// argument or the environment cannot drive the terminal. The format string
// is the program's own.
template <typename... Args>
void safe_print(std::FILE* out,
                fmt::format_string<text::shown_t<Args>...> format,
                Args&&... args)
{
  const std::string shown =
    text::shown_format<Args...>(format, std::forward<Args>(args)...);
  std::fwrite(shown.data(), 1, shown.size(), out);
}

// Prints `text` wrapped to `width` columns, every line indented by `indent`;
// the first line starts with `label` instead, when there is one.
void print_wrapped(std::FILE* out,
                   std::string_view text,
                   std::size_t indent,
                   std::size_t width,
                   std::string_view label = {});

// A line of facts set apart by runs of spaces ("Area: neck   Time: 4m"): as
// it is when it fits in `width` columns, else wrapped as print_wrapped does.
void print_facts(std::FILE* out, std::string_view text, std::size_t width);

// The width text is wrapped to: the output's columns, kept within 40-100.
std::size_t layout_width(const Context& context);

// The guide compiled in from data/guide.yaml, made once.
const routine::Guide& guide();

// One of its sections: an id of routine::required_guide_sections.
const routine::GuideSection& guide_section(std::string_view id);

} // namespace knotrelief::cli
