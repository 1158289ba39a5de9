#!/usr/bin/env bash
# seed_overlap.sh must fail on a text that repeats an article: a file holding
# one sentence of each article, reworded in case and punctuation only, is
# reported, and a file of our own wording is not.
set -euo pipefail
seeds=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! compgen -G "$seeds/*.txt" >/dev/null; then
  echo "no articles in $seeds; skipped" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for article in "$seeds"/*.txt; do
  # The article's longest line, shouted and with its commas dropped.
  awk '{ if (length > length(best)) best = $0 } END { print best }' "$article" |
    tr '[:lower:]' '[:upper:]' | tr -d ',' > "$work/copied.yaml"
  if "$here/seed_overlap.sh" "$seeds" "$work/copied.yaml" 2>/dev/null; then
    echo "FAIL: a line copied from $article was not caught" >&2
    exit 1
  fi
done
echo "cue: Press the knot gently and breathe out slowly." > "$work/own.yaml"
"$here/seed_overlap.sh" "$seeds" "$work/own.yaml" || { echo "FAIL: own words reported" >&2; exit 1; }
