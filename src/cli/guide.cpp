#include "cli/guide.hpp"

#include "cli/run_dialog.hpp"
#include "journal/reader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace knotrelief::cli {

void print_guide(Context& context)
{
  std::FILE* out = context.out();
  const std::size_t width = layout_width(context);
  bool first = true;
  for (const auto& section : guide().sections) {
    if (!first) {
      safe_print(out, "\n");
    }
    safe_print(out, "{}\n", section.title);
    first = false;
    for (const auto& point : section.points) {
      print_wrapped(out, point, 4, width, "  -");
    }
    if (!section.note.empty()) {
      print_wrapped(out, section.note, 2, width);
    }
  }
}

void print_panel(Context& context, const routine::Panel& panel)
{
  const std::size_t width = layout_width(context);
  safe_print(context.out(), "{}\n", panel.title);
  for (const auto& line : panel.lines) {
    print_wrapped(context.out(), line, 4, width, "  -");
  }
}

void add_to_history(JournalHistory& history, const journal::Entry& entry)
{
  ++history.sessions;
  // After `signs` the area is asked about again, until it is clear.
  if (entry.checked == journal::Checked::clear) {
    history.checked_areas.insert(entry.areas.begin(), entry.areas.end());
    // A routine without an area is remembered by its id.
    history.checked_areas.insert(entry.routines.begin(), entry.routines.end());
  }
}

std::vector<std::string> areas_to_check(const session::Timeline& timeline,
                                        const JournalHistory& history)
{
  std::vector<std::string> areas;
  for (const auto& routine : timeline.routines) {
    const std::string& area = routine.area.empty() ? routine.id : routine.area;
    if (!history.checked_areas.contains(area) &&
        std::find(areas.begin(), areas.end(), area) == areas.end()) {
      areas.push_back(area);
    }
  }
  return areas;
}

namespace {

std::string joined_areas(const std::vector<std::string>& areas)
{
  std::string text;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    text += i == 0 ? "" : i + 1 == areas.size() ? " and " : ", ";
    text += areas[i];
  }
  return text;
}

} // namespace

CheckAnswer check_for_signs(Context& context,
                            term::SignalPipe& signals,
                            const std::vector<std::string>& areas)
{
  CheckAnswer answer;
  if (areas.empty()) {
    return answer;
  }
  // The signs were listed just above, with the routine's safety notes.
  safe_print(context.out(),
             "\nA quick check, once for each body area ({}).\n",
             joined_areas(areas));
  const auto any = ask_yes(context,
                           signals,
                           "Does any of the signs above apply? [y/N] ",
                           answer.signal);
  if (any == false) {
    answer.checked = journal::Checked::clear;
    return answer;
  }
  if (any) {
    print_wrapped(context.out(),
                  guide_section("professional").note,
                  2,
                  layout_width(context));
    safe_print(context.out(),
               "  Please have it seen to before you work on it yourself.\n");
    const auto go_on =
      ask_yes(context, signals, "Go on anyway? [y/N] ", answer.signal);
    if (go_on == true) {
      answer.checked = journal::Checked::signs;
      return answer;
    }
  }
  // No answer (the input ended) is no leave to go on.
  answer.stop = answer.signal == 0;
  return answer;
}

int show_intro(Context& context,
               term::SignalPipe& signals,
               const JournalHistory& history,
               bool interactive)
{
  const routine::Panel panel = routine::intro_panel(guide(), history.sessions);
  safe_print(context.out(), "\n");
  if (history.sessions > 0) {
    print_wrapped(context.out(),
                  panel.title + ": " + panel.lines.front(),
                  0,
                  layout_width(context));
    safe_print(context.out(), "\n");
    return 0;
  }
  print_panel(context, panel);
  if (!interactive) {
    safe_print(context.out(), "\n");
    return 0;
  }
  return wait_for_enter(
    context, signals, "Press Enter when you are ready to begin. ");
}

void show_closing(Context& context, const JournalHistory& history)
{
  const routine::Panel panel =
    routine::closing_panel(guide(), history.sessions);
  safe_print(context.out(), "\n");
  print_panel(context, panel);
}

} // namespace knotrelief::cli
