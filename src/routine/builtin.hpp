#pragma once

#include <span>
#include <string_view>

namespace knotrelief::routine {

// A data file compiled into the program (see cmake/embed.cmake).
struct EmbeddedFile
{
  std::string_view name; // path relative to data/, e.g. "routines/neck.yaml"
  std::string_view text;
};

// Every file of data/: techniques.yaml and routines/*.yaml.
std::span<const EmbeddedFile> embedded_files();

} // namespace knotrelief::routine
