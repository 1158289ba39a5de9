#!/usr/bin/env bash
# End-to-end tests of `knotrelief run` in a real pseudo-terminal (tmux):
# keys, signals, resize, suspend, terminal restore and the journal line.
#
#   run_tty.sh BINARY FIXTURE_DIR CASE
#
# Each case runs in its own tmux server, inside an interactive bash so that
# job control (Ctrl-Z, fg) works as for a person.
set -euo pipefail

binary=$1
fixtures=$2
case_name=$3

work=$(mktemp -d)
socket="knotrelief-test-$$"
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work" 2>/dev/null || { sleep 0.5; rm -rf "$work"; }
}
trap cleanup EXIT

journal=$work/journal.txt
routine=$fixtures/quick.yaml
# Every case starts with a journal holding one session that had the check for
# the fixtures' areas: the cases that test the check and the first-time
# panel start from an empty journal (fresh_journal).
seed_line="2026-01-01T08:00:00+00:00 routine=quick,tiny,neck area=neck,calves status=manual checked=clear"
echo "$seed_line" > "$journal"
fresh_journal() { rm -f "$journal"; }
# Fails with $1 when the run added a line to the journal.
expect_no_new_line() {
  [ ! -f "$journal" ] || [ "$(grep -cv '^2026-01-01T08:00:00' "$journal")" -eq 0 ] || fail "$1"
}
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data LANG=C.UTF-8
export HISTFILE=/dev/null

fail() {
  echo "FAIL ($case_name): $*" >&2
  echo "--- screen ---" >&2
  screen >&2 || true
  echo "--- journal ---" >&2
  cat "$journal" >&2 2>/dev/null || true
  exit 1
}

screen() { tmux -L "$socket" capture-pane -p -t main; }
# The screen with what has scrolled off it.
screen_and_history() { tmux -L "$socket" capture-pane -p -S -500 -t main; }
keys() { tmux -L "$socket" send-keys -t main "$@"; }

# Waits until the screen shows $1 (a grep -E pattern), up to $2 seconds.
wait_for() {
  local pattern=$1 limit=${2:-10} waited=0
  until screen | grep -qE -- "$pattern"; do
    sleep 0.1
    waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 10)) ]; then
      fail "timed out waiting for /$pattern/"
    fi
  done
}

# What session.sh records once knotrelief has exited, before the interactive
# shell around it can repair anything: the terminal settings, and whether
# the alternate screen is still on and the cursor hidden (tmux knows).
# (stty.after comes last: once it is there, everything is.)
after_session() {
  echo "tmux display-message -p '#{alternate_on} #{cursor_flag}' > $work/screen.after"
  echo "tmux display-message -p '#{pane_title}' > $work/title.after"
  echo "stty -g > $work/stty.after"
}

# The window (pane) title tmux has, as set by OSC 2.
pane_title() { tmux -L "$socket" display-message -p -t main '#{pane_title}'; }

# The window size of the next start(): COLUMNSxROWS.
size=80x30

# Starts an interactive shell at 80x30 and runs knotrelief ARGS in it from
# a script (one job, so Ctrl-Z stops and fg resumes all of it), saving the
# stty settings before and after and the exit status.
start() {
  {
    echo "stty -g > $work/stty.before"
    echo "ulimit -c 0"
    # A title of our own, which --title must give back.
    echo "printf '\\033]2;before knotrelief\\033\\\\'"
    printf '%q ' "$binary" --journal "$journal" "$@"
    echo
    echo "echo EXIT=\$? > $work/exit"
    after_session
  } > "$work/session.sh"
  tmux -L "$socket" -f /dev/null new-session -d -s main -x "${size%x*}" -y "${size#*x}" \
    "env PS1='$ ' TERM=xterm-256color bash --norc --noprofile -i"
  wait_for '^\$' 5
  keys "bash $work/session.sh; echo DONE" Enter
}

# Like start, but knotrelief alone is the shell's job, as a person runs it
# (with a wrapper script in the job, the shell may print "Stopped" while
# knotrelief still shows its screen). end_job records what start's script
# does after it.
start_as_job() {
  tmux -L "$socket" -f /dev/null new-session -d -s main -x 80 -y 30 \
    "env PS1='$ ' TERM=xterm-256color bash --norc --noprofile -i"
  wait_for '^\$' 5
  keys "printf '\\033]2;before knotrelief\\033\\\\'; stty -g > $work/stty.before" Enter
  keys "$(printf '%q ' "$binary" --journal "$journal" "$@")" Enter
}
end_job() {
  keys "echo EXIT=\$? > $work/exit; $(after_session | tr '\n' ';') echo DONE" Enter
}

# Like start, but with no job control: knotrelief runs from a script that is
# the tmux pane's own command (the session leader, non-interactive), as for
# `ssh -t host knotrelief ...`. Ctrl-Z cannot stop it for a shell to resume.
start_without_job_control() {
  {
    echo "stty -g > $work/stty.before"
    printf '%q ' "$binary" --journal "$journal" "$@"
    echo
    echo "echo EXIT=\$? > $work/exit"
    after_session
    echo "echo DONE"
    echo "sleep 600" # keeps the pane (and its screen) for the checks
  } > "$work/session.sh"
  tmux -L "$socket" -f /dev/null new-session -d -s main -x 80 -y 30 \
    "env TERM=xterm-256color bash $work/session.sh"
}

