#include "routine/yaml_document.hpp"

#include "util/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <span>
#include <spanstream>
#include <string>

namespace knotrelief::routine::yaml {

namespace {

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

// What makes a text no YAML document to parse at all: not UTF-8, empty, or
// more brackets than the parser can take. True when it is fit to parse.
bool check_before_parsing(std::string_view text, Problems& problems)
{
  if (auto fault = text::find_encoding_fault(text)) {
    const auto position = text::line_column_at(text, fault->offset);
    problems.add_at(position.line,
                    position.column,
                    fmt::format("{}: not a text file", fault->problem));
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    problems.add_at(1, 1, "file is empty");
    return false;
  }
  if (auto bracket = too_many_brackets(text)) {
    const auto position = text::line_column_at(text, *bracket);
    problems.add_at(position.line,
                    position.column,
                    fmt::format("too much YAML: more than {} '[' and '{{' in "
                                "one file",
                                max_flow_brackets));
    return false;
  }
  return true;
}

// Loads the text's first document; `second` is where another one starts.
// Every way yaml-cpp fails is a located problem.
std::optional<YAML::Node> load(std::string_view text,
                               std::optional<YAML::Mark>& second,
                               Problems& problems)
{
  try {
    second = scan_documents(text);
    // Read in place: no copy of a file of up to a megabyte.
    std::ispanstream stream(std::span<const char>(text.data(), text.size()));
    return YAML::Load(stream);
  } catch (const TooManyValues& e) {
    problems.add(e.mark,
                 fmt::format("too much YAML: more than {} values in one file",
                             max_yaml_values));
  } catch (const UnclosedQuote& e) {
    problems.add(e.mark,
                 "YAML syntax error: this quote is never closed, so the text "
                 "runs to the end of the file");
  } catch (const YAML::DeepRecursion& e) {
    problems.add(
      e.mark,
      fmt::format("YAML nesting is too deep (over {} levels)", e.depth() - 1));
  } catch (const YAML::ParserException& e) {
    problems.add(e.mark,
                 fmt::format("YAML syntax error: {}{}",
                             e.msg,
                             indented_with_tab(text, e.mark.line)
                               ? " (YAML indents with spaces, not tabs)"
                               : ""));
  } catch (const YAML::Exception& e) {
    problems.add(e.mark, fmt::format("cannot read YAML: {}", e.msg));
  }
  return std::nullopt;
}

// Says where the text held nothing a document could be read from.
void report_no_document(std::string_view text, Problems& problems)
{
  const std::size_t content = first_content(text);
  if (content == std::string_view::npos) {
    problems.add_at(1, 1, "file has no content (only comments?)");
  } else {
    const auto position = text::line_column_at(text, content);
    problems.add_at(position.line,
                    position.column,
                    "YAML syntax error: no document could be read here");
  }
}

} // namespace

std::optional<YAML::Node> parse_document(std::string_view text,
                                         Problems& problems)
{
  if (!check_before_parsing(text, problems)) {
    return std::nullopt;
  }
  std::optional<YAML::Mark> second;
  auto document = load(text, second, problems);
  if (!document) {
    return std::nullopt;
  }
  if (!document->IsDefined() || document->IsNull()) {
    report_no_document(text, problems);
    return std::nullopt;
  }
  if (second) {
    problems.add(*second,
                 "more than one YAML document; put one routine per file");
    return std::nullopt;
  }
  return document;
}

} // namespace knotrelief::routine::yaml
