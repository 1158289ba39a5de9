#pragma once

// The coach's words on a journal's statistics: how the sessions a week
// compare with the guide's advice, and the reasons to see a professional.
// Shared by `log stats` and `log report`. Pure: "today" is passed in.

#include "journal/stats.hpp"

#include <string>
#include <vector>

namespace knotrelief::coach {

// "Last 4 weeks: 2.5 sessions a week. To keep knots away ..." : daily while
// pain is chronic, three to five a week for upkeep.
std::string sessions_advice(const journal::Stats& stats);

// Why to see a physiotherapist or doctor, one line a reason: areas painful
// for more than two weeks, and numbness or tingling in the last
// journal::recent_tingling_days days. Empty when there is none.
std::vector<std::string> professional_reasons(const journal::Stats& stats,
                                              int today);

} // namespace knotrelief::coach
