// libFuzzer target: YAML text in, a routine or located problems out. Text
// fields of a loaded routine hold no control character (newlines in prose
// only), and its table row and every problem are printable (printable.hpp).
#include "printable.hpp"
#include "routine/loader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

const std::vector<std::string> technique_ids{"trigger-point-compression",
                                             "ball-release",
                                             "foam-roller-release",
                                             "stretch-and-release"};

void require(bool condition)
{
  if (!condition) {
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto routine =
    knotrelief::routine::parse_routine(text, "fuzz.yaml", technique_ids);
  if (routine) {
    // A loaded routine is what the loader promises.
    require(knotrelief::routine::is_valid_id(routine->id));
    require(!routine->steps.empty() &&
            routine->steps.size() <= knotrelief::routine::max_steps);
    for (const auto& step : routine->steps) {
      require(step.hold.has_value() != step.is_counted());
      if (step.hold) {
        require(step.hold->low >= 1 && step.hold->low <= step.hold->high &&
                step.hold->high <= knotrelief::routine::max_hold_seconds);
      }
      require(step.reps >= 1 && step.reps <= knotrelief::routine::max_reps);
      require(!knotrelief::text::find_control_character(step.name));
      require(!knotrelief::text::find_control_character(step.cue, "\n"));
    }
    require(!knotrelief::text::find_control_character(routine->name));
    require(!knotrelief::text::find_control_character(routine->area));
    std::vector<std::string> cells{routine->id,
                                   routine->name,
                                   routine->area,
                                   routine->summary,
                                   routine->path};
    cells.insert(cells.end(), routine->tools.begin(), routine->tools.end());
    knotrelief::fuzz::require_printable_row(cells);
  } else {
    // Every problem is located and the list is bounded.
    require(!routine.error().empty() && routine.error().size() <= 51);
    for (const auto& problem : routine.error()) {
      require(problem.where.file == "fuzz.yaml" && problem.where.line >= 1 &&
              problem.where.column >= 1);
      require(!problem.message.empty());
      knotrelief::fuzz::require_printable(problem);
    }
  }
  return 0;
}
