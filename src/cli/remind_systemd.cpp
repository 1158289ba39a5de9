#include "cli/remind_systemd.hpp"

#include "util/process.hpp"

#include <fmt/format.h>

#include <unistd.h>

namespace knotrelief::cli {

namespace {

// systemctl is quick when the manager answers; a hung bus is not worth
// waiting for.
constexpr std::chrono::seconds systemctl_limit{30};

std::vector<std::string> user_args(const std::vector<std::string>& args)
{
  std::vector<std::string> all{"--user", "--no-pager"};
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

// The first line of what a program said on stderr, for a message.
std::string first_line(const ProgramResult& result)
{
  if (!result.started) {
    return result.error;
  }
  if (result.timed_out) {
    return "no answer";
  }
  const std::string& text = result.err.empty() ? result.out : result.err;
  const std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? fmt::format("exit status {}", result.status) : line;
}

} // namespace

std::filesystem::path unit_folder(const Context& context)
{
  const auto config = config_home(context.env());
  if (!config) {
    throw Error("cannot tell where the unit files go: neither XDG_CONFIG_HOME "
                "nor HOME is set");
  }
  return *config / "systemd" / "user";
}

UserManager::UserManager(const Context& context)
{
  if (auto path = context.env()("KNOTRELIEF_SYSTEMCTL")) {
    m_path = *path;
  } else {
    for (const char* candidate : {"/usr/bin/systemctl", "/bin/systemctl"}) {
      if (::access(candidate, X_OK) == 0) {
        m_path = candidate;
        break;
      }
    }
  }
  if (m_path.empty()) {
    m_why_not = "no systemctl in /usr/bin or /bin";
    return;
  }
  const ProgramResult probe =
    run_program(m_path, user_args({"show-environment"}), systemctl_limit);
  if (!probe.started || probe.timed_out || probe.status != 0) {
    m_why_not = fmt::format("{}: {}", m_path, first_line(probe));
  }
}

void UserManager::run(const std::vector<std::string>& args) const
{
  const ProgramResult result =
    run_program(m_path, user_args(args), systemctl_limit);
  if (!result.started || result.timed_out || result.status != 0) {
    throw Error(
      fmt::format("{} failed: {}", systemctl_line(args), first_line(result)));
  }
}

std::optional<std::string> UserManager::output(
  const std::vector<std::string>& args) const
{
  const ProgramResult result =
    run_program(m_path, user_args(args), systemctl_limit);
  if (!result.started || result.timed_out || result.status != 0) {
    return std::nullopt;
  }
  return result.out;
}

std::string systemctl_line(const std::vector<std::string>& args)
{
  std::string line = "systemctl --user";
  for (const std::string& arg : args) {
    line += " " + arg;
  }
  return line;
}

} // namespace knotrelief::cli