# Like start_without_job_control, but every byte written to the pane is
# kept in $work/bytes (tmux pipe-pane), knotrelief's from its first; the
# environment's assignments in $plain_env go before it.
plain_env=""
start_capturing() {
  {
    echo "until [ -f $work/go ]; do sleep 0.05; done"
    echo "stty -g > $work/stty.before"
    printf 'env %s ' $plain_env
    printf '%q ' "$binary" --journal "$journal" "$@"
    echo
    echo "echo EXIT=\$? > $work/exit"
    echo "stty -g > $work/stty.after"
    echo "echo DONE"
    echo "sleep 600"
  } > "$work/session.sh"
  tmux -L "$socket" -f /dev/null new-session -d -s main -x 80 -y 30 \
    "env TERM=xterm-256color bash $work/session.sh"
  tmux -L "$socket" pipe-pane -o -t main "cat > $work/bytes"
  sleep 0.2
  touch "$work/go"
}

# The captured bytes hold no escape at all (and no cursor movement, no
# alternate screen, no colour, no carriage return rewriting a line).
expect_no_escape() {
  [ -s "$work/bytes" ] || fail "nothing captured"
  if grep -q $'\x1b' "$work/bytes"; then
    fail "escape bytes in plain output: $(grep -c $'\x1b' "$work/bytes") lines"
  fi
  # The terminal turns each \n into \r\n; any other \r (or a backspace)
  # would rewrite a line in place.
  if sed 's/\r$//' "$work/bytes" | grep -q $'[\r\b]'; then fail "a line rewritten in place"; fi
}

# The captured lines from the first step's to the summary, without \r.
plain_lines() {
  tr -d '\r' < "$work/bytes" | sed -n '/^Step 1 of/,/^Finished in\|^Stopped after/p'
}

# Checks that knotrelief runs (is not stopped).
expect_running() {
  local pid
  pid=$(session_pid)
  [ -n "$pid" ] || fail "knotrelief is not running"
  [ "$(ps -o stat= -p "$pid" | cut -c1)" != "T" ] || fail "knotrelief stopped"
}

# Waits for the run to end; checks exit status and the terminal settings.
expect_exit() {
  local expected=$1 limit=${2:-30} waited=0
  # A job stopped by Ctrl-Z lets the shell print DONE early: the files
  # written after the program's exit tell the end.
  until [ -f "$work/stty.after" ]; do
    sleep 0.1
    waited=$((waited + 1))
    [ "$waited" -lt $((limit * 10)) ] || fail "timed out waiting for the exit"
  done
  local waited_done=0
  until screen_and_history | grep -q '^DONE'; do
    sleep 0.1
    waited_done=$((waited_done + 1))
    [ "$waited_done" -lt 50 ] || fail "timed out waiting for /^DONE/"
  done
  local status
  status=$(cat "$work/exit")
  # $expected may list several statuses: "139|134".
  echo "$status" | grep -qE "^EXIT=($expected)\$" || fail "exit status: got $status, want $expected"
  cmp -s "$work/stty.before" "$work/stty.after" || fail "terminal settings changed"
  if [ -f "$work/screen.after" ]; then
    [ "$(cat "$work/screen.after")" = "0 1" ] ||
      fail "alternate screen on or cursor hidden after exit: $(cat "$work/screen.after")"
  fi
  # The alternate screen was left and the cursor shown again: a prompt is visible.
  screen | grep -qE '^DONE|^\$ ?$' || fail "normal screen not restored"
}

expect_journal() {
  local pattern=$1
  [ -f "$journal" ] || fail "no journal written"
  [ "$(grep -cv '^2026-01-01T08:00:00' "$journal")" -eq 1 ] || fail "expected one journal line"
  tail -n 1 "$journal" | grep -qE -- "$pattern" || fail "journal line does not match /$pattern/"
}

# The title was given back: the one session.sh set before knotrelief.
expect_title_restored() {
  [ "$(cat "$work/title.after")" = "before knotrelief" ] ||
    fail "window title not restored: '$(cat "$work/title.after")'"
}

# Waits until the window title shows a time left (and the step).
wait_for_title() {
  local waited=0
  until pane_title | grep -qE "^[0-9]+:[0-9]{2} $1"; do
    sleep 0.1
    waited=$((waited + 1))
    [ "$waited" -lt 50 ] || fail "no time left in the window title: '$(pane_title)'"
  done
}

# Compares the screen with the golden file $1, after normalising what
# changes with time: small clocks (M:SS), the rows of large digits left of
# the body map (the first 69 columns at 120) and the bar.
# KNOTRELIEF_UPDATE_GOLDEN=1 writes the file instead.
normalised_screen() {
  local digits='<large digits>                                                       '
  screen | sed -E -e 's/[0-9]+:[0-9]{2}/M:SS/g' \
    -e "/^[ █]{0,68}█/s/^[ █]{69}/$digits/" \
    -e "s/^[ █]*█[ █]*\$/<large digits>/" \
    -e 's/^ [█░]{8,}/ <bar>/'
}
expect_golden_screen() {
  if [ -n "${KNOTRELIEF_UPDATE_GOLDEN:-}" ]; then
    normalised_screen > "$1"
    return
  fi
  diff -u "$1" <(normalised_screen) >&2 || fail "screen differs from $1"
}

