#pragma once

// The "is it working?" part of `log stats`: the trend verdict per area, the
// immediate change per technique and the weekly soreness chart, as text and
// as JSON.

#include "cli/context.hpp"
#include "cli/json.hpp"
#include "coach/progress.hpp"
#include "journal/stats.hpp"
#include "util/table.hpp"

namespace knotrelief::cli {

// `table` on the output, then an empty line.
void print_table(Context& context, const text::Table& table);

// The verdicts with the rule's legend, the technique table, and per area
// how often each side was the tighter one.
void print_progress(Context& context, const coach::Progress& progress);

// Mean soreness before sessions per area, a row of `weeks` cells each.
void print_soreness_chart(Context& context,
                          const coach::Progress& progress,
                          bool unicode);

// "trends", "by_technique", "soreness_weeks" and "tighter_sides" added to
// `json`.
void add_progress_json(Json& json,
                       const coach::Progress& progress,
                       const journal::Stats& stats);

} // namespace knotrelief::cli
