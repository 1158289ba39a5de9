#pragma once

#include <chrono>

namespace knotrelief::session {

using TimePoint = std::chrono::steady_clock::time_point;
using Millis = std::chrono::milliseconds;

// A monotonic clock, passed in so tests can drive time by hand.
class Clock
{
public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SteadyClock : public Clock
{
public:
  TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

// A clock that moves only when told to.
class FakeClock : public Clock
{
public:
  TimePoint now() const override { return m_now; }
  void advance(Millis by) { m_now += by; }
  void set(TimePoint to) { m_now = to; }

private:
  TimePoint m_now{};
};

} // namespace knotrelief::session
