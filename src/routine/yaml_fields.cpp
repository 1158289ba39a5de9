#include "routine/yaml_fields.hpp"

#include "routine/yaml_document.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::routine::yaml {

namespace {

constexpr std::size_t max_text_length = 2000;

// Why `value` cannot be the text of a field of this kind, if it cannot.
std::optional<std::string> text_problem(std::string_view value, TextKind kind)
{
  // The file is UTF-8, but a YAML escape can still make a byte that is not
  // ("\N" and "\_" give the Latin-1 bytes 0x85 and 0xA0).
  if (auto fault = text::find_encoding_fault(value)) {
    return fmt::format("is not valid text ({}; a YAML escape such as \\N or "
                       "\\_ gives a byte that is not UTF-8)",
                       fault->problem);
  }
  if (auto fault = text::find_control_character(
        value, kind == TextKind::prose ? "\n" : "")) {
    return fmt::format("contains a {}; only printable text is allowed{}",
                       fault->problem,
                       kind == TextKind::line && value[fault->offset] == '\n'
                         ? " (and no line break)"
                         : "");
  }
  if (text::display_width(value) > max_text_length) {
    return fmt::format("is too long ({} characters; at most {})",
                       text::display_width(value),
                       max_text_length);
  }
  return std::nullopt;
}

} // namespace

