#pragma once

// The report as HTML (one self-contained page: inline CSS and SVG, no
// script, printable), Markdown or plain text, the same facts in each (the
// text forms without the chart). Each returns the whole document; nothing
// here prints.

#include "report/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace knotrelief::report {

enum class Format
{
  html,
  markdown,
  text
};

// "html", "md" or "text".
std::optional<Format> parse_format(std::string_view name);

std::string render(const Report& report, Format format, bool unicode = true);
std::string render_html(const Report& report);
std::string render_markdown(const Report& report);
// `unicode`: table rules and line-break marks in UTF-8 (else ASCII).
std::string render_text(const Report& report, bool unicode = true);

// Text as HTML character data or a quoted attribute value: & < > " ' as
// character references, control characters but newline and tab as U+FFFD.
// Every piece of text written to HTML goes through this.
std::string escape_html(std::string_view text);

// User text for Markdown: shown through text::printable() (control
// characters and newlines escaped, so it stays on its line), then every
// character Markdown gives a meaning to (\ ` * _ [ ] < > # | ! ~ &, and
// - + . = at the start) backslash-escaped, so that a note cannot forge a
// heading, a link, an image, a table cell or HTML.
std::string escape_markdown(std::string_view text);

} // namespace knotrelief::report
