#pragma once

#include "journal/time.hpp"

#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace knotrelief::journal {

// How a session ended; `manual` is an entry added with `log add`.
enum class Status
{
  completed,
  quit,
  interrupted,
  failed,
  manual
};

std::string_view to_string(Status status);
std::optional<Status> parse_status(std::string_view text);

// The answer to the check for the signs that call for a professional, asked
// before the first session of an area: none of them (`clear`), or some, and
// the session went ahead anyway (`signs`).
enum class Checked
{
  clear,
  signs
};

std::string_view to_string(Checked checked);
std::optional<Checked> parse_checked(std::string_view text);

// The answer to "Which side felt tighter?", asked after a routine with steps
// done on each side (`tighter=`).
enum class Tighter
{
  left,
  right,
  same
};

std::string_view to_string(Tighter tighter);
std::optional<Tighter> parse_tighter(std::string_view text);

// One session in the journal (knotrelief-journal(5)).
struct Entry
{
  // Local start time with its UTC offset, as written.
  std::chrono::system_clock::time_point time;
  int utc_offset_minutes = 0;
  std::vector<std::string> routines;
  std::vector<std::string> areas;
  Status status = Status::completed;
  std::optional<int> planned_seconds;
  std::optional<int> actual_seconds;
  std::optional<int> steps_done;
  std::optional<int> steps_total;
  // The point of the hold ranges used (`hold=`): low, mid or high, one for
  // every routine, or one for them all. Empty when not recorded.
  std::vector<std::string> holds;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
  bool tingling = false;
  std::optional<Checked> checked;
  std::optional<Tighter> tighter;
  std::string note;
  // Fields this version does not know, kept in order so that reading and
  // writing a line written by a newer version loses nothing.
  std::vector<std::pair<std::string, std::string>> extra;

  bool operator==(const Entry&) const = default;

  // The local calendar day the session started on, as days since 1970-01-01.
  int local_day() const;

  // The hold point the routine at `index` ran at, or empty when unknown.
  std::string_view hold_of(std::size_t index) const;
};

// Whether `text` names a hold point: low, mid or high.
bool is_hold_point(std::string_view text);

// Whether a line is a comment (starts with '#') or blank.
bool is_comment(std::string_view line);

// A value as written after "key=": bare when it is safe, else in double
// quotes with \" and \\ escaped (and \n for a newline).
std::string quote_value(const std::string& value);

// The whole line, without the final newline.
std::string format_entry(const Entry& entry);

// Why `note` cannot go in the journal: a field_text_problem, or longer than
// limits::max_note_bytes once quoted. Nothing when it can. Every way a note
// comes in (--note, --note -, the closing question) is checked by this.
std::optional<std::string> note_problem(const std::string& note);

} // namespace knotrelief::journal
