#include "term/displays.hpp"

#include "routine/builtin.hpp"
#include "routine/duration.hpp"
#include "term/job_control.hpp"
#include "term/signals.hpp"
#include "term/size.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace knotrelief::term {

using session::Frame;
using session::SegmentKind;

void Output::write(std::string_view bytes)
{
  while (!bytes.empty() && !m_failed) {
    const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      m_failed = true;
      m_error = n < 0 ? errno : 0;
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

namespace {

constexpr std::string_view enter_screen = "\x1b[?1049h\x1b[?25l";
constexpr std::string_view leave_screen = "\x1b[0m\x1b[?25h\x1b[?1049l";
// xterm's title stack (XTWINOPS 22 and 23), also known to tmux and VTE.
constexpr std::string_view save_title = "\x1b[22;0t";
constexpr std::string_view restore_title = "\x1b[23;0t";

Size current_size(int fd)
{
  return window_size(fd).value_or(Size{});
}

// Spots are built in only (no routine file defines one), so the displays
// draw and name them from the built-in data.
const routine::SpotLibrary& spot_library()
{
  static const routine::SpotLibrary spots = routine::builtin_spots();
  return spots;
}

// "Upper trapezius, left side" for the plain line, or empty.
std::string spots_in_words(const Frame& frame)
{
  std::string words;
  for (const std::string& id : frame.spots) {
    if (const routine::Spot* spot = spot_library().find(id)) {
      words += (words.empty() ? "" : " and ") + spot->name;
    }
  }
  if (!words.empty() && frame.side != routine::Side::none) {
    words += fmt::format(", {} side", routine::to_string(frame.side));
  }
  return words;
}

} // namespace

namespace {

// Stops the process with the terminal in its normal state, and takes raw
// mode back once continued (in the foreground: taking it back from the
// background stops us again, as it should).
void stop_with_terminal_restored(RawMode* raw)
{
  if (raw) {
    IgnoreSignal ignore_background_stop(SIGTTOU);
    raw->restore();
  }
  SignalPipe::stop_process();
  if (raw) {
    raw->enter();
  }
}

} // namespace

SmartDisplay::SmartDisplay(Output& out, RawMode* raw, Options options)
  : m_out(out)
  , m_raw(raw)
  , m_layout{.unicode = options.unicode,
             .spots = &spot_library(),
             .reduce_motion = options.reduce_motion}
  , m_screen(current_size(out.fd()).columns,
             current_size(out.fd()).rows,
             options.color)
  , m_title(options.title)
{}

SmartDisplay::~SmartDisplay()
{
  close();
}

void SmartDisplay::open()
{
  if (!m_open) {
    m_out.write(enter_screen);
    if (m_title) {
      m_out.write(save_title);
    }
    m_open = true;
    m_screen.invalidate();
  }
}

void SmartDisplay::show(const Frame& frame, bool help)
{
  open();
  if (m_resized) {
    const Size size = current_size(m_out.fd());
    if (size.columns != m_screen.columns() || size.rows != m_screen.rows()) {
      m_screen.resize(size.columns, size.rows);
    }
    m_resized = false;
  }
  compose(frame, help, m_layout, m_screen);
  const std::string bytes = m_screen.render();
  if (!bytes.empty()) {
    m_out.write(bytes);
    m_bytes += bytes.size();
  }
  if (m_title) {
    show_title(m_layout.reduce_motion ? calm_frame(frame) : frame);
  }
}

// OSC 2 with the title, when it changed; window_title() is printable text,
// so nothing in it can end the sequence or start another.
void SmartDisplay::show_title(const Frame& frame)
{
  std::string title = window_title(frame);
  if (title != m_shown_title) {
    const std::string bytes = fmt::format("\x1b]2;{}\x1b\\", title);
    m_out.write(bytes);
    m_bytes += bytes.size();
    m_shown_title = std::move(title);
  }
}

void SmartDisplay::invalidate()
{
  m_resized = true;
  m_screen.invalidate();
}

void SmartDisplay::suspend()
{
  // Without job control a stop would be for good: the session only pauses.
  if (!job_control_available()) {
    return;
  }
  {
    IgnoreSignal ignore_background_stop(SIGTTOU);
    close();
    m_out.write("knotrelief: paused; type 'fg' to go on\n");
  }
  stop_with_terminal_restored(m_raw);
  invalidate();
}

void SmartDisplay::close()
{
  if (m_open) {
    if (m_title) {
      m_out.write(restore_title);
      m_shown_title.clear();
    }
    m_out.write(leave_screen);
    m_open = false;
  }
}

namespace {

// "45 seconds", "1 minute", "2 minutes 5 seconds": durations as they are
// read out, never "2m 5s".
std::string seconds_in_words(int seconds)
{
  const auto unit = [](int n, std::string_view name) {
    return fmt::format("{} {}{}", n, name, n == 1 ? "" : "s");
  };
  const int minutes = seconds / 60;
  seconds %= 60;
  if (minutes == 0) {
    return unit(seconds, "second");
  }
  return seconds == 0 ? unit(minutes, "minute")
                      : unit(minutes, "minute") + " " + unit(seconds, "second");
}

// "Step 2 of 3, left side, rep 1 of 2" for a hold; a counted set's
// movement is left out (it starts at the first).
std::string step_in_words(const Frame& frame)
{
  std::string words =
    fmt::format("Step {} of {}", frame.step_number, frame.step_count);
  if (frame.kind == SegmentKind::hold && !frame.detail.empty()) {
    words += ", " + frame.detail;
  } else if (frame.kind == SegmentKind::count &&
             frame.side != routine::Side::none) {
    words += fmt::format(", {} side", routine::to_string(frame.side));
  }
  return words;
}

} // namespace

std::string plain_line(const Frame& frame)
{
  const std::string length = seconds_in_words(frame.length_seconds);
  if (frame.kind != SegmentKind::hold && frame.kind != SegmentKind::count) {
    return fmt::format("{}, {}, {}.", frame.headline, frame.detail, length);
  }
  std::string line =
    fmt::format("{}: {}, ", step_in_words(frame), frame.headline);
  if (frame.kind == SegmentKind::count) {
    line += fmt::format("{} movements in {}.", frame.count, length);
  } else {
    line += length + ".";
  }
  if (!frame.cue.empty()) {
    line += " " + frame.cue;
  }
  if (!frame.pressure.empty()) {
    line += fmt::format(" Pressure: {}.", frame.pressure);
  }
  if (const std::string where = spots_in_words(frame); !where.empty()) {
    line += fmt::format(" Spot: {}.", where);
  }
  return line;
}

std::string moment_line(session::Moment moment, const Frame& frame)
{
  switch (moment) {
    case session::Moment::segment_start:
      return plain_line(frame);
    case session::Moment::halfway: {
      std::string line =
        frame.length_seconds >= session::long_hold_seconds
          ? fmt::format("Halfway, {} left.",
                        seconds_in_words(frame.remaining_seconds))
          : std::string("Halfway.");
      // A step's own cue that starts by saying "Halfway." would say it twice.
      std::string_view own = frame.halfway;
      if (own.starts_with("Halfway.")) {
        own.remove_prefix(std::string_view("Halfway.").size());
        own.remove_prefix(std::min(own.find_first_not_of(' '), own.size()));
      }
      if (!own.empty()) {
        line += " " + std::string(own);
      }
      return line;
    }
    case session::Moment::ten_seconds_left:
      return fmt::format("{} left.", seconds_in_words(frame.remaining_seconds));
    case session::Moment::countdown: {
      std::string line;
      for (int n = frame.countdown; n > 0; --n) {
        line += fmt::format("{}{}", n, n > 1 ? ", " : ".");
      }
      return line;
    }
  }
  return {};
}

std::string keys_line()
{
  return "Keys: space or p pauses and goes on, n next, b back, plus adds 10 "
         "seconds, minus takes 10 off, q quits, question mark repeats this.";
}

PlainDisplay::PlainDisplay(Output& out, RawMode* raw, Speaker speak)
  : m_out(out)
  , m_raw(raw)
  , m_speak(std::move(speak))
{}

// Prints a line (printable text only) and says the same words.
void PlainDisplay::say(const std::string& line)
{
  const std::string words = text::printable(line);
  m_out.write(words + "\n");
  if (m_speak) {
    m_speak(words);
  }
}

void PlainDisplay::show(const Frame& frame, bool help)
{
  for (const session::Moment moment : m_schedule.observe(frame)) {
    say(moment_line(moment, frame));
  }
  if (frame.paused != m_paused) {
    m_paused = frame.paused;
    say(frame.paused ? "Paused. Press space to go on." : "Going on.");
  }
  if (help != m_help) {
    m_help = help;
    say(keys_line());
  }
}

void PlainDisplay::suspend()
{
  // Without job control a stop would be for good: the session only pauses.
  if (!job_control_available()) {
    return;
  }
  stop_with_terminal_restored(m_raw);
}

} // namespace knotrelief::term