# Checks the large clock at the current size: digits at least $1 rows tall,
# the cue and pressure below them, the bar across (nearly) the width.
expect_large_clock() {
  local least=$1 columns=$2 shown digits first last cue pressure bar
  shown=$(screen)
  digits=$(grep -nE '^ *█[█ ]*$' <<< "$shown" | cut -d: -f1)
  [ -n "$digits" ] || fail "no large digits"
  first=$(head -n 1 <<< "$digits")
  last=$(tail -n 1 <<< "$digits")
  [ "$(wc -l <<< "$digits")" -ge "$least" ] ||
    fail "digits $(wc -l <<< "$digits") rows tall, want at least $least"
  [ $((last - first + 1)) -eq "$(wc -l <<< "$digits")" ] || fail "digits not in one block"
  cue=$(grep -n 'Press the knot' <<< "$shown" | head -n 1 | cut -d: -f1)
  pressure=$(grep -n 'Pressure: gentle' <<< "$shown" | head -n 1 | cut -d: -f1)
  [ -n "$cue" ] && [ "$cue" -gt "$last" ] || fail "the cue is not below the digits"
  [ -n "$pressure" ] && [ "$pressure" -gt "$last" ] || fail "the pressure is not below the digits"
  bar=$(grep -E '░' <<< "$shown" | head -n 1 | sed 's/^ *//; s/ *$//')
  [ "${#bar}" -ge $((columns - 4)) ] || fail "bar ${#bar} cells wide in $columns columns"
}

# The figure after "Session left" on the screen.
session_left() { screen | grep -o 'Session left [0-9:]*' | head -n 1; }

# How many lines of the screen match $1.
count_lines() { screen | grep -cE -- "$1" || true; }

# Waits until at least $2 lines of the screen match $1.
wait_count() {
  local waited=0
  until [ "$(count_lines "$1")" -ge "$2" ]; do
    sleep 0.1
    waited=$((waited + 1))
    [ "$waited" -lt 100 ] || fail "timed out waiting for $2 lines /$1/"
  done
}

session_pid() { pgrep -f -- "^$binary --journal $journal" | head -n 1 || true; }

# Waits until knotrelief itself has stopped (after restoring the terminal):
# the wrapper shell stops at once on Ctrl-Z, knotrelief a moment later.
wait_stopped() {
  local pid waited=0
  pid=$(session_pid)
  [ -n "$pid" ] || fail "knotrelief is not running"
  until [ "$(ps -o stat= -p "$pid" | cut -c1)" = "T" ]; do
    sleep 0.1
    waited=$((waited + 1))
    [ "$waited" -lt 50 ] || fail "knotrelief did not stop"
  done
}

