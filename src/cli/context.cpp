#include "cli/context.hpp"

#include "routine/builtin.hpp"
#include "term/size.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <clocale>
#include <cstring>
#include <langinfo.h>

namespace knotrelief::cli {

Context::Context(GlobalOptions options,
                 EnvLookup env,
                 std::FILE* out,
                 std::FILE* err)
  : m_options(std::move(options))
  , m_env(std::move(env))
  , m_out(out)
  , m_err(err)
{}

const routine::Library& Context::library()
{
  if (!m_library) {
    routine::LibrarySources sources;
    if (auto config = config_home(m_env)) {
      sources.user_dir = *config / "knotrelief" / "routines";
    }
    sources.extra_dirs.assign(m_options.routine_dirs.begin(),
                              m_options.routine_dirs.end());
    std::vector<Diagnostic> problems;
    m_library = routine::Library::load(sources, problems);
    CappedDiagnostics shown;
    for (const Diagnostic& problem : problems) {
      shown.add(problem);
    }
    for (const Diagnostic& problem : shown.shown()) {
      warn(fmt::format("{} (file skipped)", to_string(problem)));
    }
    if (shown.hidden() > 0) {
      warn(fmt::format("{} more problem{} in routine files (run 'knotrelief "
                       "check' on the folder to see them all)",
                       shown.hidden(),
                       shown.hidden() == 1 ? "" : "s"));
    }
    m_library_had_problems = !problems.empty();
  }
  return *m_library;
}

void Context::warn(std::string_view message) const
{
  fmt::print(m_err, "knotrelief: warning: {}\n", text::printable(message));
}

text::Charset locale_charset()
{
  std::setlocale(LC_CTYPE, "");
  return std::strcmp(::nl_langinfo(CODESET), "UTF-8") == 0
           ? text::Charset::utf8
           : text::Charset::ascii;
}

bool Context::output_is_unicode() const
{
  return text::output_charset() == text::Charset::utf8;
}

int Context::output_columns() const
{
  if (auto size = term::window_size(fileno(m_out))) {
    return size->columns;
  }
  return 80;
}

void print_wrapped(std::FILE* out,
                   std::string_view text,
                   std::size_t indent,
                   std::size_t width,
                   std::string_view label)
{
  const std::size_t room = width > indent + 20 ? width - indent : 20;
  bool first = true;
  for (const auto& line : text::wrap(text, room)) {
    const std::string lead = first && !label.empty()
                               ? text::fit_width(label, indent, true)
                               : std::string(indent, ' ');
    safe_print(out, "{}{}\n", lead, line);
    first = false;
  }
}

void print_facts(std::FILE* out, std::string_view text, std::size_t width)
{
  if (text::display_width(text) <= width) {
    safe_print(out, "{}\n", text);
  } else {
    print_wrapped(out, text, 0, width);
  }
}

std::size_t layout_width(const Context& context)
{
  return static_cast<std::size_t>(
    std::clamp(context.output_columns(), 40, 100));
}

const routine::Guide& guide()
{
  static const routine::Guide made = routine::builtin_guide();
  return made;
}

const routine::GuideSection& guide_section(std::string_view id)
{
  return guide().section(id);
}

} // namespace knotrelief::cli
