#include "journal/reader.hpp"

#include "journal/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <queue>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace knotrelief::journal {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Owns a file descriptor; moving hands it over.
struct File
{
  int fd = -1;

  File() = default;
  File(File&& other) noexcept
    : fd(std::exchange(other.fd, -1))
  {}
  File& operator=(File&&) = delete;
  File(const File&) = delete;
  ~File()
  {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

// Opens a journal for reading. `missing` is set (and nothing opened) when
// there is no journal yet.
std::expected<File, std::string> open_journal(const std::filesystem::path& path,
                                              bool& missing,
                                              off_t& size)
{
  File file;
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (file.fd < 0) {
    if (errno == ENOENT) {
      missing = true;
      return file;
    }
    return std::unexpected(
      fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
  }
  struct stat info
  {};
  if (::fstat(file.fd, &info) != 0) {
    return std::unexpected(
      fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) {
    return std::unexpected(
      fmt::format("cannot read {}: it is a directory", path.string()));
  }
  if (!S_ISREG(info.st_mode)) {
    return std::unexpected(
      fmt::format("cannot read {}: not a regular file", path.string()));
  }
  size = info.st_size;
  return file;
}

// Parses one line as found in the file; comments give nothing.
// "64 KiB", or "100 bytes" for limits that are not whole KiB.
std::string size_text(std::size_t bytes)
{
  return bytes % 1024 == 0 ? fmt::format("{} KiB", bytes / 1024)
                           : fmt::format("{} bytes", bytes);
}

// A line longer than `max_line_bytes` arrives as `too_long` and empty.
std::optional<Entry> handle_line(std::string_view line,
                                 std::size_t number,
                                 bool too_long,
                                 std::size_t max_line_bytes,
                                 const std::string& file,
                                 const ProblemSink& on_problem)
{
  if (too_long) {
    on_problem({{file, static_cast<int>(number), 0},
                fmt::format("line is longer than {}; skipped",
                            size_text(max_line_bytes))});
    return std::nullopt;
  }
  if (number == 1 && line.starts_with(byte_order_mark)) {
    line.remove_prefix(byte_order_mark.size());
  }
  if (line.ends_with('\r')) {
    line.remove_suffix(1);
  }
  if (is_comment(line)) {
    return std::nullopt;
  }
  auto entry = parse_entry(line);
  if (!entry) {
    on_problem(
      {{file, static_cast<int>(number), 0}, entry.error() + "; skipped"});
    return std::nullopt;
  }
  return std::move(*entry);
}

} // namespace

std::expected<void, std::string> read_entries(
  const std::filesystem::path& path,
  const std::function<void(const Entry&)>& on_entry,
  const ProblemSink& on_problem,
  const ReadLimits& limits)
{
  bool missing = false;
  off_t size = 0;
  auto file = open_journal(path, missing, size);
  if (!file) {
    return std::unexpected(file.error());
  }
  if (missing) {
    return {};
  }
  const std::string name = path.string();
  std::vector<char> buffer(limits.block_bytes);
  std::string line;
  bool too_long = false;
  std::size_t number = 0;
  const auto finish_line = [&] {
    ++number;
    if (auto entry = handle_line(
          line, number, too_long, limits.max_line_bytes, name, on_problem)) {
      on_entry(*entry);
    }
    line.clear();
    too_long = false;
  };
  while (true) {
    const ssize_t n = ::read(file->fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return std::unexpected(
        fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    }
    if (n == 0) {
      break;
    }
    std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
    while (!chunk.empty()) {
      const std::size_t newline = chunk.find('\n');
      const std::string_view piece = chunk.substr(0, newline);
      if (!too_long && line.size() + piece.size() > limits.max_line_bytes) {
        too_long = true;
        line.clear();
      }
      if (!too_long) {
        line.append(piece);
      }
      if (newline == std::string_view::npos) {
        break;
      }
      finish_line();
      chunk.remove_prefix(newline + 1);
    }
  }
  if (!line.empty() || too_long) {
    finish_line(); // a last line without its newline
  }
  return {};
}

namespace {

// Line numbers for lines found while reading backwards, counted only when a
// problem needs one, and then incrementally from the last one counted.
class LineCounter
{
public:
  LineCounter(int fd, off_t size, std::size_t block_bytes)
    : m_fd(fd)
    , m_offset(size)
    , m_block_bytes(block_bytes)
  {}

  // The 1-based number of the line starting at `offset`.
  std::size_t line_at(off_t offset)
  {
    if (!m_known) {
      m_line = 1 + count_newlines(0, offset);
      m_known = true;
    } else {
      m_line -= count_newlines(offset, m_offset);
    }
    m_offset = offset;
    return m_line;
  }

private:
  std::size_t count_newlines(off_t from, off_t to) const
  {
    std::vector<char> buffer(m_block_bytes);
    std::size_t count = 0;
    while (from < to) {
      const auto want = static_cast<std::size_t>(
        std::min<off_t>(to - from, static_cast<off_t>(buffer.size())));
      const ssize_t n = ::pread(m_fd, buffer.data(), want, from);
      if (n <= 0) {
        break;
      }
      count += static_cast<std::size_t>(
        std::count(buffer.data(), buffer.data() + n, '\n'));
      from += n;
    }
    return count;
  }

  int m_fd;
  off_t m_offset;
  std::size_t m_block_bytes;
  std::size_t m_line = 0;
  bool m_known = false;
};

// Reads `length` bytes at `start`. Fewer means the file shrank after its
// size was taken (another program rewrote it): say so, rather than carry on
// with lines cut at random.
std::expected<void, std::string> read_block(const File& file,
                                            std::vector<char>& block,
                                            std::size_t length,
                                            off_t start,
                                            const std::string& name,
                                            const ReadLimits& limits)
{
  ssize_t n = 0;
  do {
    n = limits.read_at ? limits.read_at(file.fd, block.data(), length, start)
                       : ::pread(file.fd, block.data(), length, start);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    return std::unexpected(
      fmt::format("cannot read {}: {}", name, std::strerror(errno)));
  }
  if (static_cast<std::size_t>(n) != length) {
    return std::unexpected(
      fmt::format("cannot read {}: it got shorter while being read (another "
                  "program changed it); try again",
                  name));
  }
  return {};
}

// The lines of a journal from its end, a block at a time: each is handed to
// a visitor, last line first, with its byte offset and whether it was too
// long to keep whole, until the visitor says stop or the file's start.
class BackwardLines
{
public:
  // Offset and "too long" of a line; true to go on.
  using Visitor = std::function<bool(std::string_view, off_t, bool)>;

  BackwardLines(const File& file,
                off_t size,
                const std::string& name,
                const ReadLimits& limits)
    : m_file(file)
    , m_name(name)
    , m_limits(limits)
    , m_position(size)
    , m_block(limits.block_bytes)
  {
    // The file's final newline ends the last line; it does not start another.
    char last = 0;
    if (::pread(file.fd, &last, 1, size - 1) == 1 && last == '\n') {
      m_position = size - 1;
    }
  }

  std::expected<void, std::string> each(const Visitor& visit)
  {
    while (true) {
      const off_t start =
        std::max<off_t>(0, m_position - static_cast<off_t>(m_block.size()));
      const auto length = static_cast<std::size_t>(m_position - start);
      if (auto read =
            read_block(m_file, m_block, length, start, m_name, m_limits);
          !read) {
        return std::unexpected(read.error());
      }
      std::string data(m_block.data(), length);
      data += m_tail;
      if (!visit_block(data, start, visit)) {
        return {};
      }
      m_position = start;
    }
  }

private:
  // Hands out the lines of `data` (read at `start`, the carried-over tail
  // after it) that end in it, last first. Keeps the unfinished first line
  // as the next tail. False when done.
  bool visit_block(const std::string& data, off_t start, const Visitor& visit)
  {
    std::size_t end = data.size();
    bool first_in_block = true;
    while (true) {
      const std::size_t newline =
        end == 0 ? std::string::npos : data.rfind('\n', end - 1);
      if (newline == std::string::npos && start > 0) {
        break; // the line goes on in the block before
      }
      const std::size_t line_start =
        newline == std::string::npos ? 0 : newline + 1;
      const std::string_view line(data.data() + line_start, end - line_start);
      const bool too_long = (first_in_block && m_tail_too_long) ||
                            line.size() > m_limits.max_line_bytes;
      first_in_block = false;
      m_tail_too_long = false;
      if (!visit(line, start + static_cast<off_t>(line_start), too_long) ||
          newline == std::string::npos) {
        return false; // stopped, or reached the start of the file
      }
      end = newline;
    }
    m_tail = data.substr(0, end);
    if (m_tail.size() > m_limits.max_line_bytes) {
      m_tail_too_long = true;
      m_tail.clear();
    }
    return true;
  }

  const File& m_file;
  const std::string& m_name;
  const ReadLimits& m_limits;
  off_t m_position;
  std::vector<char> m_block;
  // The start of the line that ends after m_position, read already;
  // m_tail_too_long says part of it had to be dropped.
  std::string m_tail;
  bool m_tail_too_long = false;
};

// Picks the latest entries by time from entries met last first (see
// read_last_entries), and says when the look back may end.
class LatestEntries
{
public:
  LatestEntries(const LatestQuery& query, std::size_t lookback)
    : m_query(query)
    , m_lookback(lookback)
  {}

  // False once reading further cannot change the result.
  bool add(Entry entry)
  {
    const auto floor = oldest_shown();
    if (floor && entry.time < *floor) {
      return ++m_older_in_a_row < m_lookback;
    }
    m_older_in_a_row = 0;
    if (m_query.keep && !m_query.keep(entry)) {
      return true;
    }
    // Ties go to the entry later in the file, met first.
    if (full() && entry.time <= m_times.top()) {
      return true;
    }
    m_times.push(entry.time);
    if (m_times.size() > m_query.limit) {
      m_times.pop();
    }
    m_found.push_back(std::move(entry));
    return true;
  }

  std::vector<Entry> finish()
  {
    std::reverse(m_found.begin(), m_found.end()); // into file order
    std::stable_sort(
      m_found.begin(), m_found.end(), [](const Entry& a, const Entry& b) {
        return a.time < b.time;
      });
    if (m_found.size() > m_query.limit) {
      m_found.erase(m_found.begin(),
                    m_found.end() - static_cast<std::ptrdiff_t>(m_query.limit));
    }
    return std::move(m_found);
  }

private:
  using TimePoint = std::chrono::system_clock::time_point;

  bool full() const { return m_times.size() >= m_query.limit; }

  // What an entry must not be older than to be shown: the oldest of the
  // latest `limit` so far, else `since`.
  std::optional<TimePoint> oldest_shown() const
  {
    if (full()) {
      return m_query.since ? std::max(*m_query.since, m_times.top())
                           : m_times.top();
    }
    return m_query.since;
  }

  const LatestQuery& m_query;
  std::size_t m_lookback;
  // The times of the latest `limit` entries so far, the oldest on top.
  std::priority_queue<TimePoint, std::vector<TimePoint>, std::greater<>>
    m_times;
  std::vector<Entry> m_found; // last first; some may fall out at finish
  std::size_t m_older_in_a_row = 0;
};

} // namespace

std::expected<std::vector<Entry>, std::string> read_last_entries(
  const std::filesystem::path& path,
  const LatestQuery& query,
  const ProblemSink& on_problem,
  const ReadLimits& limits)
{
  bool missing = false;
  off_t size = 0;
  auto file = open_journal(path, missing, size);
  if (!file) {
    return std::unexpected(file.error());
  }
  LatestEntries latest(query, limits.lookback_entries);
  if (missing || query.limit == 0 || size == 0) {
    return latest.finish();
  }
  const std::string name = path.string();
  LineCounter counter(file->fd, size, limits.block_bytes);
  BackwardLines lines(*file, size, name, limits);
  auto walked = lines.each([&](
                             std::string_view line, off_t offset, bool long_) {
    // Lines are numbered only when a problem needs it; the first line of
    // the file is told apart for its byte-order mark.
    const ProblemSink numbered = [&](const Diagnostic& problem) {
      Diagnostic located = problem;
      located.where.line = static_cast<int>(counter.line_at(offset));
      on_problem(located);
    };
    auto entry = handle_line(
      line, offset == 0 ? 1 : 2, long_, limits.max_line_bytes, name, numbered);
    return !entry || latest.add(std::move(*entry));
  });
  if (!walked) {
    return std::unexpected(walked.error());
  }
  return latest.finish();
}

} // namespace knotrelief::journal