case $case_name in
  full_run)
    start run "$routine" --prep 1 --pain-before 4 --pain-after 2
    wait_for 'Session left' 5
    screen | grep -q 'Quick test routine - step 1 of 2' || fail "no title"
    expect_exit 0 25
    screen | grep -q 'Finished in 17s, 2 of 2 steps done' || fail "no summary"
    expect_journal 'routine=quick area=neck status=completed planned_s=17 actual_s=17 steps=2/2 hold=low pain_before=4 pain_after=2$'
    ;;
  first_session)
    # A first session: the check for the signs that call for a professional,
    # then the whole "before you start" panel, which waits for Enter; the
    # answer is kept, so the next session asks nothing and shows one line.
    fresh_journal
    start run "$fixtures/tiny.yaml" --prep 0 --pain-before 2 --pain-after 2
    wait_for 'A quick check, once for each body area \(calves\)' 5
    screen | grep -q 'The pain has lasted more than two weeks' || fail "no signs listed"
    wait_for 'Does any of the signs above apply\? \[y/N\]' 5
    keys n Enter
    wait_for 'Press Enter when you are ready' 5
    screen | grep -q 'Warm up first' || fail "no whole intro panel"
    sleep 0.5
    [ ! -f "$journal" ] || fail "the session started before Enter"
    keys Enter
    expect_exit 0 10
    grep -q ' checked=clear$' "$journal" || fail "the answer was not logged"
    tmux -L "$socket" kill-server
    rm -f "$work"/stty.* "$work/exit" "$work/screen.after"
    start run "$fixtures/tiny.yaml" --prep 0 --pain-before 2 --pain-after 2
    expect_exit 0 10
    if screen_and_history | grep -q 'quick check'; then fail "asked again"; fi
    screen_and_history | grep -q '^Before you start: ' || fail "no one-line intro"
    [ "$(grep -c ' checked=' "$journal")" -eq 1 ] || fail "checked twice"
    ;;
  check_signs_stop)
    # A sign applies and the person does not go on: nothing starts, nothing
    # is logged, and the terminal is as it was.
    fresh_journal
    start run "$routine" --prep 0 --pain-before 2
    wait_for 'Does any of the signs above apply' 5
    keys y Enter
    wait_for 'Go on anyway\? \[y/N\]' 5
    screen | grep -q 'physiotherapist' || fail "no advice"
    keys Enter
    expect_exit 0 5
    screen | grep -q 'Nothing was started or logged' || fail "no word of stopping"
    [ ! -f "$journal" ] || fail "a journal line for a session that never began"
    ;;
  check_signs_go_on)
    fresh_journal
    start run "$fixtures/tiny.yaml" --prep 0 --pain-before 2 --pain-after 2 --no-intro
    wait_for 'Does any of the signs above apply' 5
    keys y Enter
    wait_for 'Go on anyway' 5
    keys y Enter
    expect_exit 0 10
    if screen_and_history | grep -q 'Before you start'; then fail "--no-intro showed the intro"; fi
    grep -q ' checked=signs$' "$journal" || fail "the answer was not logged"
    # A sign stays a question: the next session of the area asks again.
    tmux -L "$socket" kill-server
    rm -f "$work"/stty.* "$work/exit" "$work/screen.after"
    start run "$fixtures/tiny.yaml" --prep 0 --pain-before 2 --pain-after 2 --no-intro
    wait_for 'Does any of the signs above apply' 5
    keys n Enter
    expect_exit 0 10
    [ "$(tail -n 1 "$journal" | grep -c ' checked=clear$')" -eq 1 ] || fail "the second answer was not logged"
    ;;
  check_end_of_input)
    # Ctrl-D is no answer: nothing starts, nothing is logged as clear.
    fresh_journal
    start run "$fixtures/tiny.yaml" --prep 0 --pain-before 2 --pain-after 2
    wait_for 'Does any of the signs above apply' 5
    keys C-d
    expect_exit 0 5
    screen | grep -q 'Nothing was started or logged' || fail "no word of stopping"
    [ ! -f "$journal" ] || fail "a journal line without an answer"
    ;;
  pause)
    start run "$routine" --prep 1 --pain-before 1 --pain-after 1
    wait_for 'Press' 5
    keys Space
    wait_for 'PAUSED' 3
    sleep 3
    # Paused: the clock must not have moved.
    before=$(screen | grep 'Session left')
    sleep 1.5
    [ "$(screen | grep 'Session left')" = "$before" ] || fail "the clock ran while paused"
    keys Space
    expect_exit 0 25
    # The pause is not counted as time done.
    expect_journal 'status=completed planned_s=17 actual_s=17 steps=2/2'
    ;;
  next)
    start run "$routine" --prep 5 --pain-before 1 --pain-after 1
    wait_for 'Get ready' 5
    for _ in 1 2 3 4 5 6; do keys n; sleep 0.3; done
    expect_exit 0 10
    expect_journal 'status=completed planned_s=21 actual_s=[0-3] steps=0/2'
    ;;
  back_and_adjust)
    start run "$routine" --prep 1 --pain-before 1 --pain-after 1
    wait_for '^ left side$' 5          # the first hold (2s) has begun
    keys +
    wait_for 'Session left 0:2[4-6]' 3  # 16s left + 10s
    keys -
    keys -                              # the hold keeps its last second
    wait_for 'Session left 0:1[3-5]' 3  # 1s + switch 5s + 2s + next 5s + 2s
    keys q
    expect_exit 0 5
    expect_journal 'status=quit'
    ;;
  quit)
    start run "$routine" --prep 3
    wait_for 'How sore' 5
    keys 5 Enter
    wait_for 'Get ready' 5
    keys q
    wait_for 'Stopped after' 5
    keys 3 Enter
    wait_for 'Any numbness' 5
    keys y Enter
    wait_for 'A note for the journal' 5
    keys Enter
    expect_exit 0
    screen | grep -q 'You noticed numbness' || fail "no advice after tingling"
    screen | grep -q 'Stopped after' || fail "no summary"
    expect_journal 'status=quit .*steps=0/2 hold=low pain_before=5 pain_after=3 tingling=yes$'
    ;;
  tighter_side)
    # After a step done on each side the tighter side is asked (a wrong
    # answer asks again) and logged; the next session starts that step on it.
    start run "$routine" --prep 0 --pain-before 4
    wait_for 'left side' 5
    wait_for 'How sore' 25
    keys 2 Enter
    wait_for 'Any numbness' 5
    keys Enter
    wait_for 'Which side felt tighter\? \[l/r/s=same, Enter skips\]' 5
    keys up Enter
    wait_for 'answer l \(left\), r \(right\) or s' 5
    keys R Enter
    wait_for 'A note for the journal' 5
    keys Enter
    expect_exit 0
    expect_journal 'steps=2/2 hold=low pain_before=4 pain_after=2 tighter=right$'
    tmux -L "$socket" kill-server
    rm -f "$work"/stty.* "$work/exit" "$work/screen.after"
    start run "$routine" --prep 0 --pain-before 4 --pain-after 2 --no-log
    wait_for 'Press' 5
    screen | grep -q 'right side' || fail "the tighter side does not come first"
    wait_for 'Switch to the left side' 10
    keys q
    expect_exit 0
    ;;
  tighter_ctrl_c)
    # Ctrl-C at the tighter question ends the questions; what follows starts
    # a line of its own, and the session is logged without an answer.
    start run "$fixtures/sides.yaml" --prep 0 --pain-before 4 --no-intro
    wait_for 'How sore' 15
    keys 2 Enter
    wait_for 'Any numbness' 5
    keys Enter
    wait_for 'Which side felt tighter' 5
    keys C-c
    expect_exit 130
    screen | grep -q '^Logged to ' || fail "the line after ^C is glued to the question"
    expect_journal 'status=completed .*pain_before=4 pain_after=2$'
    ;;
  note)
    # A note asked at the end never shows in `ps`, as --note would.
    start run "$fixtures/tiny.yaml" --prep 0 --pain-before 4
    wait_for 'How sore' 10
    keys 2 Enter
    wait_for 'Any numbness' 5
    keys Enter
    wait_for 'A note for the journal' 5
    keys 'right side "tight"' Enter
    expect_exit 0
    expect_journal 'pain_before=4 pain_after=2 note="right side \\"tight\\""$'
    ;;
  escape)
    start run "$routine" --prep 3 --pain-before 5 --pain-after 3
    wait_for 'Get ready' 5
    keys Up Down Left Right   # arrows are ignored...
    sleep 0.5
    screen | grep -q 'Get ready' || fail "an arrow key changed the session"
    keys Escape               # ...and a lone Esc quits
    expect_exit 0 5
    expect_journal 'status=quit'
    ;;
  arrow_burst)
    # 300 arrows at once come in several reads, an arrow cut in two between
    # them: its ESC must not be taken for the Esc key.
    start run neck --prep 0 --pain-before 2 --pain-after 2
    wait_for 'Session left' 5
    # shellcheck disable=SC2046 # one word per key
    keys $(for _ in $(seq 300); do printf 'Up '; done)
    sleep 1
    expect_running
    screen | grep -q 'Session left' || fail "the arrows ended the countdown"
    expect_no_new_line "the arrows ended the session"
    keys q
    expect_exit 0 5
    expect_journal 'status=quit'
    ;;
  suspend_without_job_control)
    start_without_job_control run "$routine" --prep 10 --pain-after 1
    wait_for 'How sore' 5
    pid=$(session_pid)
    [ -n "$pid" ] || fail "knotrelief is not running"
    # The case is real: knotrelief is in the session leader's group.
    read -r group leader < <(ps -o pgid=,sid= -p "$pid")
    [ "$group" = "$leader" ] || fail "knotrelief has job control (group $group, session $leader)"
    # Ctrl-Z at a question: ignored, the question stays.
    keys C-z
    sleep 0.5
    expect_running
    keys 4 Enter
    # Ctrl-Z during the countdown: paused, not stopped.
    wait_for 'Get ready' 5
    keys C-z
    wait_for 'PAUSED' 3
    sleep 0.5
    expect_running
    before=$(session_left)
    sleep 1.5
    [ "$(session_left)" = "$before" ] || fail "the clock ran while paused"
    keys Space
    sleep 1.5
    if screen | grep -q 'PAUSED'; then fail "space did not resume"; fi
    [ "$(session_left)" != "$before" ] || fail "the clock did not run on"
    keys q
    expect_exit 0 5
    expect_journal 'status=quit .*pain_before=4 pain_after=1$'
    ;;
  ctrl_c)
    start run "$routine" --prep 3 --pain-before 5
    wait_for 'Get ready' 5
    sleep 1.2
    keys C-c
    expect_exit 130
    screen | grep -q 'Interrupted after 1s' || fail "no summary"
    expect_journal 'status=interrupted planned_s=19 actual_s=1 steps=0/2 hold=low pain_before=5$'
    ;;
  sigterm)
    start run "$routine" --prep 3 --pain-before 5
    wait_for 'Get ready' 5
    kill -TERM "$(session_pid)"
    expect_exit 143
    expect_journal 'status=interrupted'
    ;;
  sighup)
    start run "$routine" --prep 3 --pain-before 5
    wait_for 'Get ready' 5
    kill -HUP "$(session_pid)"
    expect_exit 129
    expect_journal 'status=interrupted'
    ;;
  resize)
    start run neck --prep 60 --pain-before 1
    wait_for 'Session left' 5
    screen | grep -q '█' || fail "no large clock at 80x30"
    tmux -L "$socket" resize-window -t main -x 40 -y 12
    sleep 0.8
    # Narrow and short: a plain clock, the cue wrapped, the status line kept.
    screen | grep -qE '^ 1:0[0-9]$|^ 0:5[0-9]$' || fail "no compact clock after resize"
    screen | grep -q 'left [0-9]' || fail "status line lost after resize"
    [ "$(screen | wc -L)" -le 40 ] || fail "lines wider than the window"
    keys q
    wait_for 'How sore' 5
    keys Enter
    wait_for 'Any numbness' 5
    keys Enter
    wait_for 'A note for the journal' 5
    keys Enter
    expect_exit 0
    expect_journal 'status=quit planned_s=295 actual_s=[0-9] steps=0/4 hold=low pain_before=1$'
    ;;
  suspend)
    start_as_job run "$routine" --prep 2 --pain-before 1 --pain-after 1
    wait_for 'Get ready' 5
    keys C-z
    wait_for 'Stopped' 5
    wait_stopped
    # The shell has the terminal back in its normal mode.
    keys "stty -g > $work/stty.suspended" Enter
    sleep 0.5
    cmp -s "$work/stty.before" "$work/stty.suspended" || fail "terminal not restored while suspended"
    keys "fg" Enter
    wait_for 'PAUSED' 5
    sleep 1
    screen | grep -q 'Session left 0:1[6-8]' || fail "the timer ran while suspended"
    keys Space
    wait_for 'Finished in' 30
    end_job
    expect_exit 0 5
    expect_journal 'status=completed .*steps=2/2'
    ;;
  sigquit)
    # Ctrl-\ sends SIGQUIT, whose default action would leave the terminal raw.
    start run "$routine" --prep 3 --pain-before 5
    wait_for 'Get ready' 5
    sleep 1.2
    keys 'C-\'
    expect_exit 131
    expect_journal 'status=interrupted planned_s=19 actual_s=1 steps=0/2 hold=low pain_before=5$'
    ;;
  signal_*)
    name=${case_name#signal_}
    start run "$routine" --prep 3 --pain-before 5
    wait_for 'Get ready' 5
    kill -"$name" "$(session_pid)"
    expect_exit $((128 + $(kill -l "$name")))
    expect_journal 'status=interrupted'
    ;;
  fault_*)
    # A fault cannot be carried on from: no journal line, but the terminal
    # is put back before the default action (a core dump, disabled here).
    name=${case_name#fault_}
    start run "$routine" --prep 3 --pain-before 5
    wait_for 'Get ready' 5
    kill -"$name" "$(session_pid)"
    # The default action, or under AddressSanitizer its report and abort().
    expect_exit "$((128 + $(kill -l "$name")))|134"
    expect_no_new_line "a journal line after a fault"
    ;;
  sigpipe)
    # Output into a pipe whose reader leaves, keys from the terminal.
    tmux -L "$socket" -f /dev/null new-session -d -s main -x 80 -y 30 \
      "env PS1='$ ' TERM=xterm-256color bash --norc --noprofile -i"
    wait_for '^\$' 5
    {
      echo "stty -g > $work/stty.before"
      printf '%q ' "$binary" --journal "$journal" run "$routine" --prep 2 --pain-before 1
      echo "| head -n 3"
      echo "echo EXIT=\${PIPESTATUS[0]} > $work/exit"
      after_session
    } > "$work/session.sh"
    keys "bash $work/session.sh; echo DONE" Enter
    expect_exit 141 10
    expect_journal 'status=interrupted planned_s=18 actual_s=[0-2] steps=0/2 hold=low pain_before=1$'
    ;;
  ctrl_s)
    # Ctrl-S must not freeze the screen (flow control) while the timer runs.
    start run neck --prep 30 --pain-before 1 --pain-after 1
    wait_for 'Session left' 5
    keys C-s
    sleep 0.3
    before=$(session_left)
    sleep 2.2
    [ "$(session_left)" != "$before" ] || fail "the screen froze after Ctrl-S"
    keys q
    expect_exit 0 5
    expect_journal 'status=quit'
    ;;
  sigstop)
    # A stop from outside (not Ctrl-Z) is not exercise: the session comes
    # back paused, with the time it had when it stopped.
    start run neck --prep 30 --pain-before 1 --pain-after 1
    wait_for 'Session left' 5
    sleep 1
    pid=$(session_pid)
    kill -STOP "$pid"
    sleep 0.3
    before=$(session_left)
    sleep 3
    kill -CONT "$pid"
    wait_for 'PAUSED' 3
    after=$(session_left)
    left_seconds() { local t=${1#Session left }; echo $((10#${t%%:*} * 60 + 10#${t##*:})); }
    [ $(($(left_seconds "$before") - $(left_seconds "$after"))) -le 1 ] ||
      fail "stopped time counted: $before, then $after"
    keys q
    expect_exit 0 5
    expect_journal 'status=quit planned_s=[0-9]+ actual_s=[1-3] '
    ;;
  prompt_suspend)
    # Ctrl-Z at each question stops the program; after fg it asks again.
    start run "$routine" --prep 3
    stops=0
    suspend_at() { # $1: the question's pattern, $2: how many are on screen
      wait_count "$1" "$2"
      keys C-z
      stops=$((stops + 1))
      wait_count 'Stopped +bash' "$stops"
      wait_stopped
      keys fg Enter
      wait_count "$1" $(($2 + 1))
    }
    suspend_at 'How sore' 1
    keys 5 Enter
    wait_for 'Get ready' 5
    keys q
    wait_for 'Stopped after' 5
    suspend_at 'How sore' 3
    keys 3 Enter
    suspend_at 'Any numbness' 1
    keys y Enter
    suspend_at 'A note for the journal' 1
    keys stiff Enter
    expect_exit 0
    expect_journal 'status=quit .*steps=0/2 hold=low pain_before=5 pain_after=3 tingling=yes note=stiff$'
    ;;
  plain|accessible)
    # The whole session as lines, once each, with the 30 s hold's four.
    plain_env=""
    flag=--plain
    if [ "$case_name" = accessible ]; then plain_env="ACCESSIBLE=1"; flag=""; fi
    start_capturing run "$fixtures/plain.yaml" --prep 0 --pain-before 2 --pain-after 1 $flag
    wait_for '^DONE' 60
    expect_exit 0
    expect_no_escape
    expected='Step 1 of 2: Press, 30 seconds. Press the knot.
