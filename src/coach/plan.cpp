#include "coach/plan.hpp"

#include "coach/choose.hpp"
#include "coach/rules.hpp"
#include "journal/time.hpp"
#include "session/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace knotrelief::coach {

namespace {

std::string days_ago(int days)
{
  if (days == 0) {
    return "today";
  }
  return days == 1 ? "yesterday" : fmt::format("{} days ago", days);
}

bool maintenance_due(const AreaSummary& area, int day)
{
  const int recent =
    area.sessions_between(day - maintenance_window_days + 1, day);
  return recent < maintenance_sessions ||
         day - area.last_day.value_or(day - maintenance_gap_days) >=
           maintenance_gap_days;
}

} // namespace

int maintenance_day(const AreaSummary& area, int from)
{
  int day = from;
  while (!maintenance_due(area, day)) {
    ++day; // at most maintenance_gap_days past the last session
  }
  return day;
}

Due due_for(const AreaSummary& area, int today)
{
  Due due;
  const auto chronic = area.chronic_mean();
  if (chronic && *chronic >= chronic_score) {
    const int done = area.sessions_between(today, today);
    due.chronic = true;
    due.today = done < chronic_sessions_per_day;
    due.next_day = due.today ? today : today + 1;
    due.reason =
      fmt::format("sore {:.1f}/10 on average over {} days: a session every day",
                  *chronic,
                  chronic_window_days);
    return due;
  }
  due.next_day = maintenance_day(area, today);
  due.today = due.next_day == today;
  const int last = today - area.last_day.value_or(today);
  due.reason = fmt::format("{} in {} days, last one {}",
                           sessions_text(area.sessions_between(
                             today - maintenance_window_days + 1, today)),
                           maintenance_window_days,
                           days_ago(last));
  return due;
}

std::int64_t seconds_at(const routine::Routine& routine, HoldPoint point)
{
  session::TimelineOptions options;
  options.prep_seconds = 0;
  options.hold_point = point;
  return session::build_timeline(std::span(&routine, 1), options)
    .total_seconds();
}

std::vector<std::string> routine_areas(
  std::span<const routine::Routine> routines)
{
  std::set<std::string> areas;
  for (const auto& routine : routines) {
    if (!routine.area.empty()) {
      areas.insert(routine.area);
    }
  }
  return {areas.begin(), areas.end()};
}

