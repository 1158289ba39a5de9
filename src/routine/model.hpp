#pragma once

#include "routine/duration.hpp"
#include "util/error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::routine {

// Which sides a step works (knotrelief-routine(5), "sides"). `both` means
// left, then right.
enum class Sides
{
  none,
  both,
  left,
  right
};

// One side of the body for one timed hold.
enum class Side
{
  none,
  left,
  right
};

enum class Pressure
{
  unspecified,
  gentle,
  moderate,
  firm
};

std::string_view to_string(Sides sides);
std::string_view to_string(Side side);
std::string_view to_string(Pressure pressure);
std::optional<Sides> parse_sides(std::string_view text);
std::optional<Pressure> parse_pressure(std::string_view text);

// The sides a step's holds run on, in order: {none}, {left}, {right} or
// {left, right}.
std::vector<Side> expand_sides(Sides sides);

inline constexpr int default_pace_seconds = 3;
// The pause before each hold (get ready, switch sides, rest, next step) when
// a session runs with its defaults.
inline constexpr int default_pause_seconds = 5;

struct Step
{
  std::string name;
  std::string technique;          // technique id, or empty
  std::vector<std::string> spots; // spot ids (spots.hpp), in the file's order
  std::string cue;
  // Exactly one of `hold` and `count` is set (count > 0 for counted steps).
  std::optional<DurationRange> hold;
  int count = 0;
  int pace_seconds = default_pace_seconds;
  Sides sides = Sides::none;
  int reps = 1;
  Pressure pressure = Pressure::unspecified;
  std::string advice;
  std::string breathing;
  // Said once each hold or counted set is half done ("Change direction."),
  // for steps that change something in the middle; or empty.
  std::string halfway;
  Location where; // where the step starts in its file

  bool is_counted() const { return count > 0; }
  bool operator==(const Step&) const = default;
};

// Where a routine was loaded from; later sources replace earlier ones.
enum class Origin
{
  builtin,
  user,
  file
};

struct Routine
{
  std::string id;
  std::string name;
  std::string area;
  std::string summary;
  std::vector<std::string> tools;
  std::vector<std::string> safety;
  std::vector<Step> steps;
  Origin origin = Origin::file;
  std::string path;              // the file it came from
  bool replaces_builtin = false; // a user routine with a built-in's id
  Location where;                // where its `id` is

  bool operator==(const Routine&) const = default;
};

// How many times a technique is done in a row: 3, or 3 to 5.
struct RepRange
{
  int low = 1;
  int high = 1;

  bool operator==(const RepRange&) const = default;
};

struct Technique
{
  std::string id;
  std::string name;
  std::string what;
  std::vector<std::string> how;
  std::vector<std::string> best_for;
  std::string example;
  std::optional<DurationRange> hold;
  std::optional<RepRange> reps;
  Pressure pressure = Pressure::unspecified;
  std::string advice;

  bool operator==(const Technique&) const = default;
};

} // namespace knotrelief::routine
