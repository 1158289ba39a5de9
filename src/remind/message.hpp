#pragma once

// What a reminder says, from the coach's plan for today. Pure.

#include "coach/plan.hpp"

#include <optional>
#include <string>

namespace knotrelief::remind {

struct Message
{
  std::string summary; // "Neck: a 6-minute session is due"
  std::string body;    // the command to run, and any warning
};

// The reminder for `plan`, or nothing when no session is planned today (all
// done, or nothing due). With no area in play (no session in the coach's
// window) it asks for one.
std::optional<Message> session_message(const coach::Plan& plan);

// The movement break's message.
Message break_message();

// "Neck: a 6-minute session is due. Run: knotrelief today": a message as one
// line, for where no notification can be shown.
std::string one_line(const Message& message);

} // namespace knotrelief::remind
