// `knotrelief log export`: every entry of the journal, every field, as CSV
// (RFC 4180) or versioned JSON, for a spreadsheet or a professional.

#include "cli/commands.hpp"
#include "cli/journal_json.hpp"
#include "cli/journal_support.hpp"
#include "cli/validators.hpp"
#include "journal/csv.hpp"
#include "journal/reader.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace knotrelief::cli {

CLI::App* add_log_export_command(CLI::App& log, LogExportOptions& options)
{
  CLI::App* command =
    log.add_subcommand(log_export_summary.name, log_export_summary.description);
  command->add_option("--format", options.format, "csv (default) or json")
    ->type_name("csv|json")
    ->check(one_of({"csv", "json"}));
  command->add_option("--since", options.since, "Only sessions since WHEN")
    ->type_name("WHEN");
  command
    ->add_option("-o,--output", options.output, "Write to FILE (- : stdout)")
    ->type_name("FILE");
  return command;
}

namespace {

// Standard output, or a temporary file beside the named one that commit()
// renames over it: a failed export never leaves half a file.
class ExportOutput
{
public:
  explicit ExportOutput(Context& context, const std::string& name)
    : m_context(context)
    , m_name(name)
  {
    if (name == "-") {
      m_file = context.out();
      return;
    }
    m_temporary = name + ".XXXXXX";
    const int fd = ::mkstemp(m_temporary.data());
    if (fd >= 0) {
      m_file = ::fdopen(fd, "w");
    }
    if (m_file == nullptr) {
      const int error = errno;
      if (fd >= 0) {
        ::close(fd);
        std::remove(m_temporary.c_str());
      }
      m_temporary.clear();
      fail(error);
    }
  }

  ExportOutput(const ExportOutput&) = delete;
  ExportOutput& operator=(const ExportOutput&) = delete;

  ~ExportOutput()
  {
    if (!m_temporary.empty()) {
      std::fclose(m_file);
      std::remove(m_temporary.c_str());
    }
  }

  std::FILE* file() const { return m_file; }

  void commit()
  {
    if (m_temporary.empty()) {
      return;
    }
    const bool written = std::fflush(m_file) == 0 && !std::ferror(m_file) &&
                         ::fsync(::fileno(m_file)) == 0;
    const int error = errno;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!written || !closed ||
        std::rename(m_temporary.c_str(), m_name.c_str()) != 0) {
      const int cause = !written ? error : errno;
      std::remove(m_temporary.c_str());
      m_temporary.clear();
      fail(cause);
    }
    m_temporary.clear();
  }

private:
  [[noreturn]] void fail(int error) const
  {
    throw Error(fmt::format("cannot write the export to {}: {}",
                            display_path(m_context, m_name),
                            std::strerror(error)));
  }

  Context& m_context;
  std::string m_name;
  std::string m_temporary;
  std::FILE* m_file = nullptr;
};

// Writing the export over the journal would lose it.
void refuse_the_journal(const Context& context,
                        const std::string& output,
                        const std::filesystem::path& journal)
{
  std::error_code error;
  if (output != "-" && std::filesystem::equivalent(output, journal, error)) {
    throw UsageError(
      fmt::format("-o {} is the journal itself: export to another file",
                  display_path(context, output)));
  }
}

} // namespace

ExitStatus command_log_export(Context& context, const LogExportOptions& options)
{
  const auto cutoff =
    since_cutoff(options.since, std::chrono::system_clock::now());
  const auto path = journal_file(context);
  refuse_the_journal(context, options.output, path);
  ProblemReporter problems(context);
  ExportOutput output(context, options.output);
  const bool csv = options.format == "csv";
  std::FILE* out = output.file();
  bool first = true;
  fmt::print(
    out,
    "{}",
    csv ? journal::csv_header()
        : fmt::format("{{\"format\": \"{}\", \"entries\": [", export_format));
  auto read = journal::read_entries(
    path,
    [&](const journal::Entry& entry) {
      if (cutoff && entry.time < *cutoff) {
        return;
      }
      if (csv) {
        fmt::print(out, "{}", journal::csv_row(entry));
      } else {
        fmt::print(out, "{}\n  {}", first ? "" : ",", entry_json(entry).dump());
      }
      first = false;
    },
    problems.sink());
  problems.print();
  if (!read) {
    throw Error(read.error());
  }
  if (!csv) {
    fmt::print(out, "{}]}}\n", first ? "" : "\n");
  }
  output.commit();
  return problems.any() ? ExitStatus::failure : ExitStatus::success;
}

} // namespace knotrelief::cli
