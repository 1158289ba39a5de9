// libFuzzer target: YAML text in, a routine or located problems out.
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
    }
  } else {
    // Every problem is located and the list is bounded.
    require(!routine.error().empty() && routine.error().size() <= 51);
    for (const auto& problem : routine.error()) {
      require(problem.where.file == "fuzz.yaml" && problem.where.line >= 1 &&
              problem.where.column >= 1);
      require(!problem.message.empty());
    }
  }
  return 0;
}
