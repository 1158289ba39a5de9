#include "term/layout.hpp"

#include "routine/duration.hpp"
#include "term/big_text.hpp"
#include "term/body_map.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace knotrelief::term {

using session::Frame;
using session::SegmentKind;

namespace {

struct Line
{
  std::string text;
  Style style;
  bool centred = false;
};

// Two colours, each with one meaning, both mid-tones of the 8-colour palette
// that stay legible on dark and light backgrounds (green, yellow and cyan
// fade on white, blue on black): the step and its time, and what needs
// attention now. All other text is in the terminal's own colour.
constexpr Color accent = Color::magenta;
constexpr Color warning = Color::red;

Style step_style()
{
  return Style{.bold = true, .color = accent};
}

Style warning_style()
{
  return Style{.bold = true, .color = warning};
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
          {"  space/p pause or resume", {}},
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
  return big_text(clock, BigScale{}, unicode);
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

// How much of the bar is filled: in steps of a tenth with reduce_motion.
double bar_fraction(const Frame& frame, const LayoutOptions& options)
{
  const double done = frame.fraction_done();
  return options.reduce_motion ? std::floor(done * 10.0 + 1e-9) / 10.0 : done;
}

Style clock_style(const Frame& frame)
{
  return frame.paused ? warning_style() : step_style();
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
  std::vector<Line> lines{{frame.headline, step_style()},
                          {clock, clock_style(frame)},
                          {progress_bar(bar_fraction(frame, options),
                                        std::min(inner, 60),
                                        options.unicode),
                           step_style()}};
  if (!frame.halfway.empty() && !frame.paused && frame.countdown == 0) {
    lines.push_back({frame.halfway, Style{.bold = true}});
  }
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
  add_wrapped(top, "", frame.headline, inner, 2, step_style());
  add_wrapped(top, "", frame.detail, inner, 1, Style{.bold = true});
  top.push_back({});
  return top;
}

// What the large digits show - the movement of a counted step ("4 / 10"),
// else the clock - and the widest they get in this segment, which sets
// their size for all of it.
struct BigFace
{
  std::string text;
  std::string widest;
};

BigFace big_face(const Frame& frame)
{
  if (frame.kind == SegmentKind::count && frame.count > 0) {
    return {fmt::format("{} / {}", frame.movement, frame.count),
            fmt::format("{} / {}", frame.count, frame.count)};
  }
  return {
    format_clock(frame.remaining_seconds),
    format_clock(std::max(frame.remaining_seconds, frame.length_seconds))};
}

// Under the clock: a counted step's seconds (small), the progress bar the
// width of the screen, and PAUSED or the 3-2-1 before a change.
std::vector<Line> under_clock_lines(const Frame& frame,
                                    int inner,
                                    const LayoutOptions& options)
{
  std::vector<Line> lines;
  if (frame.kind == SegmentKind::count) {
    lines.push_back(
      {format_clock(frame.remaining_seconds), clock_style(frame), true});
  }
  lines.push_back(
    {progress_bar(bar_fraction(frame, options), inner, options.unicode),
     step_style()});
  if (frame.paused) {
    lines.push_back({"PAUSED - press space to go on",
                     Style{.bold = true, .reverse = true, .color = warning},
                     true});
  } else if (frame.countdown > 0) {
    lines.push_back(
      {fmt::format("change in {}...", frame.countdown), warning_style(), true});
  } else if (!frame.halfway.empty()) {
    lines.push_back({frame.halfway, Style{.bold = true}, true});
  } else {
    lines.push_back({});
  }
  lines.push_back({});
  return lines;
}

// The clock (or a counted step's movement) in `rows` rows: as large digits
// when they fit, else one line.
// The digits are centred, with the rows they leave split above and below.
std::vector<Line> clock_lines(const Frame& frame,
                              int inner,
                              int rows,
                              const LayoutOptions& options)
{
  const BigFace face = big_face(frame);
  const auto scale = largest_big_scale(face.widest, inner, rows);
  if (!scale) {
    return {{face.text, clock_style(frame)}};
  }
  const auto big = big_text(face.text, *scale, options.unicode);
  const auto spare = static_cast<std::size_t>(rows) - big.size();
  std::vector<Line> lines(spare / 2);
  for (const auto& row : big) {
    lines.push_back({row, clock_style(frame), true});
  }
  lines.resize(lines.size() + spare - spare / 2);
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
    add_wrapped(body, "Pressure:", pressure, inner, 3);
  }
  add_wrapped(body, "Breathing:", frame.breathing, inner, 2);
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

// The spots of the frame by name, with the side: "Upper trapezius, left".
std::string spot_caption(const Frame& frame, const routine::SpotLibrary& spots)
{
  std::string names;
  for (const std::string& id : frame.spots) {
    if (const routine::Spot* spot = spots.find(id)) {
      names += (names.empty() ? "" : ", ") + spot->name;
    }
  }
  if (frame.side != routine::Side::none) {
    names += fmt::format(" - {} side", routine::to_string(frame.side));
  }
  return names;
}

// The body map on the right of a large screen, the frame's spots marked on
// its side, with their names under it. Returns the columns it takes (with
// the margin before it), or 0 when there is no map.
int put_body_map(const Frame& frame,
                 const LayoutOptions& options,
                 Screen& screen)
{
  if (!options.spots || frame.spots.empty() ||
      screen.columns() < map_min_columns || screen.rows() < map_min_rows) {
    return 0;
  }
  const routine::SpotLibrary& spots = *options.spots;
  const int width = 2 * spots.outline.width() + map_gap;
  std::vector<MapMark> marks;
  marks.reserve(frame.spots.size());
  for (const std::string& id : frame.spots) {
    marks.push_back(
      {id, frame.side, current_spot_glyph(options.unicode), warning_style()});
  }
  const auto lines = draw_body_map(
    spots, marks, {.width = width, .unicode = options.unicode, .color = true});
  const int left = screen.columns() - 1 - width;
  int row = 1;
  for (const MapLine& line : lines) {
    int column = left;
    for (const MapRun& run : line) {
      screen.put(row, column, run.text, run.style);
      column += static_cast<int>(text::display_width(run.text));
    }
    ++row;
  }
  const auto caption =
    text::wrap(spot_caption(frame, spots), static_cast<std::size_t>(width));
  for (std::size_t i = 0; i < caption.size() && i < 3; ++i) {
    screen.put(row + 1 + static_cast<int>(i), left, caption[i], step_style());
  }
  return width + 2;
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

std::string window_title(const Frame& frame, int max_columns)
{
  const std::string title = fmt::format("{} {}{}",
                                        format_clock(frame.remaining_seconds),
                                        frame.paused ? "paused - " : "",
                                        frame.headline);
  std::string shown = text::fit_width(
    title, static_cast<std::size_t>(std::max(max_columns, 1)), false);
  shown.erase(shown.find_last_not_of(' ') + 1);
  return shown;
}

int calm_seconds(int seconds)
{
  return seconds <= 0 ? seconds
                      : (seconds + calm_clock_step - 1) / calm_clock_step *
                          calm_clock_step;
}

Frame calm_frame(Frame frame)
{
  frame.remaining_seconds = calm_seconds(frame.remaining_seconds);
  frame.session_remaining_seconds =
    calm_seconds(frame.session_remaining_seconds);
  return frame;
}

void compose(const Frame& shown,
             bool help,
             const LayoutOptions& options,
             Screen& screen)
{
  const Frame frame = options.reduce_motion ? calm_frame(shown) : shown;
  screen.clear();
  const int height = screen.rows();
  if (height < 12 || screen.columns() < 24) {
    compose_compact(frame, options, screen);
    return;
  }
  const int map_columns = put_body_map(frame, options, screen);
  const int inner = std::max(screen.columns() - 2 - map_columns, 1);
  const auto top = title_lines(frame, inner, options);
  const auto under = under_clock_lines(frame, inner, options);
  const auto body = body_lines(frame, help, inner);
  // The clock takes the rows the text leaves, the last row being the
  // status line's.
  const int text_rows =
    static_cast<int>(top.size() + under.size() + body.size());
  const int clock_rows = std::max(height - 1 - text_rows, 1);
  int row = 0;
  const auto place = [&](const std::vector<Line>& lines) {
    for (const Line& line : lines) {
      if (row >= height - 1) {
        return;
      }
      const int width = static_cast<int>(text::display_width(line.text));
      const int column = line.centred ? 1 + std::max(inner - width, 0) / 2 : 1;
      screen.put(row++, column, line.text, line.style);
    }
  };
  place(top);
  place(clock_lines(frame, inner, clock_rows, options));
  place(under);
  place(body);
  put_status_line(frame, screen);
}

} // namespace knotrelief::term