std::string_view describe(const YAML::Node& node)
{
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar:
      return "text";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

Fields::Fields(const YAML::Node& map,
               Problems& problems,
               std::initializer_list<std::string_view> allowed_keys)
  : m_problems(problems)
  , m_map_mark(map.Mark())
{
  const std::vector<std::string> allowed(allowed_keys.begin(),
                                         allowed_keys.end());
  for (const auto& pair : map) {
    const YAML::Node& key = pair.first;
    if (!key.IsScalar()) {
      m_problems.add(
        mark_or(key, m_map_mark),
        fmt::format("a key must be a plain name, not {}", describe(key)));
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      m_problems.add(key.Mark(),
                     fmt::format("unknown key '{}'{}",
                                 name,
                                 text::did_you_mean(name, allowed)));
      continue;
    }
    if (const Entry* first = find(name)) {
      m_problems.add(key.Mark(),
                     fmt::format("duplicate key '{}' (first given on line {})",
                                 name,
                                 first->key_node.Mark().line + 1));
      continue;
    }
    m_entries.push_back({name, key, pair.second});
  }
}

const Fields::Entry* Fields::find(std::string_view key) const
{
  for (const Entry& entry : m_entries) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

bool Fields::has(std::string_view key) const
{
  return find(key) != nullptr;
}

const YAML::Node* Fields::node(std::string_view key) const
{
  const Entry* entry = find(key);
  return entry ? &entry->value : nullptr;
}

YAML::Mark Fields::key_mark(std::string_view key) const
{
  const Entry* entry = find(key);
  if (!entry) {
    return m_map_mark;
  }
  return entry->key_node.Mark();
}

void Fields::problem(std::string_view key, std::string message)
{
  const Entry* entry = find(key);
  if (!entry) {
    m_problems.add(m_map_mark, std::move(message));
    return;
  }
  const YAML::Mark fallback = entry->key_node.Mark();
  m_problems.add(mark_or(entry->value, fallback), std::move(message));
}

std::optional<std::string> Fields::scalar(const Entry& entry)
{
  const YAML::Node& value = entry.value;
  if (value.IsNull()) {
    problem(entry.key, fmt::format("'{}' is empty", entry.key));
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    problem(
      entry.key,
      fmt::format("'{}' must be text, not {}", entry.key, describe(value)));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::string> Fields::text(std::string_view key,
                                        bool required,
                                        TextKind kind)
{
  const Entry* entry = find(key);
  if (!entry) {
    if (required) {
      m_problems.add(m_map_mark, fmt::format("missing required key '{}'", key));
    }
    return std::nullopt;
  }
  auto value = scalar(*entry);
  if (!value) {
    return std::nullopt;
  }
  if (value->find_first_not_of(" \t\n") == std::string::npos) {
    problem(key, fmt::format("'{}' is empty", key));
    return std::nullopt;
  }
  if (auto fault = text_problem(*value, kind)) {
    problem(key, fmt::format("'{}' {}", key, *fault));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> Fields::text_list(std::string_view key,
                                                          std::size_t max_items,
                                                          TextKind kind)
{
  const Entry* entry = find(key);
  if (!entry) {
    return std::nullopt;
  }
  const YAML::Node& list = entry->value;
  if (!list.IsSequence()) {
    problem(key,
            fmt::format("'{}' must be a list (e.g. [a, b]), not {}",
                        key,
                        describe(list)));
    return std::nullopt;
  }
  if (list.size() > max_items) {
    problem(key,
            fmt::format("'{}' has {} items; at most {} are allowed",
                        key,
                        list.size(),
                        max_items));
    return std::nullopt;
  }
  std::vector<std::string> items;
  bool ok = true;
  for (const YAML::Node& item : list) {
    const YAML::Mark mark = mark_or(item, list.Mark());
    if (item.IsScalar() && item.Scalar().empty()) {
      m_problems.add(mark, fmt::format("an item of '{}' is empty", key));
      ok = false;
    } else if (!item.IsScalar()) {
      m_problems.add(mark,
                     fmt::format("each item of '{}' must be text, not {}",
                                 key,
                                 describe(item)));
      ok = false;
    } else if (auto fault = text_problem(item.Scalar(), kind)) {
      m_problems.add(mark, fmt::format("an item of '{}' {}", key, *fault));
      ok = false;
    } else {
      items.push_back(item.Scalar());
    }
  }
  if (!ok) {
    return std::nullopt;
  }
  return items;
}

std::optional<int> Fields::whole_number(std::string_view key, int min, int max)
{
  const Entry* entry = find(key);
  if (!entry) {
    return std::nullopt;
  }
  auto value = scalar(*entry);
  if (!value) {
    return std::nullopt;
  }
  const bool digits_only =
    !value->empty() && value->size() <= 9 &&
    value->find_first_not_of("0123456789") == std::string::npos;
  const int number = digits_only ? std::stoi(*value) : -1;
  if (!digits_only || number < min || number > max) {
    problem(key,
            fmt::format("'{}' must be a whole number from {} to {}, not '{}'",
                        key,
                        min,
                        max,
                        *value));
    return std::nullopt;
  }
  return number;
}

std::optional<DurationRange> Fields::duration(std::string_view key,
                                              int max_seconds,
                                              bool allow_range)
{
  const Entry* entry = find(key);
  if (!entry) {
    return std::nullopt;
  }
  auto value = scalar(*entry);
  if (!value) {
    return std::nullopt;
  }
  auto parsed = parse_duration(*value);
  if (!parsed) {
    problem(key, fmt::format("'{}': {}", key, parsed.error()));
    return std::nullopt;
  }
  if (parsed->is_range() && !allow_range) {
    problem(key, fmt::format("'{}' must be a single time, not a range", key));
    return std::nullopt;
  }
  if (parsed->high > max_seconds) {
    problem(key,
            fmt::format("'{}' of {} is longer than the limit of {}",
                        key,
                        format_duration(*parsed),
                        format_duration(max_seconds)));
    return std::nullopt;
  }
  return *parsed;
}

std::optional<YAML::Node> parse_mapping(std::string_view text,
                                        Problems& problems,
                                        std::string_view expected)
{
  auto document = parse_document(text, problems);
  if (document && !document->IsMap()) {
    problems.add(mark_or(*document, YAML::Mark()),
                 fmt::format("{}, not {}", expected, describe(*document)));
    return std::nullopt;
  }
  return document;
}

std::optional<YAML::Mark> for_each_listed(
  std::string_view text,
  Problems& problems,
  std::string_view key,
  std::string_view item,
  const std::function<void(const YAML::Node&)>& each)
{
  auto document = parse_document(text, problems);
  if (!document) {
    return std::nullopt;
  }
  if (!document->IsMap()) {
    problems.add(
      mark_or(*document, YAML::Mark()),
      fmt::format("the file must be a mapping with a '{}' list", key));
    return std::nullopt;
  }
  Fields top(*document, problems, {key});
  const YAML::Node* list = top.node(key);
  if (!list || !list->IsSequence()) {
    problems.add(top.map_mark(), fmt::format("'{}' must be a list", key));
    return std::nullopt;
  }
  for (const YAML::Node& node : *list) {
    if (node.IsMap()) {
      each(node);
    } else {
      problems.add(mark_or(node, list->Mark()),
                   fmt::format("each {} must be a mapping", item));
    }
  }
  return top.map_mark();
}

} // namespace knotrelief::routine::yaml
