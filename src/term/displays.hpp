#pragma once

#include "session/line_schedule.hpp"
#include "session/ports.hpp"
#include "term/layout.hpp"
#include "term/raw_mode.hpp"
#include "term/screen.hpp"

#include <cerrno>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace knotrelief::term {

// Writes bytes to a file descriptor, retrying short writes. Output errors
// are remembered, not thrown, so a closed terminal cannot stop the journal
// line from being written.
class Output
{
public:
  explicit Output(int fd)
    : m_fd(fd)
  {}
  void write(std::string_view bytes);
  int fd() const { return m_fd; }
  bool failed() const { return m_failed; }
  // The failure was EPIPE: the reader of a pipe went away.
  bool reader_left() const { return m_error == EPIPE; }

private:
  int m_fd;
  bool m_failed = false;
  int m_error = 0; // errno of the failed write
};

// The full-screen countdown for a terminal: alternate screen, hidden cursor,
// a large clock and only changed cells redrawn; with `title`, the time left
// in the window title too (the title before is saved on the terminal's
// title stack). Restores the screen, the cursor and the title in close()
// and on destruction.
class SmartDisplay : public session::Display
{
public:
  struct Options
  {
    bool color = false;
    bool unicode = false;
    bool title = false;
    bool reduce_motion = false; // see LayoutOptions::reduce_motion
  };
  // `raw` (may be null) is released while the process is suspended.
  SmartDisplay(Output& out, RawMode* raw, Options options);
  ~SmartDisplay() override;

  void show(const session::Frame& frame, bool help) override;
  void invalidate() override;
  void suspend() override;
  void close() override;
  bool gone() const override { return m_out.failed(); }
  bool reader_left() const override { return m_out.reader_left(); }

  // Bytes written to the terminal so far (for benchmarks).
  std::size_t bytes_written() const { return m_bytes; }

private:
  void open();
  void show_title(const session::Frame& frame);

  Output& m_out;
  RawMode* m_raw;
  LayoutOptions m_layout;
  Screen m_screen;
  bool m_title;
  std::string m_shown_title; // what the window title is set to, if any
  bool m_open = false;
  bool m_resized = true;
  std::size_t m_bytes = 0;
};

// Speaks a line of a plain display (the voice of --voice), or nothing.
using Speaker = std::function<void(const std::string&)>;

// Plain lines on the normal screen, for pipes, files, TERM=dumb and screen
// readers (--plain): no escape codes, no line rewritten, nothing redrawn.
// A line as each segment starts, at the moments of session::LineSchedule,
// on pausing and going on, and the keys on `?`; each line is also said
// through `speak`, in the same words.
class PlainDisplay : public session::Display
{
public:
  PlainDisplay(Output& out, RawMode* raw, Speaker speak = {});

  void show(const session::Frame& frame, bool help) override;
  void invalidate() override {}
  void suspend() override;
  void close() override {}
  bool gone() const override { return m_out.failed(); }
  bool reader_left() const override { return m_out.reader_left(); }

private:
  void say(const std::string& line);

  Output& m_out;
  RawMode* m_raw;
  Speaker m_speak;
  session::LineSchedule m_schedule;
  bool m_paused = false;
  bool m_help = false;
};

// The line for a segment as it starts: "Step 1 of 2, left side: Upper-trap
// compression, 45 seconds. Press gently." (raw: PlainDisplay shows it
// through text::printable()).
std::string plain_line(const session::Frame& frame);

// The line for a moment of session::LineSchedule: the start line, "Halfway,
// 15 seconds left.", "10 seconds left.", "3, 2, 1.".
std::string moment_line(session::Moment moment, const session::Frame& frame);

// The keys, as one line.
std::string keys_line();

} // namespace knotrelief::term
