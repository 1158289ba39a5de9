#include "remind/units.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <sstream>

namespace knotrelief::remind {

namespace {

constexpr std::string_view header =
  "# Written by `knotrelief remind enable`, which rewrites it; `knotrelief\n"
  "# remind disable` removes it. See knotrelief(1).\n";

std::string quoted_word(std::string_view word)
{
  std::string quoted = "\"";
  for (char c : word) {
    switch (c) {
      case '%':
        quoted += "%%";
        break;
      case '$':
        quoted += "$$";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '"':
        quoted += "\\\"";
        break;
      default:
        quoted += c;
    }
  }
  return quoted + '"';
}

std::string days_prefix(std::uint8_t days)
{
  return days == every_day ? std::string() : weekday_list(days, ",") + " ";
}

std::string service_text(std::string_view description, const std::string& exec)
{
  return fmt::format(
    "{}\n[Unit]\nDescription={}\nDocumentation=man:knotrelief(1)"
    "\n\n[Service]\nType=oneshot\nExecStart={}\n",
    header,
    description,
    exec);
}

std::string timer_text(const Schedule& schedule, Timer timer)
{
  const bool session = timer == Timer::session;
  std::string text = fmt::format(
    "{}{}{}\n\n[Unit]\nDescription={}\nDocumentation=man:knotrelief(1)\n\n"
    "[Timer]\n",
    header,
    schedule_marker,
    schedule_arguments(schedule),
    session ? "knotrelief: remind me when a self-massage session is due"
            : "knotrelief: movement breaks");
  for (const std::string& calendar : on_calendar(schedule, timer)) {
    text += fmt::format("OnCalendar={}\n", calendar);
  }
  // A session missed while the machine was off is still due after boot; a
  // missed break is not worth taking late.
  text += fmt::format("Persistent={}\nRandomizedDelaySec=0\nAccuracySec=1s\n"
                      "Unit={}.service\n\n[Install]\nWantedBy=timers.target\n",
                      session ? "true" : "false",
                      session ? session_unit : breaks_unit);
  return text;
}

} // namespace

std::expected<std::string, std::string> exec_line(
  std::span<const std::string> argv)
{
  std::string line;
  for (const std::string& word : argv) {
    // systemd reads unit files as UTF-8 lines.
    auto fault = text::find_encoding_fault(word);
    if (!fault) {
      fault = text::find_control_character(word);
    }
    if (fault) {
      return std::unexpected(
        fmt::format("'{}' cannot go in a unit file: {}", word, fault->problem));
    }
    line += (line.empty() ? "" : " ") + quoted_word(word);
  }
  return line;
}

std::vector<std::string> on_calendar(const Schedule& schedule, Timer timer)
{
  std::vector<std::string> values;
  for (int minute : firing_minutes(schedule, timer)) {
    values.push_back(fmt::format(
      "{}*-*-* {}:00", days_prefix(schedule.days), clock_text(minute)));
  }
  return values;
}

std::expected<std::vector<UnitFile>, std::string> unit_files(
  const Schedule& schedule,
  const std::string& program,
  std::span<const std::string> global)
{
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), global.begin(), global.end());
  argv.insert(argv.end(), {"remind", "check"});
  auto session_exec = exec_line(argv);
  argv.push_back("--break");
  auto breaks_exec = exec_line(argv);
  if (!session_exec || !breaks_exec) {
    return std::unexpected(session_exec ? breaks_exec.error()
                                        : session_exec.error());
  }
  const std::string session(session_unit);
  std::vector<UnitFile> files = {
    {session + ".service",
     service_text("knotrelief: is a self-massage session due?", *session_exec)},
    {session + ".timer", timer_text(schedule, Timer::session)}};
  if (schedule.breaks) {
    const std::string breaks(breaks_unit);
    files.push_back(
      {breaks + ".service",
       service_text("knotrelief: suggest a standing stretch", *breaks_exec)});
    files.push_back({breaks + ".timer", timer_text(schedule, Timer::breaks)});
  }
  return files;
}

std::optional<std::string> schedule_in(std::string_view timer_text)
{
  std::istringstream lines{std::string(timer_text)};
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(schedule_marker)) {
      return line.substr(schedule_marker.size());
    }
  }
  return std::nullopt;
}

} // namespace knotrelief::remind
