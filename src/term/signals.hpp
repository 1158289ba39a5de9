#pragma once

#include <csignal>
#include <optional>
#include <termios.h>
#include <vector>

namespace knotrelief::term {

// The signals whose default action ends the process and that a program can
// catch and carry on after: hang-up, Ctrl-C, Ctrl-\\, TERM, USR1/2, the
// timers, CPU limit, I/O, power, stack fault, bad system call, trap and
// every real-time signal. A session ends on each of them as on SIGTERM: the
// terminal is restored, the session logged, and the exit status is 128 +
// the number. Left out: SIGKILL (cannot be caught); SIGPIPE (a session
// ignores it and treats a failed write as the reader having gone); SIGXFSZ
// (ignored by the program: a write past the size limit fails instead); and
// the faults (see FaultGuard).
const std::vector<int>& ending_signals();
bool ends_process(int signal_number);

// Routes signals into a pipe (the self-pipe trick), so the session loop sees
// them as ordinary input in poll(2) and handles them in normal code rather
// than in a handler. Restores the previous handlers on destruction.
class SignalPipe
{
public:
  explicit SignalPipe(std::vector<int> signals);
  ~SignalPipe();
  SignalPipe(const SignalPipe&) = delete;
  SignalPipe& operator=(const SignalPipe&) = delete;

  int fd() const;
  // The next signal received, if any (never blocks).
  std::optional<int> take();

  // Stops the process as the default SIGTSTP action would, then returns when
  // it is continued.
  static void stop_process();

private:
  std::vector<int> m_signals;
  std::vector<struct sigaction> m_previous;
};

// While it lives, a fault - SIGSEGV, SIGBUS, SIGFPE, SIGILL or SIGABRT, the
// signals after which a program cannot go on - first puts the terminal back
// (the settings in `saved` on `fd`, and what `restore` names on stdout),
// then takes its previous course (a core dump by default). Only
// async-signal-safe calls are made. One guard at a time.
class FaultGuard
{
public:
  struct Restore
  {
    bool screen = false; // the normal screen and the cursor
    bool title = false;  // the window title saved on the title stack
  };
  FaultGuard(int fd, const termios* saved, Restore restore);
  ~FaultGuard();
  FaultGuard(const FaultGuard&) = delete;
  FaultGuard& operator=(const FaultGuard&) = delete;
};

// Ignores one signal while it lives. Used for SIGTTOU while giving the
// terminal back before a stop: when a wrapper in the same job stopped first,
// the shell already owns the terminal, and restoring its settings must not
// stop us a first time (with a later SIGSTOP stopping us for good).
class IgnoreSignal
{
public:
  explicit IgnoreSignal(int number);
  ~IgnoreSignal();
  IgnoreSignal(const IgnoreSignal&) = delete;
  IgnoreSignal& operator=(const IgnoreSignal&) = delete;

private:
  int m_number;
  struct sigaction m_previous
  {};
};

} // namespace knotrelief::term
