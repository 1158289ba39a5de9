#pragma once

#include "routine/loader.hpp"
#include "routine/model.hpp"
#include "routine/spots.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::routine {

// Where routines come from, in order; a later routine with the same id
// replaces an earlier one (knotrelief(1), FILES).
struct LibrarySources
{
  // $XDG_CONFIG_HOME/knotrelief/routines; silently skipped when missing.
  std::optional<std::filesystem::path> user_dir;
  // Each --routines DIR.
  std::vector<std::filesystem::path> extra_dirs;
};

// All known techniques and routines.
class Library
{
public:
  // The built-in techniques and routines only, compiled into the program
  // (see builtin.hpp); checked when the program is built.
  static Library builtin();

  // Built-in data, then every *.yaml (or *.yml) file of each source folder,
  // in name order. Files with problems are skipped; their problems are
  // appended to `problems`.
  static Library load(const LibrarySources& sources,
                      std::vector<Diagnostic>& problems);

  std::span<const Technique> techniques() const { return m_techniques; }
  std::span<const std::string> technique_ids() const { return m_technique_ids; }
  // The built-in spots and body outline (data/spots.yaml).
  const SpotLibrary& spots() const { return m_spots; }
  std::span<const std::string> spot_ids() const { return m_spot_ids; }
  // Sorted by id.
  std::span<const Routine> routines() const { return m_routines; }
  std::vector<std::string> routine_ids() const;

  const Routine* find_routine(std::string_view id) const;
  const Technique* find_technique(std::string_view id) const;

  // A routine by id, or read from a file when `name` is a path (contains a
  // '/' or ends in .yaml/.yml). Throws UsageError for an unknown id (with
  // close names suggested) and Error for a file with problems.
  Routine resolve_routine(std::string_view name) const;

  // Adds `routine`, replacing one with the same id.
  void add(Routine routine);

  // Reads one folder of routine files into the library (see load()).
  void add_folder(const std::filesystem::path& folder,
                  Origin origin,
                  std::vector<Diagnostic>& problems);

private:
  std::vector<Technique> m_techniques;
  std::vector<std::string> m_technique_ids;
  SpotLibrary m_spots;
  std::vector<std::string> m_spot_ids;
  std::vector<Routine> m_routines;
};

// Whether a command-line name is meant as a file path.
bool looks_like_path(std::string_view name);

} // namespace knotrelief::routine
