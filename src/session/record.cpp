#include "session/record.hpp"

#include "routine/duration.hpp"
#include "util/error.hpp"
#include "util/limits.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::session {

std::int64_t whole_seconds(Millis duration)
{
  return (duration.count() + 500) / 1000;
}

journal::Status session_status(const SessionRecord& record)
{
  if (record.failed) {
    return journal::Status::failed;
  }
  switch (record.result.outcome) {
    case Outcome::completed:
      return journal::Status::completed;
    case Outcome::quit:
      return journal::Status::quit;
    case Outcome::interrupted:
      break;
  }
  return journal::Status::interrupted;
}

journal::Entry make_entry(const Timeline& timeline, const SessionRecord& record)
{
  journal::Entry entry;
  entry.time = std::chrono::time_point_cast<std::chrono::seconds>(record.start);
  entry.utc_offset_minutes = journal::local_utc_offset_minutes(record.start);
  for (const auto& routine : timeline.routines) {
    entry.routines.push_back(routine.id);
    if (!routine.area.empty() &&
        std::find(entry.areas.begin(), entry.areas.end(), routine.area) ==
          entry.areas.end()) {
      entry.areas.push_back(routine.area);
    }
  }
  for (const HoldPoint point : timeline.hold_points) {
    entry.holds.emplace_back(to_string(point));
  }
  // One value when every routine ran at the same point.
  if (std::all_of(entry.holds.begin(), entry.holds.end(), [&](auto& hold) {
        return hold == entry.holds.front();
      })) {
    entry.holds.resize(std::min<std::size_t>(entry.holds.size(), 1));
  }
  entry.status = session_status(record);
  // check_session_fits keeps the planned time within the journal's limit;
  // active time is at most that, but a bad clock must not make a line the
  // reader rejects.
  entry.planned_seconds = static_cast<int>(timeline.total_seconds());
  entry.actual_seconds = static_cast<int>(std::min<std::int64_t>(
    whole_seconds(record.result.active), limits::max_session_seconds));
  entry.steps_done = static_cast<int>(record.result.steps_completed);
  entry.steps_total = static_cast<int>(record.result.steps_total);
  entry.pain_before = record.pain_before;
  entry.pain_after = record.pain_after;
  entry.tingling = record.tingling;
  entry.checked = record.checked;
  entry.tighter = record.tighter;
  entry.note = record.note;
  return entry;
}

void check_session_fits(const Timeline& timeline, const SessionRecord& record)
{
  const std::int64_t total = timeline.total_seconds();
  if (total > limits::max_session_seconds) {
    throw UsageError(fmt::format(
      "this session would last {}, longer than the limit of {}: run fewer "
      "routines at a time, a smaller --scale or a shorter --prep",
      routine::format_duration(total),
      routine::format_duration(limits::max_session_seconds)));
  }
  // The longest line this session can give: every field at its widest.
  SessionRecord widest = record;
  widest.failed = false;
  widest.result.outcome = Outcome::interrupted; // the longest status
  widest.result.active = std::chrono::seconds(limits::max_session_seconds);
  widest.result.steps_completed = widest.result.steps_total = 1'000'000;
  widest.pain_before = widest.pain_after = 10;
  widest.tingling = true;
  widest.checked = journal::Checked::signs;
  widest.tighter = journal::Tighter::right;
  if (widest.note.empty()) { // asked at the end: assume the longest
    widest.note.assign(limits::max_note_bytes - 2, 'x');
  }
  const std::size_t bytes =
    journal::format_entry(make_entry(timeline, widest)).size();
  if (bytes > limits::max_journal_line_bytes) {
    throw UsageError(fmt::format(
      "this session's journal line could take {} bytes, more than the "
      "journal's limit of {} KiB: run fewer routines at a time",
      bytes,
      limits::max_journal_line_bytes / 1024));
  }
}

bool needs_advice(const SessionRecord& record)
{
  return record.tingling || (record.pain_before && record.pain_after &&
                             *record.pain_after > *record.pain_before);
}

std::string safety_advice(const SessionRecord& record,
                          std::string_view professional_title,
                          std::span<const std::string> professional_signs)
{
  std::string advice;
  if (record.tingling) {
    advice += "You noticed numbness, tingling or weakness. Stop working that "
              "area and have it "
              "looked at by a doctor or physiotherapist; pressure can irritate "
              "a nerve.\n";
  }
  if (record.pain_before && record.pain_after &&
      *record.pain_after > *record.pain_before) {
    advice += fmt::format(
      "Soreness went up, from {} to {}. Next time press more lightly and hold "
      "for less time.\n",
      *record.pain_before,
      *record.pain_after);
  }
  if (!advice.empty()) {
    advice += fmt::format("{}:\n", professional_title);
    for (const std::string& sign : professional_signs) {
      advice += fmt::format("  - {}\n", sign);
    }
  }
  return advice;
}

} // namespace knotrelief::session
