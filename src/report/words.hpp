#pragma once

// The sentences and cells the three renderers share, so that HTML, Markdown
// and text carry the same facts in the same words. Raw text: user text
// (areas, routine ids and names, notes) is in it as written, and each
// renderer escapes what it writes.

#include "report/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace knotrelief::report {

inline constexpr std::string_view report_title = "Self-massage report";
// A line to write the name on: the journal does not hold it.
inline constexpr std::string_view name_line =
  "Name: ______________________________";
inline constexpr std::string_view warnings_heading = "See a professional about";
inline constexpr std::string_view no_warnings_text =
  "Nothing the coach flags (pain beyond two weeks, recent numbness or "
  "tingling).";
inline constexpr std::string_view tingling_heading =
  "Numbness, tingling or weakness reported";
inline constexpr std::string_view flares_heading =
  "Flares (soreness after 2 or more points above before)";
inline constexpr std::string_view weeks_heading = "Sessions per week";
inline constexpr std::string_view soreness_heading =
  "Soreness before sessions, mean per week (0-10)";
inline constexpr std::string_view verdicts_heading =
  "Is it working? (meaningful change)";
inline constexpr std::string_view tighter_heading = "Which side felt tighter";
inline constexpr std::string_view notes_heading = "Notes";
// The captions of the HTML tables whose section has one table.
inline constexpr std::string_view weeks_caption = "Sessions in each 7-day week";
inline constexpr std::string_view soreness_caption =
  "The chart's numbers: mean soreness before sessions, per area and week";
inline constexpr std::string_view tighter_caption =
  "Answers to \"which side felt tighter?\" after sessions, per area";
inline constexpr std::string_view notes_caption = "Notes, oldest first";
inline constexpr std::string_view routines_heading =
  "Routines done and their steps";
inline constexpr std::string_view unknown_steps_text =
  "steps unknown: no such routine in the library now";

using Row = std::vector<std::string>;

// The tables, as header and rows of raw cells.
Row weeks_header();
std::vector<Row> weeks_rows(const Report& report);
Row soreness_header(const Report& report);
std::vector<Row> soreness_rows(const Report& report);
Row area_verdicts_header();
std::vector<Row> area_verdicts_rows(const Report& report);
Row routine_verdicts_header();
std::vector<Row> routine_verdicts_rows(const Report& report);
Row tighter_header();
std::vector<Row> tighter_rows(const Report& report);
// "2026-11-10 (neck): the note", or without routines "2026-11-10: ...".
std::string note_text(const Note& note);

// "2026-10-26 to 2026-11-23": the days of the first and last sessions.
std::string date_range(const Report& report);
// "Sessions since 2026-10-26 (--since), report made on 2026-11-23."
std::string period_line(const Report& report);
// "12 sessions, 2 h 5 min in all."
std::string totals_line(const Report& report);
// A score or a change with one decimal, or "-" for none.
std::string score_text(std::optional<double> score);
std::string change_text(std::optional<double> change);
// The meaningful-change rule in one paragraph.
std::string verdict_legend();
// "right (3 of 4 answers)", "left and right as often (2 each)", "-".
std::string tighter_text(const coach::SideTally& tally);
// "2026-11-10: neck, back (soreness 3 before, 6 after)".
std::string event_text(const Event& event);
// "Earlier: 3 more not listed." or empty.
std::string left_out_text(std::size_t count);
// "neck (Neck release)" or the id alone when the library does not know it.
std::string routine_heading(const RoutineRow& row);
// "1 session", "3 sessions".
std::string sessions_count(int count);
// The empty report's one sentence.
std::string empty_text(const Report& report);

} // namespace knotrelief::report
