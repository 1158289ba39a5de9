#include "routine/yaml_fields.hpp"

#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <span>
#include <spanstream>

namespace knotrelief::routine::yaml {

namespace {

constexpr std::size_t max_text_length = 2000;

bool has_mark(const YAML::Mark& mark)
{
  return mark.line >= 0 && mark.column >= 0;
}

// Whether line `line` (0-based) of `text` starts its indentation with a tab.
bool indented_with_tab(std::string_view text, int line)
{
  std::size_t start = 0;
  for (int i = 0; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    start = start == std::string_view::npos ? start : start + 1;
  }
  if (start == std::string_view::npos) {
    return false;
  }
  const std::size_t first = text.find_first_not_of(' ', start);
  return first != std::string_view::npos && text[first] == '\t';
}

} // namespace

void Problems::add_at(int line, int column, std::string message)
{
  if (m_list.size() > max_problems) {
    return;
  }
  if (m_list.size() == max_problems) {
    message = "too many problems; stopping here";
  }
  m_list.push_back({{m_file, line, column}, std::move(message)});
}

std::vector<Diagnostic> Problems::take()
{
  // The "too many problems" note, if any, stays last.
  const auto end =
    m_list.size() > max_problems ? m_list.begin() + max_problems : m_list.end();
  std::stable_sort(m_list.begin(), end, [](auto& a, auto& b) {
    return std::pair(a.where.line, a.where.column) <
           std::pair(b.where.line, b.where.column);
  });
  return std::move(m_list);
}

void Problems::add(const YAML::Mark& mark, std::string message)
{
  if (has_mark(mark)) {
    add_at(mark.line + 1, mark.column + 1, std::move(message));
  } else {
    add_at(1, 1, std::move(message));
  }
}

YAML::Mark mark_or(const YAML::Node& node, const YAML::Mark& fallback)
{
  const YAML::Mark mark = node.Mark();
  return has_mark(mark) && node.IsDefined() && !node.IsNull() ? mark : fallback;
}

namespace {

// Thrown by DocumentScanner where a file passes max_yaml_values.
struct TooManyValues
{
  YAML::Mark mark;
};

// Thrown by DocumentScanner for a quote that is never closed: yaml-cpp 0.7
// lets such a text run silently to the end of the file.
struct UnclosedQuote
{
  YAML::Mark mark;
};

// Whether the quoted text starting at `at` (a ' or ") ends before the end.
bool quote_is_closed(std::string_view text, std::size_t at)
{
  const char quote = text[at];
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    // Skipped: an escaped character in double quotes, and '' (a quote)
    // inside single quotes.
    const bool pair_inside = (quote == '"' && text[i] == '\\') ||
                             (quote == '\'' && text[i] == '\'' &&
                              i + 1 < text.size() && text[i + 1] == '\'');
    if (pair_inside) {
      ++i;
    } else if (text[i] == quote) {
      return true;
    }
  }
  return false;
}

// Counts the values of every document, and notes whether each document's
// root is empty (only the first node event after a document start decides).
class DocumentScanner : public YAML::EventHandler
{
public:
  // yaml-cpp counts positions after a byte-order mark.
  explicit DocumentScanner(std::string_view text)
    : m_text(text)
    , m_bom_size(text.starts_with("\xEF\xBB\xBF") ? 3 : 0)
  {}

