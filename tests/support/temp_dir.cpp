#include "support/temp_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace knotrelief::test {

TempDir::TempDir()
{
  std::string pattern =
    (std::filesystem::temp_directory_path() / "knotrelief-test-XXXXXX")
      .string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir()
{
  std::error_code ignored;
  // Tests may remove permissions; give them back so removal works.
  std::filesystem::permissions(m_path,
                               std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add,
                               ignored);
  std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path TempDir::write(std::string_view name,
                                     std::string_view content) const
{
  const auto file = m_path / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream stream(file, std::ios::binary);
  stream.write(content.data(), static_cast<std::streamsize>(content.size()));
  return file;
}

std::string read_text(const std::filesystem::path& path)
{
  std::ifstream stream(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(stream),
                     std::istreambuf_iterator<char>());
}

std::filesystem::path fixture(std::string_view name)
{
  return std::filesystem::path(KNOTRELIEF_TEST_DATA) / name;
}

} // namespace knotrelief::test
