#pragma once

// The reminders' side of systemd: where the unit files go, and the user
// manager reached through `systemctl --user` (by absolute path, no shell).

#include "cli/context.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotrelief::cli {

// $XDG_CONFIG_HOME/systemd/user, else ~/.config/systemd/user. Error when
// neither variable is set.
std::filesystem::path unit_folder(const Context& context);

// systemctl and whether a user manager answers it.
class UserManager
{
public:
  // Finds systemctl (/usr/bin, /bin; KNOTRELIEF_SYSTEMCTL for tests) and
  // asks the user manager whether it is there.
  explicit UserManager(const Context& context);

  bool reachable() const { return m_why_not.empty(); }
  // Why not, for people: "no systemctl in /usr/bin or /bin".
  const std::string& why_not() const { return m_why_not; }

  // Runs `systemctl --user ARGS`; Error with its message when it fails.
  void run(const std::vector<std::string>& args) const;
  // Its output, or nothing when it fails.
  std::optional<std::string> output(const std::vector<std::string>& args) const;

private:
  std::string m_path;
  std::string m_why_not;
};

// "systemctl --user daemon-reload": the command for people to run.
std::string systemctl_line(const std::vector<std::string>& args);

} // namespace knotrelief::cli
