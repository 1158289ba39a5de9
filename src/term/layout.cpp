#include "term/layout.hpp"

#include "routine/duration.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace knotrelief::term {

using session::Frame;
using session::SegmentKind;

namespace {

// 3x5 glyphs: '#' marks a filled cell.
constexpr std::array<std::array<const char*, 5>, 10> digit_glyphs{{
  {"###", "# #", "# #", "# #", "###"},
  {"  #", "  #", "  #", "  #", "  #"},
  {"###", "  #", "###", "#  ", "###"},
  {"###", "  #", "###", "  #", "###"},
  {"# #", "# #", "###", "  #", "  #"},
  {"###", "#  ", "###", "  #", "###"},
  {"###", "#  ", "###", "# #", "###"},
  {"###", "  #", "  #", "  #", "  #"},
  {"###", "# #", "###", "# #", "###"},
  {"###", "# #", "###", "  #", "###"},
}};
constexpr std::array<const char*, 5> colon_glyph{" ", "#", " ", "#", " "};

struct Line
{
  std::string text;
  Style style;
};

Style kind_style(SegmentKind kind)
{
  const bool work = kind == SegmentKind::hold || kind == SegmentKind::count;
  return Style{.bold = true, .color = work ? Color::green : Color::yellow};
}

std::string repeat(std::string_view glyph, int times)
{
  std::string result;
  for (int i = 0; i < times; ++i) {
    result += glyph;
  }
  return result;
}

std::string key_hints(int width)
{
  const std::string full =
    "space pause  n next  b back  +/- 10s  q quit  ? help";
  return static_cast<int>(full.size()) <= width ? full : "? help  q quit";
}

std::vector<Line> help_lines()
{
  return {{"Keys", Style{.bold = true}},
          {"  space   pause or resume", {}},
          {"  n       skip to what comes next", {}},
          {"  b       restart this step; press again for the step before", {}},
          {"  + / -   ten seconds more or less for this hold", {}},
          {"  q, Esc  stop here (the session is still logged)", {}},
          {"  ?       close this help", {}},
          {"  Ctrl-Z  pause; from a shell, suspend (fg resumes)", {}}};
}

void add_wrapped(std::vector<Line>& lines,
                 std::string_view label,
                 std::string_view text,
                 int width,
                 std::size_t max_lines,
                 Style style = {})
{
  if (text.empty()) {
    return;
  }
  const std::string whole =
    label.empty() ? std::string(text) : fmt::format("{} {}", label, text);
  auto wrapped =
    text::wrap(whole, static_cast<std::size_t>(std::max(width, 10)));
  if (wrapped.size() > max_lines) {
    wrapped.resize(max_lines);
    wrapped.back() = text::fit_width(
      wrapped.back() + " ...", static_cast<std::size_t>(width), true);
  }
  for (auto& line : wrapped) {
    lines.push_back({std::move(line), style});
  }
}

} // namespace

std::vector<std::string> big_clock(const std::string& clock, bool unicode)
{
  std::vector<std::string> rows(5);
  const std::string filled = unicode ? "\u2588" : "#";
  for (std::size_t i = 0; i < clock.size(); ++i) {
    const char c = clock[i];
    for (std::size_t row = 0; row < 5; ++row) {
      const char* glyph =
        c == ':' ? colon_glyph[row]
                 : digit_glyphs[static_cast<std::size_t>(c - '0')][row];
      if (i > 0) {
        rows[row] += ' ';
      }
      for (const char* p = glyph; *p; ++p) {
        rows[row] += *p == '#' ? filled : " ";
      }
    }
  }
  return rows;
}

std::string progress_bar(double fraction, int width, bool unicode)
{
  width = std::max(width, 1);
  const int filled =
    static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
  return repeat(unicode ? "\u2588" : "#", filled) +
         repeat(unicode ? "\u2591" : ".", width - filled);
}

namespace {

Style clock_style(const Frame& frame)
{
  return frame.paused ? Style{.bold = true, .color = Color::yellow}
                      : kind_style(frame.kind);
}

// Few rows: the clock comes first, then the bar and as much cue as fits.
void compose_compact(const Frame& frame,
                     const LayoutOptions& options,
                     Screen& screen)
{
  const int inner = std::max(screen.columns() - 2, 1);
  std::string clock = format_clock(frame.remaining_seconds);
  if (frame.paused) {
    clock += " PAUSED";
  } else if (!frame.detail.empty()) {
    clock += "  " + frame.detail;
  }
  std::vector<Line> lines{
    {frame.headline, kind_style(frame.kind)},
    {clock, clock_style(frame)},
    {progress_bar(frame.fraction_done(), std::min(inner, 60), options.unicode),
     Style{.color = Color::cyan}}};
  add_wrapped(lines, "", frame.cue, inner, 4);
  const int last = screen.rows() - 1;
  for (int row = 0;
       row < static_cast<int>(lines.size()) && (row < last || last == 0);
       ++row) {
    screen.put(row,
               1,
               lines[static_cast<std::size_t>(row)].text,
               lines[static_cast<std::size_t>(row)].style);
  }
  if (last > 0) {
    screen.put(
      last,
      1,
      fmt::format("left {}", format_clock(frame.session_remaining_seconds)),
      Style{.bold = true});
  }
}

} // namespace

