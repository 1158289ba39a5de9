#include "cli/commands.hpp"
#include "routine/loader.hpp"
#include "session/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace knotrelief::cli {

namespace {

namespace fs = std::filesystem;

// The files to check: each argument, or the routine files in it when it is a
// folder (sorted, so output is stable).
std::vector<fs::path> expand_arguments(
  const std::vector<std::string>& arguments)
{
  std::vector<fs::path> files;
  for (const auto& argument : arguments) {
    std::error_code error;
    if (!fs::is_directory(argument, error)) {
      files.emplace_back(argument);
      continue;
    }
    std::vector<fs::path> inside;
    for (const auto& entry : fs::directory_iterator(argument, error)) {
      const auto extension = entry.path().extension();
      if (extension == ".yaml" || extension == ".yml") {
        inside.push_back(entry.path());
      }
    }
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

} // namespace

CLI::App* add_check_command(CLI::App& app, CheckOptions& options)
{
  CLI::App* command =
    app.add_subcommand(check_summary.name, check_summary.description);
  command
    ->add_option("FILE", options.files, "Routine files, or folders of them")
    ->required();
  command->add_flag("-q,--quiet",
                    options.quiet,
                    "Print only problems, not the files that are fine");
  return command;
}

namespace {

// The problems of one file: what the loader found, or an id that a file
// checked before already has.
std::vector<Diagnostic> file_problems(
  const routine::Loaded<routine::Routine>& loaded,
  const std::vector<routine::Routine>& checked)
{
  if (!loaded) {
    return loaded.error();
  }
  auto same = std::find_if(checked.begin(), checked.end(), [&](auto& r) {
    return r.id == loaded->id;
  });
  if (same == checked.end()) {
    return {};
  }
  return {{loaded->where,
           fmt::format("duplicate id '{}' (also at {})",
                       loaded->id,
                       to_string(same->where))}};
}

void print_ok(Context& context,
              const std::filesystem::path& file,
              const routine::Routine& routine)
{
  safe_print(context.out(),
             "{}: ok (routine '{}', {} step{}, {})\n",
             file.string(),
             routine.id,
             routine.steps.size(),
             routine.steps.size() == 1 ? "" : "s",
             session::describe_length(routine));
}

} // namespace

ExitStatus command_check(Context& context, const CheckOptions& options)
{
  // Steps may only name built-in techniques; user routines play no part.
  const auto library = routine::Library::builtin();
  std::vector<routine::Routine> checked;
  std::size_t problem_count = 0;
  std::size_t bad_files = 0;
  const auto files = expand_arguments(options.files);
  if (files.empty()) {
    throw Error(
      "no routine files to check (the folders given hold no .yaml files)");
  }
  for (const auto& file : files) {
    auto loaded = routine::load_routine_file(
      file, library.technique_ids(), library.spot_ids());
    const auto problems = file_problems(loaded, checked);
    for (const auto& problem : problems) {
      safe_print(context.err(), "{}\n", to_string(problem));
    }
    if (!problems.empty()) {
      problem_count += problems.size();
      ++bad_files;
      continue;
    }
    if (!options.quiet) {
      print_ok(context, file, *loaded);
    }
    checked.push_back(std::move(*loaded));
  }
  if (problem_count > 0) {
    safe_print(context.err(),
               "{} problem{} in {} of {} file{}\n",
               problem_count,
               problem_count == 1 ? "" : "s",
               bad_files,
               files.size(),
               files.size() == 1 ? "" : "s");
    return ExitStatus::failure;
  }
  return ExitStatus::success;
}

} // namespace knotrelief::cli
