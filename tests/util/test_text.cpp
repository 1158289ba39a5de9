#include "util/text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace knotrelief::text;

TEST_SUITE("text")
{
  TEST_CASE("edit distance counts swaps as one edit")
  {
    CHECK(edit_distance("neck", "neck") == 0);
    CHECK(edit_distance("nek", "neck") == 1);
    CHECK(edit_distance("nekc", "neck") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
  }

  TEST_CASE("did you mean")
  {
    const std::vector<std::string> ids{
      "neck", "back", "calves", "tennis-ball", "tennis-ball-wall"};
    CHECK(did_you_mean("nek", ids) == "; did you mean 'neck'?");
    CHECK(did_you_mean("calfs", ids) == "; did you mean 'calves'?");
    CHECK(did_you_mean("NECK", ids) == "; did you mean 'neck'?");
    CHECK(did_you_mean("tennis", ids) ==
          "; did you mean 'tennis-ball' or 'tennis-ball-wall'?");
    CHECK(did_you_mean("zzzzzzzz", ids).empty());
    CHECK(closest_names("bakc", ids).at(0) == "back");
  }

  TEST_CASE("quoted lists")
  {
    const std::vector<std::string> names{"a", "b", "c"};
    CHECK(quoted_list(names) == "'a', 'b' or 'c'");
    CHECK(quoted_list(std::vector<std::string>{"a"}) == "'a'");
    CHECK(quoted_list(names, "and") == "'a', 'b' and 'c'");
  }

  TEST_CASE("encoding faults")
  {
    CHECK_FALSE(find_encoding_fault("plain ascii").has_value());
    CHECK_FALSE(find_encoding_fault("caf\xc3\xa9 \xe2\x80\xa6 \xf0\x9f\x92\xaa")
                  .has_value());
    auto nul = find_encoding_fault(std::string_view("ab\0c", 4));
    REQUIRE(nul.has_value());
    CHECK(nul->offset == 2);
    CHECK(nul->problem.find("NUL") != std::string::npos);
    auto latin1 = find_encoding_fault("caf\xe9");
    REQUIRE(latin1.has_value());
    CHECK(latin1->offset == 3);
    CHECK(find_encoding_fault("\xc0\xaf").has_value());         // overlong '/'
    CHECK(find_encoding_fault("\xed\xa0\x80").has_value());     // surrogate
    CHECK(find_encoding_fault("\xf4\x90\x80\x80").has_value()); // past U+10FFFF
    CHECK(find_encoding_fault("\xe2\x80").has_value());         // cut short
  }

  TEST_CASE("the checks find a fault at any place in a long ASCII text")
  {
    // The checks skip printable ASCII eight bytes at a time: a fault must
    // be found wherever it falls in or across those words.
    const std::string_view faults[] = {"\x1b", "\x7f", "\x01", "\t", "\xff"};
    for (std::size_t at = 0; at < 40; ++at) {
      for (std::string_view fault : faults) {
        CAPTURE(at);
        CAPTURE(printable(fault));
        std::string text(40, '~');
        text.replace(at, 1, fault);
        const auto control = find_control_character(text);
        const auto encoding = find_encoding_fault(text);
        if (fault == "\xff") {
          REQUIRE(encoding.has_value());
          CHECK(encoding->offset == at);
          CHECK_FALSE(control.has_value());
        } else {
          REQUIRE(control.has_value());
          CHECK(control->offset == at);
          CHECK_FALSE(encoding.has_value());
        }
      }
      std::string accented(40, ' ');
      accented.replace(at, 1, "\xc3\xa9");
      CHECK_FALSE(find_control_character(accented).has_value());
      CHECK_FALSE(find_encoding_fault(accented).has_value());
    }
  }

  TEST_CASE("control characters")
  {
    CHECK_FALSE(find_control_character("tab\tand\nnewline", "\t\n"));
    CHECK(find_control_character("tab\tand\nnewline", "\n")->offset == 3);
    CHECK(find_control_character("line\n").has_value());
    CHECK(find_control_character("\x1b[31m").has_value());
    CHECK(find_control_character("\x1b[31m")->problem ==
          "control character \\e");
    CHECK(find_control_character("bell\a").has_value());
    CHECK(find_control_character("del\x7f").has_value());
    CHECK(find_control_character("c1 \xc2\x9b")->problem ==
          "control character \\x9b");
    CHECK(find_control_character("rlo \u202e")->problem ==
          "control character \\u202e");
    CHECK(find_control_character("isolate \u2066").has_value());
    CHECK(find_control_character("mark \u200f").has_value());
    CHECK_FALSE(find_control_character("nbsp \xc2\xa0").has_value());
    CHECK_FALSE(find_control_character("caf\xc3\xa9 \u4e2d").has_value());
  }

  TEST_CASE("printable: every class of byte is shown visibly")
  {
    CHECK(printable("plain text \\ kept") == "plain text \\ kept");
    CHECK(printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(printable("a\nb", LineBreak::symbol) == "a\u23ceb");
    CHECK(printable("\x1b]52;c;aGk=\a") == "\\e]52;c;aGk=\\x07");
    CHECK(printable(std::string_view("nul\0", 4)) == "nul\\x00");
    CHECK(printable("\x01\x1f\x7f") == "\\x01\\x1f\\x7f");
    // C1 controls, as UTF-8 and as lone bytes (not UTF-8).
    CHECK(printable("\xc2\x9b"
                    "31m \xc2\x80") == "\\x9b"
                                       "31m \\x80");
    CHECK(printable("\x9b"
                    "31m") == "\\x9b"
                              "31m");
    CHECK(printable("caf\xe9 \xff") == "caf\\xe9 \\xff");
    CHECK(printable("\xe2\x80") == "\\xe2\\x80"); // cut short
    // Bidi overrides, embeddings, isolates and marks.
    CHECK(printable("abc\u202etxt.exe") == "abc\\u202etxt.exe");
    CHECK(printable("\u202a\u202b\u202c\u202d") ==
          "\\u202a\\u202b\\u202c\\u202d");
    CHECK(printable("\u2066\u2067\u2068\u2069") ==
          "\\u2066\\u2067\\u2068\\u2069");
    CHECK(printable("\u200e\u200f\u061c") == "\\u200e\\u200f\\u061c");
    // What the C library has no width for: a line separator, a
    // noncharacter.
    CHECK(printable("a\u2028b") == "a\\u2028b");
    CHECK(printable("\U0010ffff") == "\\u10ffff");
    // Printable text beyond ASCII is kept.
    const std::string kept =
      "caf\xc3\xa9 \u4e2d\u6587 e\u0301 \U0001F600 \u00a0";
    CHECK(printable(kept) == kept);
    // Shown text has no control character, and showing it again changes
    // nothing.
    std::string every_byte;
    for (int byte = 0; byte < 256; ++byte) {
      every_byte += static_cast<char>(byte);
      every_byte += "\xc2";
      every_byte += static_cast<char>(byte);
    }
    const std::string shown = printable(every_byte);
    CHECK_FALSE(find_control_character(shown));
    CHECK_FALSE(find_encoding_fault(shown));
    CHECK(printable(shown) == shown);
  }

  TEST_CASE("for an ASCII output, every character beyond ASCII is escaped")
  {
    const auto is_printable_ascii = [](const std::string& text) {
      return std::all_of(
        text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
    };
    const ScopedOutputCharset ascii(Charset::ascii);
    CHECK(output_charset() == Charset::ascii);
    CHECK(printable("Stretch \xc4\x9b[2J") == "Stretch \\u011b[2J");
    CHECK(printable("\xe2\x80\x9b") == "\\u201b");
    CHECK(printable("\xc2\x9b") == "\\x9b");
    CHECK(printable("caf\xc3\xa9 \u00a0") == "caf\\u00e9 \\u00a0");
    CHECK(printable("\u4e2d\U0001F600") == "\\u4e2d\\u1f600");
    CHECK(printable("e\u0301") == "e\\u0301"); // a mark on its own
    CHECK(printable("caf\xe9 \xff") == "caf\\xe9 \\xff");
    CHECK(printable("a\nb", LineBreak::symbol) == "a\\nb");
    // Every byte 0x80-0xFF: alone (not UTF-8), as the last byte of a valid
    // two-, three- and four-byte character, and as a lead byte followed by
    // continuation bytes (valid or not, as it comes).
    for (int byte = 0x80; byte <= 0xFF; ++byte) {
      const char b = static_cast<char>(byte);
      for (const std::string& text : {std::string(1, b),
                                      "\xc4" + std::string(1, b),
                                      "\xe2\x80" + std::string(1, b),
                                      "\xf0\x9f\x98" + std::string(1, b),
                                      b + std::string("\x80"),
                                      b + std::string("\xa0\x80"),
                                      b + std::string("\x90\x80\x80")}) {
        CAPTURE(byte);
        const std::string shown = printable(text);
        CHECK(is_printable_ascii(shown));
        CHECK(printable(shown) == shown);
        CHECK(display_width(text) == shown.size());
      }
    }
  }

  TEST_CASE("for an ASCII output, widths are those of the escapes")
  {
    const ScopedOutputCharset ascii(Charset::ascii);
    CHECK(display_width("\xc4\x9b") == 6); // \u011b
    CHECK(display_width("\u4e2d") == 6);   // not 2
    CHECK(display_width("e\u0301") == 7);  // e\u0301
    CHECK(fit_width("\xc4\x9b\xc4\x9b", 12, false) == "\\u011b\\u011b");
    CHECK(fit_width("\xc4\x9b\xc4\x9b", 11, false) == "\\u011b...  ");
    CHECK(fit_width("\xc4\x9b\xc4\x9b", 8, false) == "...     ");
    CHECK(wrap("\xc4\x9b \xc4\x9b", 10) ==
          std::vector<std::string>{"\\u011b", "\\u011b"});
  }

  TEST_CASE("the output character set is UTF-8 unless set, and put back")
  {
    CHECK(output_charset() == Charset::utf8);
    {
      const ScopedOutputCharset ascii(Charset::ascii);
      CHECK(printable("\xc4\x9b") == "\\u011b");
    }
    CHECK(output_charset() == Charset::utf8);
    CHECK(printable("\xc4\x9b") == "\xc4\x9b");
  }

  TEST_CASE("shown_format passes text arguments through printable")
  {
    const std::string name = "evil\x1b[2J";
    CHECK(shown_format("unknown '{}' ({} of {})\n", name, 1, 2) ==
          "unknown 'evil\\e[2J' (1 of 2)\n");
    CHECK(shown_format("{}", "\a") == "\\x07");
  }

  TEST_CASE("terminal widths: wide 2, combining 0, escapes as shown")
  {
    CHECK(code_point_width(U'a') == 1);
    CHECK(code_point_width(U'\u4e2d') == 2);     // CJK
    CHECK(code_point_width(U'\uac00') == 2);     // Hangul
    CHECK(code_point_width(U'\uff21') == 2);     // fullwidth A
    CHECK(code_point_width(U'\U0001F600') == 2); // emoji
    CHECK(code_point_width(U'\u0301') == 0);     // combining acute
    CHECK(code_point_width(U'\u200b') == 0);     // zero-width space
    CHECK(code_point_width(U'\x1b') == -1);
    CHECK(display_width("\u4e2d\u6587") == 4);
    CHECK(display_width("\U0001F600!") == 3);
    CHECK(display_width("e\u0301") == 1);
    CHECK(display_width("\x1b[1m") == 5);  // "\e[1m"
    CHECK(display_width("\xc2\x9b") == 4); // "\x9b"
    const auto shown = glyphs("e\u0301\u4e2d");
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].text == "e\u0301");
    CHECK(shown[0].width == 1);
    CHECK(shown[1].width == 2);
  }

  TEST_CASE("fit_width never splits a character, its marks or an escape")
  {
    // Wide characters: a half that does not fit is a blank.
    CHECK(fit_width("\u4e2d\u6587\u5b57", 4, true) == "\u4e2d\u2026 ");
    CHECK(fit_width("\u4e2d\u6587\u5b57", 6, true) == "\u4e2d\u6587\u5b57");
    CHECK(fit_width("\u4e2d\u6587", 5, true) == "\u4e2d\u6587 ");
    CHECK(display_width(fit_width("\u4e2d\u6587\u5b57x", 6, false)) == 6);
    // Combining marks stay with their letter.
    CHECK(fit_width("e\u0301e\u0301e\u0301", 3, true) ==
          "e\u0301e\u0301e\u0301");
    CHECK(fit_width("e\u0301e\u0301e\u0301e\u0301", 3, true) ==
          "e\u0301e\u0301\u2026");
    // An escape sequence is shown, and cut whole, never half.
    const std::string osc = "ab\x1b]0;title\a rest";
    const std::string fitted = fit_width(osc, 5, true);
    CHECK(fitted == "ab\\e\u2026");
    CHECK(fitted.find('\x1b') == std::string::npos);
    CHECK(fit_width("ab\xc2\x9b", 5, false) == "ab...");
    CHECK(fit_width("ab\xc2\x9b", 6, false) == "ab\\x9b");
    for (std::size_t width = 0; width < 12; ++width) {
      CAPTURE(width);
      const std::string cut =
        fit_width("\x1b[31m\u4e2d\U0001F600e\u0301", width, true);
      CHECK(display_width(cut) == width);
      CHECK_FALSE(find_control_character(cut));
      CHECK_FALSE(find_encoding_fault(cut));
    }
  }

  TEST_CASE("wrap measures wide characters and shows controls")
  {
    CHECK(wrap("\u4e2d\u6587 \u4e2d\u6587 \u4e2d", 9) ==
          std::vector<std::string>{"\u4e2d\u6587 \u4e2d\u6587", "\u4e2d"});
    CHECK(wrap("\u4e2d\u6587 \u4e2d\u6587", 8) ==
          std::vector<std::string>{"\u4e2d\u6587", "\u4e2d\u6587"});
    CHECK(wrap("a\x1b[2Jb c\td", 20) ==
          std::vector<std::string>{"a\\e[2Jb c\\td"});
  }

  TEST_CASE("line and column of an offset count characters")
  {
    const std::string text = "ab\ncd\xc3\xa9"
                             "f\n";
    CHECK(line_column_at(text, 0).line == 1);
    CHECK(line_column_at(text, 4).line == 2);
    CHECK(line_column_at(text, 4).column == 2);
    // 'f' comes after the two-byte é: byte 7, column 4.
    CHECK(line_column_at(text, 7).column == 4);
  }

  TEST_CASE("widths, fitting and wrapping")
  {
    CHECK(display_width("caf\xc3\xa9") == 4);
    CHECK(fit_width("abc", 5, true) == "abc  ");
    CHECK(fit_width("abcdef", 4, true) == "abc\xe2\x80\xa6");
    CHECK(fit_width("abcdef", 4, false) == "a...");
    CHECK(wrap("one two three four", 9) ==
          std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap("", 10) == std::vector<std::string>{""});
    CHECK(wrap("averyveryverylongword x", 5) ==
          std::vector<std::string>{"averyveryverylongword", "x"});
    CHECK(to_lower("NeCk") == "neck");
  }
}
