#pragma once

// Where `-o FILE` output goes (log export): standard output for "-"; a
// regular file (or a new one) written beside its name and renamed into
// place by commit(), so that a failed or interrupted run leaves neither half
// a file nor a temporary one; anything else (a device, a FIFO, /dev/stdout)
// written directly, as a shell redirection would; so are /dev/stdout,
// /dev/fd/N and /proc/self/fd/N (the descriptor itself). A symbolic link is
// followed, also to a file not there yet: the file it names is written and
// the link kept.

#include "cli/context.hpp"

#include <cstdio>
#include <string>

namespace knotrelief::cli {

class OutputFile
{
public:
  // Error naming the file when it cannot be opened.
  OutputFile(Context& context, const std::string& name);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  std::FILE* file() const { return m_file; }

  // Flushes and closes the output, renaming a temporary into place. Error
  // naming the file when anything was not written.
  void commit();

private:
  void open_temporary(const std::string& target);
  void open_descriptor(int descriptor);
  void open_directly(const std::string& target);
  [[noreturn]] void fail(int error) const;

  Context& m_context;
  std::string m_name;
  std::string m_target;    // m_name with its links followed
  std::string m_temporary; // empty unless a temporary is in use
  std::FILE* m_file = nullptr;
  bool m_own_file = false;
};

} // namespace knotrelief::cli
