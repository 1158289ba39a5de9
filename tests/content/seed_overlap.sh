#!/usr/bin/env bash
# Whether any text of ours repeats the source articles' wording: prints every
# run of N words (default 8) that a file shares with an article, and fails
# when there is one. Words are compared lowercased, without punctuation; roff
# requests and font escapes of the man pages are dropped first.
#
#   seed_overlap.sh SEEDS_DIR FILE...     status 0: no shared run, 1: some,
#                                         77: no seeds to compare with (skip)
set -euo pipefail
run=${OVERLAP_WORDS:-8}
seeds=$1
shift
if ! compgen -G "$seeds/*.txt" >/dev/null; then
  echo "seed_overlap: no articles in $seeds; skipped" >&2
  exit 77
fi

# One word a line, for the given files.
words() {
  sed -e '/^\.\(TH\|so\|\\"\)/d' -e 's/\\f[BIRP]//g' -e 's/\\(em/ /g' \
      -e 's/\\-/-/g' -e 's/^\.[A-Z][A-Za-z]* //' "$@" |
    tr '[:upper:]' '[:lower:]' |
    sed -e "s/[’']//g" |
    tr -cs '[:alnum:]%' '\n' |
    sed '/^$/d'
}

# Every run of $run words of a stream, one a line; the runs of each file are
# made apart, so no run spans two files.
runs() {
  local file
  for file in "$@"; do
    words "$file" | awk -v n="$run" -v f="$file" '
      { w[NR] = $0 }
      END { for (i = 1; i + n - 1 <= NR; i++) {
              s = w[i]; for (j = 1; j < n; j++) s = s " " w[i + j]
              print f "\t" s } }'
  done
}

found=$(awk -F'\t' 'NR == FNR { seen[$2] = 1; next } ($2 in seen)' \
  <(runs "$seeds"/*.txt) <(runs "$@") | sort -u)
if [ -n "$found" ]; then
  echo "seed_overlap: these runs of $run words repeat an article:" >&2
  printf '%s\n' "$found" | sed 's/\t/: /' >&2
  exit 1
fi
