#pragma once

namespace knotrelief::term {

// True when a shell with job control could continue this process after a
// stop (Ctrl-Z, then `fg`). False when nothing could: the kernel then drops
// the stop of a terminal's Ctrl-Z for our process group, and a stop we make
// ourselves (SIGSTOP) would be for good. That is the case when knotrelief
// runs as a terminal's own command (a tmux pane's command, `ssh -t host
// knotrelief ...`, `setsid`), under a non-interactive script started so, or
// left behind by the shell that started it.
bool job_control_available();

} // namespace knotrelief::term
