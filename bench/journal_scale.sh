#!/usr/bin/env bash
# Generates journals of 100,000 and 1,000,000 lines and measures
# `log --limit 20`, `log --since 2d`, `log stats` and `today --no-run` on
# each: wall time (best of 5) and peak memory. `log` reads from the end and
# looks back a bounded number of entries (entries are in time order but for
# back-filled ones), so its time should not grow with the journal; `log
# stats` and `today` stream, so their memory should stay flat.
#
#   bench/journal_scale.sh [BINARY] [LINES...]
#
# Needs GNU time (Debian package `time`).
set -euo pipefail

binary=$(realpath "${1:-$(dirname "$0")/../build/knotrelief}")
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One session every ~20 minutes, ending now, across the built-in routines.
generate() {
  local lines=$1 file=$2
  awk -v n="$lines" -v now="$(date +%s)" 'BEGIN {
    split("neck shoulders back glutes calves tennis-ball tennis-ball-wall travel", ids, " ")
    split("neck shoulders back glutes calves back back back", areas, " ")
    for (i = 0; i < n; i++) {
      t = now - (n - i) * 1200
      k = i % 8 + 1
      before = i % 11; after = before > 2 ? before - 2 : 0
      printf "%s routine=%s area=%s status=completed planned_s=300 actual_s=%d steps=5/5 pain_before=%d pain_after=%d note=\"session %d\"\n",
        strftime("%Y-%m-%dT%H:%M:%S+00:00", t, 1), ids[k], areas[k], 280 + i % 40, before, after, i
    }
    # Five sessions back-filled with `log add --at` at the end, days to
    # months back, as the look back has to read past them.
    for (j = 1; j <= 5; j++) {
      printf "%s routine=neck area=neck status=manual actual_s=200 note=\"back-filled %d\"\n",
        strftime("%Y-%m-%dT%H:%M:%S+00:00", now - j * j * 86400 * 7, 1), j
    }
  }' > "$file"
}

measure() { # prints "best_ms peak_kib" for the command
  local best=999999 peak=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    read -r seconds kib < "$work/time.txt"
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  echo "$best $peak"
}

printf '%-10s %8s %-22s %10s %12s\n' lines MiB command best_ms peak_kib
for lines in "${sizes[@]}"; do
  journal=$work/journal-$lines.txt
  generate "$lines" "$journal"
  size_mib=$(awk -v b="$(stat -c %s "$journal")" 'BEGIN { printf "%.0f", b / 1048576 }')
  for command in "log --limit 20" "log --since 2d" "log stats" "today --no-run"; do
    # shellcheck disable=SC2086 # the command is words on purpose
    read -r ms kib < <(measure env TZ=UTC "$binary" --journal "$journal" $command)
    printf '%-10s %8s %-22s %10s %12s\n' "$lines" "$size_mib" "$command" "$ms" "$kib"
  done
done
