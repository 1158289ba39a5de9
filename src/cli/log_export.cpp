// `knotrelief log export`: every entry of the journal, every field, as CSV
// (RFC 4180) or versioned JSON, for a spreadsheet or a professional.

#include "cli/commands.hpp"
#include "cli/journal_json.hpp"
#include "cli/journal_support.hpp"
#include "cli/output_file.hpp"
#include "cli/validators.hpp"
#include "journal/csv.hpp"
#include "journal/reader.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

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

ExitStatus command_log_export(Context& context, const LogExportOptions& options)
{
  const auto cutoff =
    since_cutoff(options.since, std::chrono::system_clock::now());
  const auto path = journal_file(context);
  refuse_the_journal(context, options.output, path);
  ProblemReporter problems(context);
  OutputFile output(context, options.output);
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
