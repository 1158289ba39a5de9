#include "support/in_process.hpp"

#include "cli/app.hpp"
#include "support/fake_env.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace knotrelief::test {

namespace {

// A stream whose bytes end up in a string once it is closed.
class MemoryStream
{
public:
  MemoryStream()
    : m_file(::open_memstream(&m_buffer, &m_size))
  {
    if (m_file == nullptr) {
      throw std::runtime_error("open_memstream failed");
    }
  }
  ~MemoryStream()
  {
    close();
    std::free(m_buffer);
  }
  MemoryStream(const MemoryStream&) = delete;
  MemoryStream& operator=(const MemoryStream&) = delete;

  std::FILE* file() const { return m_file; }

  // Everything written, once: the stream is closed.
  std::string text()
  {
    close();
    return {m_buffer, m_size};
  }

private:
  void close()
  {
    if (m_file != nullptr) {
      std::fclose(m_file);
      m_file = nullptr;
    }
  }

  char* m_buffer = nullptr;
  std::size_t m_size = 0;
  std::FILE* m_file;
};

EnvLookup home_env(const std::filesystem::path& home,
                   std::map<std::string, std::string> env)
{
  env.try_emplace("HOME", home.string());
  env.try_emplace("XDG_CONFIG_HOME", (home / "config").string());
  env.try_emplace("XDG_DATA_HOME", (home / "data").string());
  return fake_env(std::move(env));
}

} // namespace

ProcessResult run_in_process(const std::vector<std::string>& args,
                             const std::filesystem::path& home,
                             const std::map<std::string, std::string>& env)
{
  MemoryStream out;
  ProcessResult result = run_in_process_to(out.file(), args, home, env);
  result.out = out.text();
  return result;
}

ProcessResult run_in_process_to(std::FILE* out,
                                const std::vector<std::string>& args,
                                const std::filesystem::path& home,
                                const std::map<std::string, std::string>& env)
{
  MemoryStream err;
  ProcessResult result;
  result.status = cli::execute(args, home_env(home, env), out, err.file());
  result.err = err.text();
  return result;
}

} // namespace knotrelief::test
