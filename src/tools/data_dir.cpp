#include "tools/data_dir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace knotrelief::tools {

using namespace knotrelief::routine;

namespace {

// `locate(item)` says where an item is, for the message.
template <typename T, typename Locate>
void report_duplicate_ids(const std::vector<T>& items,
                          std::string_view what,
                          Locate locate,
                          std::vector<Diagnostic>& problems)
{
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (items[i].id == items[j].id) {
        problems.push_back({locate(items[i]),
                            fmt::format("{} id '{}' is used twice (also at {})",
                                        what,
                                        items[i].id,
                                        to_string(locate(items[j])))});
        break;
      }
    }
  }
}

// The name files of `dir` go by: its last component.
std::string folder_name(const std::filesystem::path& dir)
{
  std::filesystem::path normal = dir.lexically_normal();
  if (!normal.has_filename()) {
    normal = normal.parent_path();
  }
  return normal.filename().string();
}

std::vector<std::filesystem::path> routine_files(
  const std::filesystem::path& folder,
  std::vector<Diagnostic>& problems)
{
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end;
       !error && it != end;
       it.increment(error)) {
    if (it->path().extension() == ".yaml") {
      files.push_back(it->path());
    }
  }
  if (error) {
    problems.push_back(
      {{folder.string(), 0, 0},
       fmt::format("cannot read folder: {}", error.message())});
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Reads one file, or records why not.
std::optional<std::string> read(const std::filesystem::path& path,
                                const std::string& name,
                                std::vector<Diagnostic>& problems)
{
  auto text = read_text_file(path);
  if (!text) {
    problems.push_back({{name, 0, 0}, text.error()});
    return std::nullopt;
  }
  return std::move(*text);
}

// Reads DIR/NAME into `target` with `parse`, or records why not.
template <typename T, typename Parse>
void read_parsed(const std::filesystem::path& dir,
                 const std::string& prefix,
                 const std::string& name,
                 Parse parse,
                 T& target,
                 std::vector<Diagnostic>& problems)
{
  const std::string shown = prefix + "/" + name;
  if (auto text = read(dir / name, shown, problems)) {
    auto parsed = parse(*text, shown);
    if (parsed) {
      target = std::move(*parsed);
    } else {
      problems.insert(
        problems.end(), parsed.error().begin(), parsed.error().end());
    }
  }
}

} // namespace

Loaded<DataDir> load_data_dir(const std::filesystem::path& dir)
{
  const std::string prefix = folder_name(dir);
  std::vector<Diagnostic> problems;
  DataDir data;

  const std::string techniques_name = prefix + "/techniques.yaml";
  if (auto text = read(dir / "techniques.yaml", techniques_name, problems)) {
    auto techniques = parse_techniques(*text, techniques_name);
    if (techniques) {
      data.techniques = std::move(*techniques);
      report_duplicate_ids(
        data.techniques,
        "technique",
        [&](const Technique&) {
          return Location{techniques_name, 0, 0};
        },
        problems);
    } else {
      problems.insert(
        problems.end(), techniques.error().begin(), techniques.error().end());
    }
  }
  std::vector<std::string> technique_ids;
  technique_ids.reserve(data.techniques.size());
  for (const Technique& technique : data.techniques) {
    technique_ids.push_back(technique.id);
  }

  read_parsed(dir, prefix, "guide.yaml", parse_guide, data.guide, problems);
  read_parsed(dir, prefix, "spots.yaml", parse_spots, data.spots, problems);
  const std::vector<std::string> spot_ids = data.spots.ids();

  for (const auto& path : routine_files(dir / "routines", problems)) {
    const std::string name = prefix + "/routines/" + path.filename().string();
    auto text = read(path, name, problems);
    if (!text) {
      continue;
    }
    auto routine = parse_routine(*text, name, technique_ids, spot_ids);
    if (!routine) {
      problems.insert(
        problems.end(), routine.error().begin(), routine.error().end());
      continue;
    }
    routine->origin = Origin::builtin;
    data.routines.push_back(std::move(*routine));
  }
  report_duplicate_ids(
    data.routines,
    "routine",
    [](const Routine& r) { return r.where; },
    problems);
  if (!problems.empty()) {
    return std::unexpected(std::move(problems));
  }
  return data;
}

} // namespace knotrelief::tools
