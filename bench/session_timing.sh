#!/usr/bin/env bash
# Measures `knotrelief run` in a pseudo-terminal, as a person would run it:
# one hold of N seconds (default: 60 and 600), full-screen display on.
# A hold is at most 30 minutes (knotrelief-routine(5)), so a longer length is
# run as equal repetitions of at most 30 minutes with knotrelief's 5 s rest
# between them, and the rests count as planned time.
#
#   bench/session_timing.sh [BINARY] [SECONDS...]
#
# Prints, per length: end-to-end drift (wall time minus the planned time,
# process start and exit included), CPU time and share, voluntary context
# switches (each one a wake-up from sleep) per second, peak memory, and the
# bytes written to the terminal per minute. Needs `script` (util-linux) and
# GNU time (Debian package `time`).
set -euo pipefail

binary=${1:-$(dirname "$0")/../build/knotrelief}
shift || true
lengths=("$@")
[ ${#lengths[@]} -gt 0 ] || lengths=(60 600)
binary=$(realpath "$binary")
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

work=$(mktemp -d)
# Timestamps from the monotonic clock, the one the timer uses: the wall clock
# may be stepped or slewed while a session runs.
cat > "$work/now" <<'PERL'
#!/usr/bin/perl
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC);
printf "%.0f\n", clock_gettime(CLOCK_MONOTONIC) * 1e9;
PERL
chmod +x "$work/now"
trap 'rm -rf "$work"' EXIT

# The floor: the same harness around `list`, which starts up like `run`
# (loads the same libraries and routines) and ends at once.
floor_ns=0
for _ in 1 2 3 4 5; do
  TERM=xterm-256color script -qfec \
    "$work/now > $work/start; /usr/bin/time -o /dev/null $binary list >/dev/null; $work/now > $work/end" \
    /dev/null </dev/null >/dev/null
  floor_ns=$((floor_ns + $(cat "$work/end") - $(cat "$work/start")))
done
floor_ms=$(awk -v n=$floor_ns 'BEGIN { printf "%.1f", n / 5 / 1e6 }')
echo "start-up floor (list, same harness): $floor_ms ms"

printf '%-8s %10s %10s %9s %10s %8s %12s %10s %10s %12s\n' \
  length drift_ms timer_ms late_ms cpu_s cpu_% wakeups/s rss_kib bytes bytes/min
max_hold=${KNOTRELIEF_BENCH_MAX_HOLD:-1800}
rest_between_reps=5
for length in "${lengths[@]}"; do
  reps=$(( (length + max_hold - 1) / max_hold ))
  if [ $((length % reps)) -ne 0 ]; then
    echo "$length s cannot be split into equal holds of at most $max_hold s" >&2
    exit 2
  fi
  seconds=$(( length + rest_between_reps * (reps - 1) ))
  routine=$work/hold$length.yaml
  cat > "$routine" <<YAML
id: bench-hold
name: Benchmark hold
steps:
  - name: Hold
    cue: Keep still.
    hold: $(( length / reps ))s
    reps: $reps
YAML
  # The clock is read right around the process, inside the terminal.
  TERM=xterm-256color LANG=C.UTF-8 KNOTRELIEF_DEBUG=timing script -qfec \
    "$work/now > $work/start; /usr/bin/time -f '%e %U %S %w %M' -o $work/time.txt $binary run $routine --prep 0 --no-log --no-bell --pain-before 0 --pain-after 0; $work/now > $work/end" \
    "$work/screen.txt" </dev/null >/dev/null
  start=$(cat "$work/start")
  end=$(cat "$work/end")
  read -r _elapsed user system voluntary rss < "$work/time.txt"
  # script(1) adds its own header and trailer lines to the typescript.
  timing=$(grep -a -o 'timing: ended [0-9.]* ms .*end_ns=[0-9]*' "$work/screen.txt")
  late=$(awk '{ print $3 }' <<< "$timing")
  engine_start=$(grep -o 'start_ns=[0-9]*' <<< "$timing" | cut -d= -f2)
  loop_end=$(grep -o 'end_ns=[0-9]*' <<< "$timing" | tail -n 1 | cut -d= -f2)
  done_ns=$(grep -a -o 'done_ns=[0-9]*' "$work/screen.txt" | cut -d= -f2)
  echo "  ${seconds}s: start-up $(( (engine_start - $(cat "$work/start")) / 1000 )) us (harness stamp to engine start);" \
    "summary $(( (done_ns - loop_end) / 1000 )) us (loop end to the end of run);" \
    "teardown $(( ($(cat "$work/end") - done_ns) / 1000 )) us (process exit and harness stamp)" >&2
  # What the terminal received, less our timing line (script -q adds none).
  bytes=$(( $(wc -c < "$work/screen.txt") - $(grep -ao 'knotrelief: timing.*end_ns=[0-9]*)\|knotrelief: timing: done_ns=[0-9]*' "$work/screen.txt" | wc -c) - 2 ))
  awk -v s="$seconds" -v wall_ns=$((end - start)) -v u="$user" -v sy="$system" \
      -v w="$voluntary" -v r="$rss" -v b="$bytes" -v floor="$floor_ms" -v late="$late" 'BEGIN {
    wall = wall_ns / 1e9
    cpu = u + sy
    drift = (wall - s) * 1000
    printf "%-8s %10.1f %10.1f %9.2f %10.2f %8.3f %12.2f %10d %10d %12.0f\n",
      s "s", drift, drift - floor, late, cpu, 100 * cpu / s, w / s, r, b, b * 60 / s
  }'
done
echo "drift_ms: wall time minus planned time, start-up and exit included;"
echo "timer_ms: drift minus the start-up floor;"
echo "late_ms: how long after the planned end the session loop woke to see it (KNOTRELIEF_DEBUG=timing)."
