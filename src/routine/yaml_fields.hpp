#pragma once

// Strict reading of YAML mappings for the routine loader: every problem is
// collected as a Diagnostic at the line and column of the offending key or
// value, so a file can be checked in one pass.

#include "routine/duration.hpp"
#include "util/error.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace knotrelief::routine::yaml {

// Collects the problems of one file, up to a cap (a hostile file must not
// produce megabytes of messages).
class Problems
{
public:
  explicit Problems(std::string file)
    : m_file(std::move(file))
  {}

  void add(const YAML::Mark& mark, std::string message);
  void add_at(int line, int column, std::string message);
  const std::string& file() const { return m_file; }
  bool empty() const { return m_list.empty(); }
  // The problems in file order (by line, then column).
  std::vector<Diagnostic> take();

  static constexpr std::size_t max_problems = 50;

private:
  std::string m_file;
  std::vector<Diagnostic> m_list;
};

// Most values (scalars, lists, mappings) a file may hold. The largest valid
// routine (200 steps of a dozen fields) has about 5,000; a file of a million
// tiny values would take yaml-cpp hundreds of megabytes to load, so values
// are counted in a streaming pass before anything is built.
inline constexpr std::size_t max_yaml_values = 20'000;

// Most '[' and '{' a file may hold. yaml-cpp's scanner keeps every token of
// an open flow collection until it closes, about 240 bytes a bracket, so a
// megabyte of '[' would cost 240 MB before the nesting limit or the value
// count could stop it; the raw text is checked first. A valid routine has a
// few hundred at most.
inline constexpr std::size_t max_flow_brackets = 10'000;

// Checks encoding (UTF-8, no NUL) and size (max_flow_brackets,
// max_yaml_values), and parses
// exactly one YAML document. Returns nothing, with problems added, when that
// fails.
std::optional<YAML::Node> parse_document(std::string_view text,
                                         Problems& problems);

// "a list", "a mapping", "text", "nothing": for type mismatch messages.
std::string_view describe(const YAML::Node& node);

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

  // Text scalar; reports a missing (when required), empty, non-text or
  // control-character value.
  std::optional<std::string> text(std::string_view key, bool required);
  std::optional<std::vector<std::string>> text_list(std::string_view key,
                                                    std::size_t max_items);
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

// Mark of `node`, or `fallback` when the node carries none (e.g. an empty
// value).
YAML::Mark mark_or(const YAML::Node& node, const YAML::Mark& fallback);

} // namespace knotrelief::routine::yaml
