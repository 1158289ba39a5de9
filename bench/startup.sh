#!/usr/bin/env bash
# Start-up time of the quick commands against the floor (an empty C++
# program linked to the same libraries), peak memory of each command, and
# loading 1,000 user routine files.
#   bench/startup.sh [BINARY]
# Needs g++ and GNU time (Debian package `time`).
set -euo pipefail
binary=$(realpath "${1:-$(dirname "$0")/../build/knotrelief}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TZ=UTC

# The floor: does nothing, but loads the same shared libraries.
cat > "$work/floor.cpp" <<'CPP'
int main() { return 0; }
CPP
g++ -O2 "$work/floor.cpp" -o "$work/floor" -Wl,--no-as-needed -lyaml-cpp -lfmt -lstdc++

# Each command runs `runs` times in a row, once per round; rounds interleave
# the commands so that a slow moment of the machine hits all of them, and
# the figure is the median of the rounds' means.
rounds=15 runs=40
batch_ns() { # command...: wall time of $runs runs, in ns
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo $((end - start))
}
peak_kib() {
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  cat "$work/rss"
}
median_ms() { # ns totals of $runs runs each, one per line on stdin
  sort -n | awk -v n=$runs '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] / n / 1e6 }'
}

commands=("--version" "list" "list --json" "show neck" "show ball-release" "check $root/data/routines/neck.yaml")
declare -A totals=()
for ((round = 0; round < rounds; round++)); do
  totals[floor]+="$(batch_ns "$work/floor") "
  for command in "${commands[@]}"; do
    # shellcheck disable=SC2086 # words on purpose
    totals[$command]+="$(batch_ns "$binary" $command) "
  done
done

floor=$(tr ' ' '\n' <<<"${totals[floor]}" | grep . | median_ms)
printf '%-28s %10s %8s %10s\n' command median_ms x_floor peak_kib
printf '%-28s %10s %8s %10s\n' "(floor: empty program)" "$floor" "1.00" "$(peak_kib "$work/floor")"
for command in "${commands[@]}"; do
  median=$(tr ' ' '\n' <<<"${totals[$command]}" | grep . | median_ms)
  # shellcheck disable=SC2086
  printf '%-28s %10s %8s %10s\n' "${command/$root\//}" "$median" \
    "$(awk -v a="$median" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')" "$(peak_kib "$binary" $command)"
done

# Memory of the other commands.
"$binary" --journal "$work/journal.txt" log add neck --pain-before 5 --pain-after 3 >/dev/null
printf '%-28s %10s %8s %10s\n' "log" "-" "-" "$(peak_kib "$binary" --journal "$work/journal.txt" log)"
printf '%-28s %10s %8s %10s\n' "log stats" "-" "-" "$(peak_kib "$binary" --journal "$work/journal.txt" log stats)"
printf 'id: tiny\nname: Tiny\nsteps:\n  - {name: a, cue: b, hold: 1}\n' > "$work/tiny.yaml"
printf '%-28s %10s %8s %10s\n' "run (1 s, piped)" "-" "-" \
  "$(peak_kib "$binary" --journal "$work/journal.txt" run "$work/tiny.yaml" --prep 0)"

# 1,000 user routine files.
mkdir -p "$work/many"
for i in $(seq 1000); do
  cp "$root/data/routines/neck.yaml" "$work/many/r$i.yaml"
  sed -i "s/^id: neck/id: user-$i/" "$work/many/r$i.yaml"
done
runs=10
mean=$(batch_ns "$binary" --routines "$work/many" list | median_ms)
printf '%-28s %10s %8s %10s\n' "list with 1,000 user files" "$mean" "-" "$(peak_kib "$binary" --routines "$work/many" list)"
