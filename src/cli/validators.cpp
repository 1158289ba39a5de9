#include "cli/validators.hpp"

#include "journal/entry.hpp"
#include "journal/parse.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace knotrelief::cli {

namespace {

// The whole of `text` as a number, or nothing.
template <typename Number>
std::optional<Number> parse_number(const std::string& text)
{
  Number value{};
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) {
    return std::nullopt;
  }
  return value;
}

template <typename Number>
CLI::Validator number_validator(Number low, Number high, std::string_view kind)
{
  std::string expected =
    fmt::format("must be {} from {} to {}", kind, low, high);
  return CLI::Validator(
    [low, high, expected](std::string& text) -> std::string {
      const auto value = parse_number<Number>(text);
      // Written so that NaN, which compares false to everything, fails.
      if (!value || !(*value >= low && *value <= high)) {
        return fmt::format("{}, not '{}'", expected, text);
      }
      // What CLI11 then converts: plain decimal. It would read "010" as
      // octal 8 and refuse "08".
      text = fmt::format("{}", *value);
      return {};
    },
    "");
}

} // namespace

CLI::Validator whole_number(int low, int high)
{
  return number_validator(low, high, "a whole number");
}

CLI::Validator decimal_number(double low, double high)
{
  return number_validator(low, high, "a number");
}

CLI::Validator one_of(std::vector<std::string> words)
{
  return CLI::Validator(
    [words = std::move(words)](std::string& text) -> std::string {
      if (std::find(words.begin(), words.end(), text) != words.end()) {
        return {};
      }
      return fmt::format(
        "must be {}, not '{}'", text::quoted_list(words), text);
    },
    "");
}

CLI::Validator journal_text()
{
  return CLI::Validator(
    [](std::string& text) -> std::string {
      if (auto problem = journal::field_text_problem(text)) {
        return fmt::format("must not hold {} (newlines and tabs are fine)",
                           *problem);
      }
      return {};
    },
    "");
}

CLI::Validator not_empty()
{
  return CLI::Validator(
    [](std::string& text) -> std::string {
      return text.empty() ? "must not be empty" : "";
    },
    "");
}

CLI::Validator existing_folder()
{
  return CLI::Validator(
    [](std::string& text) -> std::string {
      std::error_code error;
      const auto status = std::filesystem::status(text, error);
      if (!std::filesystem::exists(status)) {
        return fmt::format("no such folder: {}", text);
      }
      if (!std::filesystem::is_directory(status)) {
        return fmt::format("not a folder: {}", text);
      }
      return {};
    },
    "");
}

} // namespace knotrelief::cli
