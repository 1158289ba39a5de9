#!/usr/bin/env bash
# Time and peak memory of knotrelief on hostile inputs: each must end quickly
# with a clear message and a non-zero exit, in bounded memory.
#   bench/hostile.sh [BINARY]
# Needs python3 (to write the inputs) and GNU time (Debian package `time`).
set -euo pipefail
binary=$(realpath "${1:-$(dirname "$0")/../build/knotrelief}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TZ=UTC
cd "$work"

python3 - <<'PY'
import os
def write(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
step = "  - {name: s, cue: c, hold: 10}\n"
write("deep-brackets.yaml", "id: " + "[" * 1_000_000)
write("deep-blocks.yaml", "- " * 500_000)
write("alias-bomb.yaml", "".join(
    f"{c}: &{c} [" + ",".join([f"*{p}"] * 9 if p else ['"x"'] * 9) + "]\n"
    for p, c in zip([None] + list("abcdef"), "abcdefg")))
write("steps-20000-flow.yaml", "id: a\nname: b\nsteps:\n" + step * 20_000)
write("steps-20000-block.yaml", "id: a\nname: b\nsteps:\n"
      + "  - name: s\n    cue: c\n    hold: 10\n" * 20_000)
write("million-values.yaml", "id: a\nname: b\nsteps: [" + "a," * 500_000 + "a]\n")
write("huge-numbers.yaml", "id: a\nname: b\nsteps:\n"
      "  - {name: s, cue: c, hold: 99999999999999999999s, reps: 1e400}\n")
write("binary.yaml", os.urandom(100_000))
write("latin1.yaml", b"id: a\nname: caf\xe9\nsteps:\n" + step.encode())
write("tabs.yaml", "id: a\nname: b\nsteps:\n\t- {name: s, cue: c, hold: 1}\n")
write("unterminated-quote.yaml", 'id: a\nname: "' + "x" * 1_000_000 + "\n")
write("two-megabytes.yaml", "# " + "x" * 2_000_000 + "\n")
write("journal-binary.txt", os.urandom(3_000_000))
write("journal-long-lines.txt", ("x" * 100_000 + "\n") * 100)
PY
mkdir journal-dir
mkfifo journal-fifo

printf '%-30s %-7s %5s %8s %9s  %s\n' input command exit seconds peak_kib "first message"
measure() { # label command args...
  local label=$1 command=$2 status
  shift 2
  set +e
  /usr/bin/time -f '%e %M' -o "$work/usage" timeout 60 "$binary" "$@" >/dev/null 2>"$work/err"
  status=$?
  set -e
  read -r seconds peak < <(tail -n 1 "$work/usage") || true
  printf '%-30s %-7s %5s %8s %9s  %s\n' "$label" "$command" "$status" "${seconds:-?}" "${peak:-?}" \
    "$(grep -v '^Command exited' "$work/err" | head -n 1 | cut -c1-90)"
}
for file in *.yaml; do
  measure "$file" check check "$file"
done
for journal in journal-binary.txt journal-long-lines.txt journal-dir journal-fifo /dev/full; do
  measure "$(basename "$journal")" log --journal "$journal" log
  measure "$(basename "$journal")" add --journal "$journal" log add neck --pain-before 2 --pain-after 1
done
