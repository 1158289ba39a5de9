#include "remind/message.hpp"

#include <fmt/format.h>

namespace knotrelief::remind {

namespace {

std::string capitalized(std::string text)
{
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  }
  return text;
}

} // namespace

std::optional<Message> session_message(const coach::Plan& plan)
{
  // No area in play (no journal yet, or nothing for weeks): the reminders
  // were asked for, so they ask for a session rather than fall silent.
  if (plan.needs_area) {
    return Message{"Time for a self-massage session",
                   "Run: knotrelief today (it asks where it hurts)"};
  }
  std::vector<std::string> areas;
  for (const coach::AreaPlan& area : plan.areas) {
    if (area.state == coach::AreaState::planned) {
      areas.push_back(area.area);
    }
  }
  if (areas.empty()) {
    return std::nullopt;
  }
  std::string names = capitalized(areas.front());
  for (std::size_t i = 1; i < areas.size(); ++i) {
    names +=
      fmt::format("{}{}", i + 1 == areas.size() ? " and " : ", ", areas[i]);
  }
  const auto minutes = (plan.planned_seconds + 59) / 60;
  Message message{fmt::format("{}: a {}-minute session is due", names, minutes),
                  "Run: knotrelief today"};
  for (const coach::AreaPlan& area : plan.areas) {
    if (area.red_flag) {
      message.body += fmt::format(
        ". {} has been sore for more than two weeks: see a doctor or "
        "physiotherapist",
        capitalized(area.area));
    }
  }
  return message;
}

Message break_message()
{
  return {"Time for a movement break",
          "Stand up for a minute: roll the shoulders, reach overhead, take a "
          "few steps"};
}

std::string one_line(const Message& message)
{
  return fmt::format("{}. {}", message.summary, message.body);
}

} // namespace knotrelief::remind
