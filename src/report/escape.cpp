#include "report/render.hpp"
#include "util/text.hpp"

namespace knotrelief::report {

std::optional<Format> parse_format(std::string_view name)
{
  if (name == "html") {
    return Format::html;
  }
  if (name == "md") {
    return Format::markdown;
  }
  if (name == "text") {
    return Format::text;
  }
  return std::nullopt;
}

std::string render(const Report& report, Format format, bool unicode)
{
  switch (format) {
    case Format::html:
      return render_html(report);
    case Format::markdown:
      return render_markdown(report);
    case Format::text:
      break;
  }
  return render_text(report, unicode);
}

std::string escape_html(std::string_view text)
{
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      case '\n':
      case '\t':
        escaped += c;
        break;
      default:
        // Other control characters are not allowed in HTML: shown as U+FFFD.
        if ((c >= 0 && c < ' ') || c == '\x7f') {
          escaped += "\uFFFD";
        } else {
          escaped += c;
        }
    }
  }
  return escaped;
}

std::string escape_markdown(std::string_view text)
{
  static constexpr std::string_view active = "\\`*_[]<>#|!~&";
  static constexpr std::string_view active_first = "-+.=";
  const std::string shown = text::printable(text);
  std::string escaped;
  escaped.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const char c = shown[i];
    if (active.find(c) != std::string_view::npos ||
        (i == 0 && active_first.find(c) != std::string_view::npos)) {
      escaped += '\\';
    }
    escaped += c;
  }
  return escaped;
}

} // namespace knotrelief::report