Halfway, 15 seconds left.
10 seconds left.
3, 2, 1.
Next: Rolls, get into position, 5 seconds.
Step 2 of 2: Rolls, 2 movements in 2 seconds. Roll the ankle.
Finished in 37s, 2 of 2 steps done. Well done.'
    [ "$(plain_lines)" = "$expected" ] ||
      fail "plain lines: $(plain_lines | cat -A)"
    expect_journal 'status=completed .*steps=2/2 .*pain_before=2 pain_after=1'
    ;;
  plain_keys)
    # p and space pause and go on, ? prints the keys, q quits; nothing
    # echoed, the terminal as it was. Plain from the settings file.
    mkdir -p "$XDG_CONFIG_HOME/knotrelief"
    printf '# mine\nplain = yes\n' > "$XDG_CONFIG_HOME/knotrelief/config"
    start_capturing run "$fixtures/plain.yaml" --prep 0 --pain-before 2 --pain-after 1
    wait_for '^Step 1 of 2: Press' 5
    keys p
    wait_for '^Paused\. Press space to go on\.' 3
    keys Space
    wait_for '^Going on\.' 3
    keys Space
    wait_for '^Paused\.' 3
    keys p
    wait_for '^Going on\.' 3
    keys '?'
    wait_for '^Keys: space or p pauses' 3
    keys q
    wait_for '^DONE' 10
    expect_exit 0
    expect_no_escape
    [ "$(tr -d '\r' < "$work/bytes" | grep -c '^Paused\.')" = 2 ] || fail "not paused twice"
    screen_and_history | grep -q '^Stopped after' || fail "no summary after q"
    expect_journal 'status=quit .*steps=0/2'
    ;;
  reduce_motion)
    # From the settings file: the time left moves in 5 s steps only.
    mkdir -p "$XDG_CONFIG_HOME/knotrelief"
    echo "reduce-motion = yes  # calmer" > "$XDG_CONFIG_HOME/knotrelief/config"
    start run "$routine" --prep 10 --pain-before 1 --pain-after 1
    wait_for 'Session left' 5
    readings=""
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      readings="$readings $(session_left | grep -o '[0-9]*:[0-9]*$')"
      sleep 0.4
    done
    for reading in $readings; do
      case ${reading##*:} in
        *0 | *5) ;;
        *) fail "the time left moved by the second: $readings" ;;
      esac
    done
    [ "$(echo $readings | tr ' ' '\n' | sort -u | wc -l)" -ge 2 ] ||
      fail "the time left never moved: $readings"
    keys q
    expect_exit 0 10
    expect_journal 'status=quit'
    ;;
  piped)
    "$binary" --journal "$journal" run "$routine" --prep 1 > "$work/out.txt" 2>&1 </dev/null
    if grep -q $'\x1b' "$work/out.txt"; then fail "escape codes in piped output"; fi
    if grep -q $'\a' "$work/out.txt"; then fail "bell in piped output"; fi
    grep -q '^Step 1 of 2, left side: Press, 2 seconds' "$work/out.txt" || fail "no step line"
    grep -q '^Switch to the right side' "$work/out.txt" || fail "no switch line"
    grep -q '^Finished in 17s' "$work/out.txt" || fail "no summary"
    expect_journal 'status=completed'
    ;;
  dumb)
    # TERM=dumb on a terminal: plain lines too.
    TERM=dumb script -qec "$binary --journal $journal run $routine --prep 1 --pain-before 1 --pain-after 1" /dev/null > "$work/out.txt" </dev/null
    if grep -q $'\x1b' "$work/out.txt"; then fail "escape codes with TERM=dumb"; fi
    grep -q 'Step 2 of 2: Rolls' "$work/out.txt" || fail "no step line"
    ;;
  colors)
    # script(1) gives a terminal; its typescript holds every byte written.
    tiny=$fixtures/tiny.yaml
    run_in_pty() { script -qec "$binary --journal $journal run $tiny --prep 0 --pain-before 1 --pain-after 1 $*" "$work/typescript" </dev/null >/dev/null; }
    TERM=xterm run_in_pty
    grep -q $'\x1b\[0;1;3[1-6]m' "$work/typescript" || fail "no colour by default"
    grep -q '█' "$work/typescript" || fail "no block characters in a UTF-8 locale"
    TERM=xterm NO_COLOR=1 run_in_pty
    if grep -q $'\x1b\[[0-9;]*3[1-6]m' "$work/typescript"; then fail "colour despite NO_COLOR"; fi
    TERM=xterm run_in_pty --no-color
    if grep -q $'\x1b\[[0-9;]*3[1-6]m' "$work/typescript"; then fail "colour despite --no-color"; fi
    TERM=xterm LANG=C LC_ALL=C run_in_pty
    if grep -q '█' "$work/typescript"; then fail "block characters outside UTF-8"; fi
    grep -q '#' "$work/typescript" || fail "no ASCII bar outside UTF-8"
    ;;
  run_map)
    # At 120x40 the body map stands beside the cue, the spot marked on the
    # side being worked: the left, then (after the switch) the right. The
    # screens are golden with the clock and the bar normalised.
    size=120x40
    start run "$fixtures/../spots/press.yaml" --prep 1 --pain-before 1 --pain-after 1 --no-log --no-intro
    wait_for '^ Upper-trap press ' 10
    keys Space
    wait_for 'PAUSED' 5
    expect_golden_screen "$fixtures/../../golden/tty_map_left.txt"
    keys Space
    keys n
    wait_for '^ Switch to the right side' 5
    keys n
    wait_for '^ right side' 5
    keys Space
    wait_for 'PAUSED' 5
    expect_golden_screen "$fixtures/../../golden/tty_map_right.txt"
    keys q
    expect_exit 0 5
    ;;
  large_clock)
    size=100x30
    start run "$routine" --prep 60 --pain-before 1 --pain-after 1
    wait_for 'Session left' 5
    expect_large_clock 9 100
    tmux -L "$socket" resize-window -t main -x 200 -y 50
    sleep 0.8
    expect_large_clock 15 200
    tmux -L "$socket" resize-window -t main -x 40 -y 11
    sleep 0.8
    screen | grep -qE '^ [01]:[0-9]{2}' || fail "no compact clock in a small window"
    keys q
    expect_exit 0 5
    ;;
  title_end)
    start run "$routine" --prep 1 --pain-before 4 --pain-after 2 --title
    wait_for_title 'Press'
    expect_exit 0 25
    expect_title_restored
    ;;
  title_quit)
    start run "$routine" --prep 3 --pain-before 4 --pain-after 2 --title
    wait_for_title 'Get ready'
    keys q
    expect_exit 0 5
    expect_title_restored
    ;;
  title_sigterm)
    start run "$routine" --prep 3 --pain-before 4 --title
    wait_for_title 'Get ready'
    kill -TERM "$(session_pid)"
    expect_exit 143
    expect_title_restored
    ;;
  title_fault)
    start run "$routine" --prep 3 --pain-before 4 --title
    wait_for_title 'Get ready'
    kill -SEGV "$(session_pid)"
    expect_exit "139|134"
    expect_title_restored
    ;;
  title_suspend)
    start_as_job run "$routine" --prep 3 --pain-before 1 --pain-after 1 --title
    wait_for_title 'Get ready'
    keys C-z
    wait_for 'Stopped' 5
    wait_stopped
    [ "$(pane_title)" = "before knotrelief" ] || fail "title not restored while suspended: '$(pane_title)'"
    keys fg Enter
    wait_for_title 'paused - Get ready'
    keys q
    wait_for 'Stopped after' 5
    end_job
    expect_exit 0 5
    expect_title_restored
    ;;
  title_piped)
    # Not a terminal: --title sends nothing.
    "$binary" --journal "$journal" run "$routine" --prep 1 --title > "$work/out.txt" 2>&1 </dev/null
    if grep -q $'\x1b' "$work/out.txt"; then fail "escape codes in piped output with --title"; fi
    grep -q '^Finished in 17s' "$work/out.txt" || fail "no summary"
    ;;
  today_plan|today_plain)
    # Bare knotrelief plans from the journal and, on Enter, runs the plan as
    # one session; the routine's two good sessions at low put it at mid.
    # today --plain runs it as plain lines, which stay in the scrollback.
    for days_ago in 5 3; do
      echo "$(date -u -d "$days_ago days ago" +%Y-%m-%d)T08:00:00+00:00 routine=tiny area=calves status=completed hold=low pain_before=3 pain_after=1" >> "$journal"
    done
    if [ "$case_name" = today_plain ]; then
      start --routines "$fixtures" today --plain
    else
      start --routines "$fixtures"
    fi
    wait_for 'Start now\? \[Y/n\]' 10
    screen | grep -qE '^Today: calves' || fail "no plan"
    screen | grep -q 'hold: mid (up from low' || fail "no step up"
    keys Enter
    wait_for 'How sore is it now' 10
    keys 3 Enter
    wait_for 'Finished in' 20
    wait_for 'Enter skips\)$' 5
    keys 2 Enter
    wait_for 'Any numbness' 5
    keys Enter
    wait_for 'A note for the journal' 5
    keys Enter
    expect_exit 0 10
    screen_and_history | grep -q 'Next calves session due' || fail "no next session"
    tail -n 1 "$journal" | grep -qE 'routine=tiny area=calves status=completed .* hold=mid pain_before=3 pain_after=2$' ||
      fail "the plan's session was not logged with hold=mid"
    if [ "$case_name" = today_plain ]; then
      screen_and_history | grep -q '^Step 1 of 1: Touch, 1 second\.' || fail "no plain lines"
    elif screen_and_history | grep -q '^Step 1 of 1: Touch'; then
      fail "plain lines without --plain"
    fi
    ;;
  today_first_run)
    # No session yet: a numbered menu of areas, then the plan for the one
    # chosen, gently; declining starts nothing and logs nothing.
    fresh_journal
    start --routines "$fixtures" today
    wait_for 'Where does it hurt\?' 5
    screen | grep -q '^  2\. calves$' || fail "no menu of areas"
    keys 9 Enter
    wait_for 'A number from 1 to' 5
    keys 2 Enter
    wait_for 'Start now\? \[Y/n\]' 5
    screen | grep -qE '^Today: calves' || fail "no plan for the area chosen"
    screen | grep -q 'hold: low (a first time starts gently)' || fail "not gently"
    keys n Enter
    expect_exit 0 5
    [ ! -f "$journal" ] || fail "a session was logged"
    ;;
  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "ok: $case_name"
