#pragma once

#include "routine/library.hpp"
#include "util/environment.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::cli {

// Options every subcommand accepts (SPEC §1).
struct GlobalOptions
{
  std::string journal; // empty: $KNOTRELIEF_JOURNAL, then the XDG default
  bool no_color = false;
  std::vector<std::string> routine_dirs;
};

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
  // printed as warnings (once) and those files skipped.
  const routine::Library& library();
  bool library_had_problems() const { return m_library_had_problems; }

  // "knotrelief: warning: <message>" on stderr.
  void warn(std::string_view message) const;

  // Width to lay text out in: the terminal's, else 80 columns.
  int output_columns() const;
  // Whether the locale's character set is UTF-8 (else draw in ASCII).
  bool output_is_unicode() const;

private:
  GlobalOptions m_options;
  EnvLookup m_env;
  std::FILE* m_out;
  std::FILE* m_err;
  std::optional<routine::Library> m_library;
  bool m_library_had_problems = false;
};

} // namespace knotrelief::cli
