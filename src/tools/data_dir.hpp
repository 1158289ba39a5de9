#pragma once

#include "routine/loader.hpp"
#include "routine/model.hpp"

#include <filesystem>
#include <vector>

namespace knotrelief::tools {

using routine::Loaded;
using routine::Routine;
using routine::Technique;

// The contents of a data folder like the project's data/.
struct DataDir
{
  std::vector<Technique> techniques; // in file order
  std::vector<Routine> routines;     // in file-name order
  routine::Guide guide;
  routine::SpotLibrary spots;
};

// Reads DIR/techniques.yaml, DIR/guide.yaml, DIR/spots.yaml and every
// DIR/routines/*.yaml.
// Files are named
// "<name of DIR>/<path inside DIR>" in locations, so that what is compiled
// into the program does not depend on where the source tree was. Routines
// are marked built in. Every problem of every file is reported, and so are
// ids used twice.
Loaded<DataDir> load_data_dir(const std::filesystem::path& dir);

} // namespace knotrelief::tools
