// `knotrelief log export`: every entry of the journal, every field, as CSV
// (RFC 4180) or versioned JSON, for a spreadsheet or a professional.

#include "cli/commands.hpp"
#include "cli/journal_json.hpp"
#include "cli/journal_support.hpp"
#include "cli/output_file.hpp"
#include "cli/validators.hpp"
#include "journal/csv.hpp"

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
  add_since_and_output_options(*command, options.since, options.output);
  return command;
}

ExitStatus command_log_export(Context& context, const LogExportOptions& options)
{
  const auto cutoff =
    since_cutoff(options.since, std::chrono::system_clock::now());
  const auto path = journal_file(context);
  refuse_the_journal(context, options.output, path);
  OutputFile output(context, options.output);
  const bool csv = options.format == "csv";
  std::FILE* out = output.file();
  bool first = true;
  fmt::print(
    out,
    "{}",
    csv ? journal::csv_header()
        : fmt::format("{{\"format\": \"{}\", \"entries\": [", export_format));
  const bool malformed =
    read_journal_since(context, path, cutoff, [&](const journal::Entry& entry) {
      if (csv) {
        fmt::print(out, "{}", journal::csv_row(entry));
      } else {
        fmt::print(out, "{}\n  {}", first ? "" : ",", entry_json(entry).dump());
      }
      first = false;
    });
  if (!csv) {
    fmt::print(out, "{}]}}\n", first ? "" : "\n");
  }
  output.commit();
  return malformed ? ExitStatus::failure : ExitStatus::success;
}

} // namespace knotrelief::cli
