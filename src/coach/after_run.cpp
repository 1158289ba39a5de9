#include "coach/after_run.hpp"

#include "coach/plan.hpp"
#include "coach/rules.hpp"
#include "journal/time.hpp"

#include <fmt/format.h>

namespace knotrelief::coach {

namespace {

std::string joined(const std::vector<std::string>& items)
{
  std::string text;
  for (const auto& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

// The change against the mean of the routines' last scored sessions.
std::string change_line(const Summary& before, const journal::Entry& entry)
{
  std::vector<int> usual;
  for (const auto& id : entry.routines) {
    if (const auto found = before.routines.find(id);
        found != before.routines.end()) {
      const auto values = values_of(found->second.last_changes);
      usual.insert(usual.end(), values.begin(), values.end());
    }
  }
  const int change = *entry.pain_after - *entry.pain_before;
  const std::string today = fmt::format("Soreness went from {} to {} ({:+d})",
                                        *entry.pain_before,
                                        *entry.pain_after,
                                        change);
  if (usual.empty()) {
    return fmt::format(
      "{}: the first scored session of {}.", today, joined(entry.routines));
  }
  return fmt::format("{}; usually {:+.1f} with {} ({} session{}).",
                     today,
                     *mean(usual),
                     joined(entry.routines),
                     usual.size(),
                     usual.size() == 1 ? "" : "s");
}

std::string day_text(int day, int today)
{
  if (day == today + 1) {
    return "tomorrow";
  }
  return fmt::format("{} (in {} days)", journal::iso_date(day), day - today);
}

// The area of the session whose next session comes first.
std::string due_line(const Summary& after, const journal::Entry& entry)
{
  const int today = after.today;
  std::optional<Due> soonest;
  std::string soonest_area;
  for (const auto& name : entry.areas) {
    const auto found = after.areas.find(name);
    if (found == after.areas.end()) {
      continue;
    }
    const AreaSummary& area = found->second;
    if (area.stop_day == today) {
      return fmt::format("Let {} settle: no session before {}.",
                         name,
                         day_text(today + stop_window_days, today));
    }
    Due due = due_for(area, today);
    if (!due.chronic) { // one session a day is enough to keep it at bay
      due.today = false;
      due.next_day = maintenance_day(area, today + 1);
    }
    if (!soonest || due.next_day < soonest->next_day) {
      soonest = due;
      soonest_area = name;
    }
  }
  if (!soonest) {
    return {};
  }
  if (soonest->today) {
    return fmt::format("Next {} session: later today or tomorrow (twice a "
                       "day is fine while it is this sore).",
                       soonest_area);
  }
  return fmt::format("Next {} session due {}.",
                     soonest_area,
                     day_text(soonest->next_day, today));
}

} // namespace

std::vector<std::string> after_run_lines(const SummaryBuilder& before,
                                         const journal::Entry& entry)
{
  std::vector<std::string> lines;
  if (entry.pain_before && entry.pain_after) {
    lines.push_back(change_line(before.summary(), entry));
  }
  SummaryBuilder after = before;
  after.add(entry);
  if (std::string due = due_line(after.summary(), entry); !due.empty()) {
    lines.push_back(std::move(due));
  }
  return lines;
}

} // namespace knotrelief::coach