namespace {

// Title, rule, what to do and which side.
std::vector<Line> title_lines(const Frame& frame,
                              int inner,
                              const LayoutOptions& options)
{
  std::vector<Line> top;
  std::string title = frame.routine_name;
  if (frame.routine_count > 1) {
    title +=
      fmt::format(" ({} of {})", frame.routine_number, frame.routine_count);
  }
  top.push_back({text::fit_width(fmt::format("{} - step {} of {}",
                                             title,
                                             frame.step_number,
                                             frame.step_count),
                                 static_cast<std::size_t>(inner),
                                 options.unicode),
                 Style{.bold = true}});
  top.push_back(
    {repeat(options.unicode ? "\u2500" : "-", inner), Style{.dim = true}});
  add_wrapped(top, "", frame.headline, inner, 2, kind_style(frame.kind));
  add_wrapped(top, "", frame.detail, inner, 1, Style{.bold = true});
  top.push_back({});
  return top;
}

// The clock (large when there is room for it and the text below), the
// progress bar, and PAUSED or the 3-2-1 before a change.
std::vector<Line> clock_lines(const Frame& frame,
                              int inner,
                              int height,
                              const LayoutOptions& options)
{
  std::vector<Line> lines;
  const std::string clock = format_clock(frame.remaining_seconds);
  const auto big = big_clock(clock, options.unicode);
  const bool room_for_big = height >= 22 && text::display_width(big[0]) <=
                                              static_cast<std::size_t>(inner);
  if (room_for_big) {
    for (const auto& row : big) {
      lines.push_back({row, clock_style(frame)});
    }
  } else {
    lines.push_back({clock, clock_style(frame)});
  }
  lines.push_back(
    {progress_bar(frame.fraction_done(), std::min(inner, 60), options.unicode),
     Style{.color = Color::cyan}});
  if (frame.paused) {
    lines.push_back(
      {"PAUSED - press space to go on", Style{.bold = true, .reverse = true}});
  } else if (frame.countdown > 0) {
    lines.push_back({fmt::format("change in {}...", frame.countdown),
                     Style{.bold = true, .color = Color::yellow}});
  } else if (!frame.halfway.empty()) {
    lines.push_back({frame.halfway, Style{.bold = true}});
  } else {
    lines.push_back({});
  }
  return lines;
}

// The cue, the pressure with its advice and the breathing; or the keys.
std::vector<Line> body_lines(const Frame& frame, bool help, int inner)
{
  if (help) {
    return help_lines();
  }
  std::vector<Line> body;
  add_wrapped(body, "", frame.cue, inner, 4);
  if (!frame.pressure.empty() || !frame.advice.empty()) {
    const std::string pressure =
      frame.pressure.empty() ? frame.advice
      : frame.advice.empty()
        ? frame.pressure
        : fmt::format("{} - {}", frame.pressure, frame.advice);
    add_wrapped(
      body, "Pressure:", pressure, inner, 3, Style{.color = Color::magenta});
  }
  add_wrapped(
    body, "Breathing:", frame.breathing, inner, 2, Style{.color = Color::blue});
  return body;
}

// The last row: the session's time left, and the keys when they fit.
void put_status_line(const Frame& frame, Screen& screen)
{
  const int width = screen.columns();
  const int inner = std::max(width - 2, 1);
  const std::string status = fmt::format(
    "Session left {}", format_clock(frame.session_remaining_seconds));
  const std::string hints =
    key_hints(inner - static_cast<int>(status.size()) - 2);
  screen.put(screen.rows() - 1, 1, status, Style{.bold = true});
  const int hints_column =
    width - 1 - static_cast<int>(text::display_width(hints));
  if (hints_column > static_cast<int>(status.size()) + 2) {
    screen.put(screen.rows() - 1, hints_column, hints, Style{.dim = true});
  }
}

} // namespace

std::string format_clock(int seconds)
{
  seconds = std::max(seconds, 0);
  if (seconds >= 3600) {
    return fmt::format(
      "{}:{:02}:{:02}", seconds / 3600, seconds % 3600 / 60, seconds % 60);
  }
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

void compose(const Frame& frame,
             bool help,
             const LayoutOptions& options,
             Screen& screen)
{
  screen.clear();
  const int height = screen.rows();
  if (height < 12 || screen.columns() < 24) {
    compose_compact(frame, options, screen);
    return;
  }
  const int inner = std::max(screen.columns() - 2, 1);
  // Fill from the top, keeping the last row for the status line.
  int row = 0;
  const auto place = [&](const std::vector<Line>& lines) {
    for (const Line& line : lines) {
      if (row >= height - 1) {
        return;
      }
      screen.put(row++, 1, line.text, line.style);
    }
  };
  place(title_lines(frame, inner, options));
  place(clock_lines(frame, inner, height, options));
  place(std::vector<Line>{{}});
  place(body_lines(frame, help, inner));
  put_status_line(frame, screen);
}

} // namespace knotrelief::term