namespace {

using routine::Routine;

bool red_flag(const AreaSummary& area, int today)
{
  return area.first_painful_day && area.last_painful_day &&
         *area.last_painful_day - *area.first_painful_day >
           red_flag_span_days &&
         today - *area.last_painful_day < red_flag_recent_days;
}

// The area's state and reason before the budget is applied.
AreaPlan assess(const std::string& name,
                const AreaSummary& area,
                const Summary& summary,
                bool asked)
{
  const int today = summary.today;
  AreaPlan plan;
  plan.area = name;
  plan.soreness = area.recent_soreness();
  plan.red_flag = red_flag(area, today);
  const auto chronic = area.chronic_mean();
  plan.chronic = chronic && *chronic >= chronic_score;
  if (area.stop_day && today - *area.stop_day < stop_window_days) {
    plan.state = AreaState::stopped;
    plan.reason =
      fmt::format("not today: {} {}",
                  area.stop_was_tingling ? "numbness or tingling"
                                         : "soreness flared after a session",
                  days_ago(today - *area.stop_day));
    return plan;
  }
  if (!area.last_day) {
    plan.reason = "first session for this area: starting gently";
    return plan;
  }
  const Due due = due_for(area, today);
  plan.reason = due.reason;
  if (asked) {
    plan.reason += due.today ? "" : " (asked for with --area)";
  } else if (!due.today) {
    plan.state = AreaState::not_due;
    plan.next_due_day = due.next_day;
    plan.reason +=
      fmt::format("; next due {}", journal::iso_date(due.next_day));
  }
  return plan;
}

// Red flags first, then the sorest, then the longest since a session.
bool ranks_before(const AreaPlan& a, const AreaPlan& b, const Summary& summary)
{
  if (a.red_flag != b.red_flag) {
    return a.red_flag;
  }
  const double sore_a = a.soreness.value_or(-1);
  const double sore_b = b.soreness.value_or(-1);
  if (sore_a != sore_b) {
    return sore_a > sore_b;
  }
  const auto last = [&](const AreaPlan& plan) {
    const auto found = summary.areas.find(plan.area);
    return found == summary.areas.end()
             ? summary.today
             : found->second.last_day.value_or(summary.today);
  };
  if (last(a) != last(b)) {
    return last(a) < last(b);
  }
  return a.area < b.area;
}

std::vector<std::string> areas_in_play(const Summary& summary)
{
  std::vector<std::string> names;
  for (const auto& [name, area] : summary.areas) {
    if (area.last_day && summary.today - *area.last_day < active_window_days) {
      names.push_back(name);
    }
  }
  return names;
}

void add_advice(Plan& plan)
{
  bool chronic = false;
  bool maintenance = false;
  for (const AreaPlan& area : plan.areas) {
    if (area.red_flag) {
      plan.advice.push_back(
        fmt::format("{} has been sore for more than two weeks: see a doctor or "
                    "physiotherapist. Until then it is planned at low only.",
                    area.area));
    }
    if (area.state == AreaState::stopped) {
      plan.advice.push_back(fmt::format(
        "{}: leave it alone for two days. Numbness, tingling or weakness, or "
        "soreness that keeps flaring, is a reason to see a professional.",
        area.area));
    }
    chronic = chronic || (area.state == AreaState::planned && area.chronic);
    maintenance =
      maintenance || (area.state == AreaState::planned && !area.chronic);
  }
  if (chronic) {
    plan.advice.push_back("While it stays this sore, a session every day "
                          "helps; twice a day is fine.");
  } else if (maintenance) {
    plan.advice.push_back("To keep it at bay, aim for 3 to 5 sessions a week.");
  }
}

} // namespace

Plan make_plan(const Summary& summary,
               std::span<const Routine> routines,
               const PlanOptions& options)
{
  Plan plan;
  plan.today = summary.today;
  plan.budget_seconds = options.budget_minutes * 60;
  const bool asked = !options.area.empty();
  const auto names =
    asked ? std::vector<std::string>{options.area} : areas_in_play(summary);
  plan.needs_area = names.empty();
  const AreaSummary none;
  for (const std::string& name : names) {
    const auto found = summary.areas.find(name);
    plan.areas.push_back(
      assess(name,
             found == summary.areas.end() ? none : found->second,
             summary,
             asked));
  }
  std::stable_sort(
    plan.areas.begin(), plan.areas.end(), [&](const auto& a, const auto& b) {
      return ranks_before(a, b, summary);
    });
  for (AreaPlan& area : plan.areas) {
    if (area.state != AreaState::planned) {
      continue;
    }
    area.choice = choose_routine(area.area, summary, routines, area);
    if (!area.choice) {
      area.state = AreaState::no_routine;
      area.reason = "no routine for this area";
    } else if (plan.planned_seconds > 0 &&
               plan.planned_seconds + area.choice->seconds >
                 plan.budget_seconds) {
      area.state = AreaState::over_budget;
    } else {
      plan.planned_seconds += area.choice->seconds;
    }
  }
  add_advice(plan);
  for (const AreaPlan& area : plan.areas) {
    if (plan.planned_seconds == 0 && area.next_due_day) {
      plan.next_due_day = std::min(
        plan.next_due_day.value_or(*area.next_due_day), *area.next_due_day);
    }
  }
  return plan;
}

std::vector<const RoutineChoice*> Plan::planned() const
{
  std::vector<const RoutineChoice*> choices;
  for (const AreaPlan& area : areas) {
    if (area.state == AreaState::planned && area.choice) {
      choices.push_back(&*area.choice);
    }
  }
  return choices;
}

} // namespace knotrelief::coach
