#include "term/displays.hpp"

#include "routine/builtin.hpp"
#include "routine/duration.hpp"
#include "term/job_control.hpp"
#include "term/signals.hpp"
#include "term/size.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

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
  , m_layout{options.unicode, &spot_library()}
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
    show_title(frame);
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

std::string plain_line(const Frame& frame)
{
  const std::string length = routine::format_duration(frame.length_seconds);
  switch (frame.kind) {
    case SegmentKind::hold:
    case SegmentKind::count: {
      std::string line = fmt::format(
        "Step {}/{}: {}", frame.step_number, frame.step_count, frame.headline);
      if (!frame.detail.empty() && frame.kind == SegmentKind::hold) {
        line += fmt::format(" ({})", frame.detail);
      }
      if (frame.kind == SegmentKind::count) {
        line += fmt::format(" - {} movements, {}", frame.count, length);
      } else {
        line += fmt::format(" - {}", length);
      }
      line += fmt::format(". {}", frame.cue);
      if (!frame.pressure.empty()) {
        line += fmt::format(" Pressure: {}.", frame.pressure);
      }
      if (const std::string where = spots_in_words(frame); !where.empty()) {
        line += fmt::format(" Spot: {}.", where);
      }
      return line;
    }
    default:
      return fmt::format("{} ({}, {})", frame.headline, frame.detail, length);
  }
}

void PlainDisplay::show(const Frame& frame, bool /*help*/)
{
  if (!m_segment || *m_segment != frame.segment_index) {
    m_segment = frame.segment_index;
    m_halfway_shown = !frame.halfway.empty();
    m_out.write(text::printable(plain_line(frame)) + "\n");
  }
  if (!frame.halfway.empty() && !m_halfway_shown) {
    m_halfway_shown = true;
    m_out.write("  " + text::printable(frame.halfway) + "\n");
  }
  if (frame.paused != m_paused) {
    m_paused = frame.paused;
    m_out.write(frame.paused ? "Paused.\n" : "Resumed.\n");
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
