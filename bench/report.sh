#!/usr/bin/env bash
# Times `log report` (HTML and text, -o /dev/null) on a generated journal of
# 20,000 lines (or LINES): wall time (best of 5, and the median) and peak
# memory. The goal: at most 50 ms for 20,000 lines.
#
#   bench/report.sh [BINARY] [LINES]
#
# Needs GNU time (Debian package `time`) for the peak memory.
set -euo pipefail

binary=$(realpath "${1:-$(dirname "$0")/../build/knotrelief}")
lines=${2:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TZ=UTC

# Sessions every ~40 minutes up to now across the built-in routines, with
# tingling, flares, tighter sides and a note every 50 sessions.
journal=$work/journal.txt
awk -v n="$lines" -v now="$(date +%s)" 'BEGIN {
  split("neck shoulders back glutes calves tennis-ball tennis-ball-wall travel", ids, " ")
  split("neck shoulders back glutes calves back back back", areas, " ")
  split("left right same", sides, " ")
  for (i = 0; i < n; i++) {
    t = now - (n - i) * 2400
    k = i % 8 + 1
    before = i % 8; after = i % 97 == 0 ? before + 2 : (before > 2 ? before - 2 : 0)
    extra = ""
    if (i % 5 == 0) extra = extra " tighter=" sides[i % 3 + 1]
    if (i % 211 == 0) extra = extra " tingling=yes"
    if (i % 50 == 0) extra = extra " note=\"session " i ", <b>bold</b> & \\\"quoted\\\"\""
    printf "%s routine=%s area=%s status=completed planned_s=300 actual_s=%d steps=5/5 hold=low pain_before=%d pain_after=%d%s\n",
      strftime("%Y-%m-%dT%H:%M:%S+00:00", t, 1), ids[k], areas[k], 280 + i % 40, before, after, extra
  }
}' > "$journal"

measure() { # prints "best_ms median_ms peak_kib" for the command
  local times=() peak=0 kib=0
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%M' -o "$work/time.txt" "$@" >/dev/null 2>&1
      kib=$(tail -n 1 "$work/time.txt")
      [ "$kib" -gt "$peak" ] && peak=$kib
    fi
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$(echo "$sorted" | head -n 1) $(echo "$sorted" | sed -n 3p) ${peak:-?}"
}

printf '%-8s %8s %-28s %8s %10s %10s\n' lines KiB command best_ms median_ms peak_kib
size_kib=$(( $(stat -c %s "$journal") / 1024 ))
for format in html md text; do
  read -r best median kib < <(measure "$binary" --journal "$journal" log report --format "$format" -o /dev/null)
  printf '%-8s %8s %-28s %8s %10s %10s\n' "$lines" "$size_kib" "log report --format $format" "$best" "$median" "$kib"
done
read -r best median kib < <(measure "$binary" --journal "$journal" log stats)
printf '%-8s %8s %-28s %8s %10s %10s\n' "$lines" "$size_kib" "log stats (for scale)" "$best" "$median" "$kib"
