#pragma once

#include "routine/guide.hpp"
#include "routine/model.hpp"
#include "routine/spots.hpp"
#include "util/error.hpp"

#include <expected>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::routine {

// Either the value, or every problem found (each with FILE:LINE:COL).
template <typename T>
using Loaded = std::expected<T, std::vector<Diagnostic>>;

// Limits that keep hostile files bounded in time and memory.
inline constexpr std::size_t max_file_bytes = std::size_t{1024} * 1024;
inline constexpr std::size_t max_steps = 200;
inline constexpr int max_hold_seconds = 30 * 60;
inline constexpr int max_pace_seconds = 60;
inline constexpr int max_count = 500;
inline constexpr int max_reps = 20;
inline constexpr std::size_t max_step_spots = 10;
// A routine whose longest run (every hold at the high end of its range, with
// the default pauses) passes limits::max_session_seconds is refused at the
// step that passes it: the journal could not record such a session.

// Parses one routine (knotrelief-routine(5)) from YAML text. `file` names
// the source in messages; `technique_ids` are the techniques and `spot_ids`
// the spots a step may refer to.
Loaded<Routine> parse_routine(std::string_view text,
                              const std::string& file,
                              std::span<const std::string> technique_ids,
                              std::span<const std::string> spot_ids = {});

// Reads and parses a routine file. Unreadable, non-regular and oversized
// files are reported as problems too.
Loaded<Routine> load_routine_file(const std::filesystem::path& path,
                                  std::span<const std::string> technique_ids,
                                  std::span<const std::string> spot_ids = {});

// Parses the technique catalogue (a mapping with a `techniques` list).
Loaded<std::vector<Technique>> parse_techniques(std::string_view text,
                                                const std::string& file);

// Parses the guide (data/guide.yaml: a mapping with a `sections` list, each
// with id, title, points and an optional note; every one of
// required_guide_sections must be there).
Loaded<Guide> parse_guide(std::string_view text, const std::string& file);

// Parses the spots and the body outline (data/spots.yaml: `front` and
// `back`, rows of the outline, and a `spots` list; every spot inside its
// view's outline).
Loaded<SpotLibrary> parse_spots(std::string_view text, const std::string& file);

// Whether `id` is a valid routine or technique id: [a-z0-9-]+, at most 64.
bool is_valid_id(std::string_view id);

// Reads a whole file of at most `max_file_bytes`, or says why not.
std::expected<std::string, std::string> read_text_file(
  const std::filesystem::path& path);

} // namespace knotrelief::routine
