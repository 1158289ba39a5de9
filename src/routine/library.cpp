#include "routine/library.hpp"

#include "routine/builtin.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

namespace knotrelief::routine {

namespace {

bool is_routine_file(const std::filesystem::path& path)
{
  const std::string name = path.filename().string();
  return !name.starts_with('.') &&
         (path.extension() == ".yaml" || path.extension() == ".yml");
}

} // namespace

bool looks_like_path(std::string_view name)
{
  return name.find('/') != std::string_view::npos || name.ends_with(".yaml") ||
         name.ends_with(".yml");
}

Library Library::builtin()
{
  Library library;
  library.m_techniques = builtin_techniques();
  for (const Technique& technique : library.m_techniques) {
    library.m_technique_ids.push_back(technique.id);
  }
  library.m_spots = builtin_spots();
  library.m_spot_ids = library.m_spots.ids();
  for (Routine& routine : builtin_routines()) {
    library.add(std::move(routine));
  }
  return library;
}

Library Library::load(const LibrarySources& sources,
                      std::vector<Diagnostic>& problems)
{
  Library library = builtin();
  if (sources.user_dir) {
    std::error_code error;
    if (std::filesystem::is_directory(*sources.user_dir, error)) {
      library.add_folder(*sources.user_dir, Origin::user, problems);
    }
  }
  for (const auto& folder : sources.extra_dirs) {
    library.add_folder(folder, Origin::user, problems);
  }
  return library;
}

void Library::add_folder(const std::filesystem::path& folder,
                         Origin origin,
                         std::vector<Diagnostic>& problems)
{
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, error), end;
       !error && it != end;
       it.increment(error)) {
    if (is_routine_file(it->path())) {
      files.push_back(it->path());
    }
  }
  if (error) {
    problems.push_back(
      {{folder.string(), 0, 0},
       fmt::format("cannot read routine folder: {}", error.message())});
    return;
  }
  std::sort(files.begin(), files.end());
  // Ids seen in this folder: two files in one folder may not share an id.
  std::vector<const Routine*> seen;
  std::vector<Routine> loaded;
  for (const auto& file : files) {
    auto routine = load_routine_file(file, m_technique_ids, m_spot_ids);
    if (!routine) {
      problems.insert(
        problems.end(), routine.error().begin(), routine.error().end());
      continue;
    }
    auto duplicate = std::find_if(loaded.begin(), loaded.end(), [&](auto& r) {
      return r.id == routine->id;
    });
    if (duplicate != loaded.end()) {
      problems.push_back({routine->where,
                          fmt::format("duplicate id '{}' (also at {})",
                                      routine->id,
                                      to_string(duplicate->where))});
      continue;
    }
    routine->origin = origin;
    loaded.push_back(std::move(*routine));
  }
  for (Routine& routine : loaded) {
    add(std::move(routine));
  }
}

void Library::add(Routine routine)
{
  auto position = std::lower_bound(
    m_routines.begin(),
    m_routines.end(),
    routine.id,
    [](const Routine& r, const std::string& id) { return r.id < id; });
  if (position != m_routines.end() && position->id == routine.id) {
    routine.replaces_builtin =
      position->origin == Origin::builtin || position->replaces_builtin;
    *position = std::move(routine);
  } else {
    m_routines.insert(position, std::move(routine));
  }
}

std::vector<std::string> Library::routine_ids() const
{
  std::vector<std::string> ids;
  ids.reserve(m_routines.size());
  for (const Routine& routine : m_routines) {
    ids.push_back(routine.id);
  }
  return ids;
}

const Routine* Library::find_routine(std::string_view id) const
{
  for (const Routine& routine : m_routines) {
    if (routine.id == id) {
      return &routine;
    }
  }
  return nullptr;
}

const Technique* Library::find_technique(std::string_view id) const
{
  for (const Technique& technique : m_techniques) {
    if (technique.id == id) {
      return &technique;
    }
  }
  return nullptr;
}

Routine Library::resolve_routine(std::string_view name) const
{
  if (looks_like_path(name)) {
    auto routine = load_routine_file(
      std::filesystem::path(name), m_technique_ids, m_spot_ids);
    if (!routine) {
      // One line for the error, one under it for each problem.
      std::vector<std::string> problems;
      for (const Diagnostic& problem : routine.error()) {
        problems.push_back(to_string(problem));
      }
      throw Error(
        fmt::format("cannot use routine file '{}':", text::printable(name)),
        ExitStatus::failure,
        {},
        std::move(problems));
    }
    return std::move(*routine);
  }
  if (const Routine* routine = find_routine(name)) {
    return *routine;
  }
  const auto ids = routine_ids();
  throw UsageError(fmt::format("unknown routine '{}'{}",
                               text::printable(name),
                               text::did_you_mean(name, ids)),
                   "Run 'knotrelief list' to see every routine.");
}

} // namespace knotrelief::routine
