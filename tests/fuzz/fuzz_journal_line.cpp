// libFuzzer target: the journal line parser. A line it accepts is written
// back by format_entry into a line that reads as the same entry, and holds
// no raw control character but the escaped newline, carriage return and
// tab; what `log` shows of it, and the reason for refusing a line, are
// printable (printable.hpp).
#include "journal/entry.hpp"
#include "journal/parse.hpp"
#include "printable.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size)
{
  using namespace knotrelief::journal;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  using knotrelief::fuzz::require_printable;
  auto entry = parse_entry(line);
  if (!entry) {
    require_printable(knotrelief::Diagnostic{{"journal", 1}, entry.error()});
    return 0;
  }
  const std::string written = format_entry(*entry);
  auto again = parse_entry(written);
  if (!again || !(*again == *entry) || format_entry(*again) != written) {
    std::abort();
  }
  if (knotrelief::text::find_control_character(entry->note, "\n\r\t")) {
    std::abort();
  }
  std::vector<std::string> cells{std::string(to_string(entry->status)),
                                 entry->note};
  cells.insert(cells.end(), entry->routines.begin(), entry->routines.end());
  cells.insert(cells.end(), entry->areas.begin(), entry->areas.end());
  for (const auto& [key, value] : entry->extra) {
    cells.push_back(key + "=" + value);
  }
  knotrelief::fuzz::require_printable_row(cells);
  require_printable(knotrelief::text::printable(written)); // log add's echo
  return 0;
}
