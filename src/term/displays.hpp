#pragma once

#include "session/ports.hpp"
#include "term/layout.hpp"
#include "term/raw_mode.hpp"
#include "term/screen.hpp"

#include <cerrno>
#include <cstdio>
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

// Plain lines for pipes, files and TERM=dumb: one line as each segment
// starts, one when pausing or resuming; no escape codes.
class PlainDisplay : public session::Display
{
public:
  PlainDisplay(Output& out, RawMode* raw)
    : m_out(out)
    , m_raw(raw)
  {}

  void show(const session::Frame& frame, bool help) override;
  void invalidate() override {}
  void suspend() override;
  void close() override {}
  bool gone() const override { return m_out.failed(); }
  bool reader_left() const override { return m_out.reader_left(); }

private:
  Output& m_out;
  RawMode* m_raw;
  std::optional<std::size_t> m_segment;
  bool m_paused = false;
  bool m_halfway_shown = false;
};

// One plain line describing a segment as it starts (raw: PlainDisplay
// shows it through text::printable()).
std::string plain_line(const session::Frame& frame);

} // namespace knotrelief::term
