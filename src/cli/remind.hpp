#pragma once

// What the remind commands share: the state of today's session, from the
// coach, for `remind status` and `remind check`.

#include "cli/context.hpp"
#include "coach/plan.hpp"

#include <string>

namespace knotrelief::cli {

// The journal folded as of the coach's today. Reads the journal only: no
// lock, nothing written.
coach::SummaryBuilder todays_summary(Context& context);

// Today's plan as `knotrelief today` makes it with its defaults.
coach::Plan todays_plan(Context& context, const coach::Summary& summary);

// "due: Neck: a 6-minute session is due", "done: 2 sessions logged today",
// "nothing due (next session due 2026-11-24)".
std::string todays_session(Context& context);

} // namespace knotrelief::cli