  void OnDocumentStart(const YAML::Mark& mark) override
  {
    m_mark = mark;
    m_seen_root = false;
    m_null_root = false;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override
  {
    value(mark, true);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override
  {
    value(mark, false);
  }
  void OnScalar(const YAML::Mark& mark,
                const std::string& tag,
                YAML::anchor_t,
                const std::string&) override
  {
    value(mark, false);
    // yaml-cpp tags quoted scalars "!"; `mark` is at the opening quote.
    const auto at = static_cast<std::size_t>(mark.pos) + m_bom_size;
    if (tag == "!" && mark.pos >= 0 && at < m_text.size() &&
        (m_text[at] == '"' || m_text[at] == '\'') &&
        !quote_is_closed(m_text, at)) {
      throw UnclosedQuote{mark};
    }
  }
  void OnSequenceStart(const YAML::Mark& mark,
                       const std::string&,
                       YAML::anchor_t,
                       YAML::EmitterStyle::value) override
  {
    value(mark, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark,
                  const std::string&,
                  YAML::anchor_t,
                  YAML::EmitterStyle::value) override
  {
    value(mark, false);
  }
  void OnMapEnd() override {}

  bool null_root() const { return m_null_root; }
  const YAML::Mark& mark() const { return m_mark; }

private:
  void value(const YAML::Mark& mark, bool null)
  {
    if (++m_values > max_yaml_values) {
      throw TooManyValues{mark};
    }
    if (!m_seen_root) {
      m_seen_root = true;
      m_null_root = null;
    }
  }

  std::string_view m_text;
  std::size_t m_bom_size;
  YAML::Mark m_mark;
  std::size_t m_values = 0;
  bool m_seen_root = false;
  bool m_null_root = false;
};

// Streams through the text without building nodes: throws TooManyValues or
// the parser's own exceptions, and returns where a second document starts,
// if the text has one. (Also the reason documents are walked here at all:
// yaml-cpp 0.7's LoadAll loops forever on some invalid input, such as a lone
// ','; upstream issue 1040.)
std::optional<YAML::Mark> scan_documents(std::string_view text)
{
  std::ispanstream stream(std::span<const char>(text.data(), text.size()));
  YAML::Parser parser(stream);
  DocumentScanner scanner(text);
  for (int document = 0; document < 2; ++document) {
    if (!parser.HandleNextDocument(scanner)) {
      return std::nullopt;
    }
    if (document == 1 && !scanner.null_root()) {
      return scanner.mark();
    }
  }
  return std::nullopt;
}

// Where the bracket past max_flow_brackets is, if there is one.
std::optional<std::size_t> too_many_brackets(std::string_view text)
{
  std::size_t count = 0;
  for (std::size_t at = text.find_first_of("[{"); at != std::string_view::npos;
       at = text.find_first_of("[{", at + 1)) {
    if (++count > max_flow_brackets) {
      return at;
    }
  }
  return std::nullopt;
}

// Position of the first character that is not blank or a comment.
std::size_t first_content(std::string_view text)
{
  std::size_t at = 0;
  while (at < text.size()) {
    at = text.find_first_not_of(" \t\r\n", at);
    if (at == std::string_view::npos || text[at] != '#') {
      return at;
    }
    at = text.find('\n', at);
  }
  return std::string_view::npos;
}

} // namespace

std::optional<YAML::Node> parse_document(std::string_view text,
                                         Problems& problems)
{
  if (auto fault = text::find_encoding_fault(text)) {
    const auto position = text::line_column_at(text, fault->offset);
    problems.add_at(position.line,
                    position.column,
                    fmt::format("{}: not a text file", fault->problem));
    return std::nullopt;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    problems.add_at(1, 1, "file is empty");
    return std::nullopt;
  }
  if (auto bracket = too_many_brackets(text)) {
    const auto position = text::line_column_at(text, *bracket);
    problems.add_at(position.line,
                    position.column,
                    fmt::format("too much YAML: more than {} '[' and '{{' in "
                                "one file",
                                max_flow_brackets));
    return std::nullopt;
  }
  YAML::Node document;
  std::optional<YAML::Mark> second;
  try {
    second = scan_documents(text);
    // Read in place: no copy of a file of up to a megabyte.
    std::ispanstream stream(std::span<const char>(text.data(), text.size()));
    document = YAML::Load(stream);
  } catch (const TooManyValues& e) {
    problems.add(e.mark,
                 fmt::format("too much YAML: more than {} values in one file",
                             max_yaml_values));
    return std::nullopt;
  } catch (const UnclosedQuote& e) {
    problems.add(e.mark,
                 "YAML syntax error: this quote is never closed, so the text "
                 "runs to the end of the file");
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    problems.add(
      e.mark,
      fmt::format("YAML nesting is too deep (over {} levels)", e.depth() - 1));
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    problems.add(e.mark,
                 fmt::format("YAML syntax error: {}{}",
                             e.msg,
                             indented_with_tab(text, e.mark.line)
                               ? " (YAML indents with spaces, not tabs)"
                               : ""));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    problems.add(e.mark, fmt::format("cannot read YAML: {}", e.msg));
    return std::nullopt;
  }
  if (!document.IsDefined() || document.IsNull()) {
    const std::size_t content = first_content(text);
    if (content == std::string_view::npos) {
      problems.add_at(1, 1, "file has no content (only comments?)");
    } else {
      const auto position = text::line_column_at(text, content);
      problems.add_at(position.line,
                      position.column,
                      "YAML syntax error: no document could be read here");
    }
    return std::nullopt;
  }
  if (second) {
    problems.add(*second,
                 "more than one YAML document; put one routine per file");
    return std::nullopt;
  }
  return document;
}

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

std::optional<std::string> Fields::text(std::string_view key, bool required)
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
  if (text::find_control_character(*value)) {
    problem(key,
            fmt::format("'{}' contains a control character; only printable "
                        "text is allowed",
                        key));
    return std::nullopt;
  }
  if (text::display_width(*value) > max_text_length) {
    problem(key,
            fmt::format("'{}' is too long ({} characters; at most {})",
                        key,
                        text::display_width(*value),
                        max_text_length));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> Fields::text_list(std::string_view key,
                                                          std::size_t max_items)
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
    if (!item.IsScalar() || item.Scalar().empty()) {
      m_problems.add(mark,
                     fmt::format("each item of '{}' must be text, not {}",
                                 key,
                                 describe(item)));
      ok = false;
    } else if (text::find_control_character(item.Scalar()) ||
               text::display_width(item.Scalar()) > max_text_length) {
      m_problems.add(mark,
                     fmt::format("an item of '{}' has a control character or "
                                 "is too long",
                                 key));
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

} // namespace knotrelief::routine::yaml
