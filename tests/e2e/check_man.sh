#!/usr/bin/env bash
# Every man page renders with no warnings from mandoc's linter or from
# groff through man(1). Usage: check_man.sh MAN_DIR
set -euo pipefail
status=0
for page in "$1"/*.[1-9]; do
  if ! out=$(mandoc -T lint -W warning "$page" 2>&1) || [ -n "$out" ]; then
    echo "mandoc: $out" >&2
    status=1
  fi
  warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  if [ -n "$warnings" ]; then
    echo "man --warnings $page: $warnings" >&2
    status=1
  fi
  echo "checked $page"
done
exit $status
