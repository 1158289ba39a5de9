#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace knotrelief::test {

// A fresh directory under $TMPDIR, removed with everything in it when the
// object goes out of scope.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  // Writes `content` to path()/name (creating folders) and returns its path.
  std::filesystem::path write(std::string_view name,
                              std::string_view content) const;

private:
  std::filesystem::path m_path;
};

// The path of a test fixture under tests/data.
std::filesystem::path fixture(std::string_view name);

// A whole file as text ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);

} // namespace knotrelief::test
