#pragma once

// Strict reading of YAML mappings for the routine loader: every problem is
// collected as a Diagnostic at the line and column of the offending key or
// value, so a file can be checked in one pass.

#include "routine/duration.hpp"
#include "routine/yaml_problems.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace knotrelief::routine::yaml {

// "a list", "a mapping", "text", "nothing": for type mismatch messages.
std::string_view describe(const YAML::Node& node);

// Whether a text value may span lines: prose (a cue, a summary) may, as a
// folded block keeps its paragraph breaks as newlines; a name, an id or a
// tool may not, since it is shown on one line of a table or of the screen.
enum class TextKind
{
  line,
  prose,
};

// The fields of one YAML mapping, checked against the keys it may have.
// Unknown keys (with a "did you mean"), duplicate keys and non-text keys are
// reported on construction.
class Fields
{
public:
  Fields(const YAML::Node& map,
         Problems& problems,
         std::initializer_list<std::string_view> allowed_keys);

  bool has(std::string_view key) const;
  YAML::Mark key_mark(std::string_view key) const;
  const YAML::Mark& map_mark() const { return m_map_mark; }

  // Text scalar; reports a missing (when required), empty, non-text or too
  // long value, and one with a control character (text::
  // find_control_character; newlines are allowed in prose only).
  std::optional<std::string> text(std::string_view key,
                                  bool required,
                                  TextKind kind = TextKind::line);
  std::optional<std::vector<std::string>> text_list(
    std::string_view key,
    std::size_t max_items,
    TextKind kind = TextKind::line);
  std::optional<int> whole_number(std::string_view key, int min, int max);
  std::optional<DurationRange> duration(std::string_view key,
                                        int max_seconds,
                                        bool allow_range);
  const YAML::Node* node(std::string_view key) const;

  // Reports a problem about the value of `key`.
  void problem(std::string_view key, std::string message);

private:
  struct Entry
  {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  const Entry* find(std::string_view key) const;
  std::optional<std::string> scalar(const Entry& entry);

  Problems& m_problems;
  YAML::Mark m_map_mark;
  std::vector<Entry> m_entries;
};

// Parses `text`, which must be one YAML mapping: else reports
// "<expected>, not <what it is>" and gives nothing.
std::optional<YAML::Node> parse_mapping(std::string_view text,
                                        Problems& problems,
                                        std::string_view expected);

// For a file that is a mapping holding one list under `key` (the
// techniques, the guide): parses `text` and gives each item of the list that
// is a mapping to `each`. A document that is not such a mapping, and items
// that are not mappings ("each `item` must be a mapping"), are reported.
// Returns where the mapping starts, or nothing when there is no list.
std::optional<YAML::Mark> for_each_listed(
  std::string_view text,
  Problems& problems,
  std::string_view key,
  std::string_view item,
  const std::function<void(const YAML::Node&)>& each);

} // namespace knotrelief::routine::yaml
