#!/usr/bin/env bash
# The HTML report of tests/data/journals/report.txt in a real browser:
# `tidy -errors` finds nothing; headless Chromium prints it to PDF, whose text
# (pdftotext) holds the expected figures; its DOM (--dump-dom) shows the
# hostile note as text, with no <script> or <img> element; a screenshot is
# kept as an artefact.
#   check_report.sh BINARY JOURNAL ARTEFACT_DIR
# Needs the Debian packages chromium, poppler-utils and tidy (dev.sh).
set -euo pipefail
binary=$1
journal=$2
artefacts=$3
for tool in chromium pdftotext tidy; do
  command -v "$tool" >/dev/null || {
    echo "check_report.sh: needs $tool (./dev.sh setup installs it)" >&2
    exit 1
  }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artefacts"
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
  XDG_CACHE_HOME=$work/cache TZ=UTC KNOTRELIEF_TODAY=2026-11-23 LC_ALL=C.UTF-8

status=0
fail() { echo "FAIL: $*" >&2; status=1; }
expect() { # FILE TEXT WHAT
  grep -qF -- "$2" "$1" || fail "$3: no '$2' in $1"
}

page=$work/report.html
"$binary" --journal "$journal" log report --format html -o "$page"

# tidy: exit 0 clean, 1 warnings, 2 errors; anything it says is a failure.
set +e
tidy -errors -q "$page" >"$work/tidy.txt" 2>&1
tidy_status=$?
set -e
if [ "$tidy_status" -ne 0 ] || [ -s "$work/tidy.txt" ]; then
  fail "tidy -errors (exit $tidy_status):"
  cat "$work/tidy.txt" >&2
fi

# The page of an empty journal is as clean.
: >"$work/empty.txt"
"$binary" --journal "$work/empty.txt" log report -o "$work/empty.html"
expect "$work/empty.html" "No sessions in the journal yet." "the empty page"
if ! tidy -errors -q "$work/empty.html" >"$work/tidy.txt" 2>&1 || [ -s "$work/tidy.txt" ]; then
  fail "tidy -errors on the empty page:"
  cat "$work/tidy.txt" >&2
fi

# chromium ARGS...: headless, no sandbox (root in CI), its own profile, no
# network, bounded in time.
chromium_run() {
  timeout 120 chromium --headless --disable-gpu --no-sandbox \
    --user-data-dir="$work/profile" --no-first-run --disable-extensions \
    --disable-background-networking --proxy-server=127.0.0.1:9 \
    --proxy-bypass-list='<-loopback>' "$@" 2>>"$work/chromium.log"
}

chromium_run --print-to-pdf="$work/report.pdf" --no-pdf-header-footer \
  "file://$page" >/dev/null || fail "chromium --print-to-pdf"
if [ -s "$work/report.pdf" ]; then
  pdftotext -layout "$work/report.pdf" "$work/report.txt"
  pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ { print $2 }')
  echo "PDF: $pages pages"
  expect "$work/report.txt" "17 sessions" "sessions count"
  expect "$work/report.txt" "2026-10-26 to 2026-11-22" "date range"
  expect "$work/report.txt" "meaningful improvement" "a verdict"
  expect "$work/report.txt" "right (7 of 9 answers)" "the tighter side"
  expect "$work/report.txt" "2026-11-12: back" "a tingling date"
  expect "$work/report.txt" "2026-11-05: back" "a flare date"
  expect "$work/report.txt" "<script>alert(1)</script>" "the hostile note as text"
else
  fail "no PDF written"
fi

chromium_run --dump-dom "file://$page" >"$work/dom.html" || fail "chromium --dump-dom"
expect "$work/dom.html" "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" \
  "the hostile note in the DOM, as text"
grep -qi '<script' "$work/dom.html" && fail "a <script> element in the DOM"
grep -qi '<img' "$work/dom.html" && fail "an <img> element in the DOM"

chromium_run --screenshot="$artefacts/log-report.png" --window-size=1000,1400 \
  --hide-scrollbars "file://$page" >/dev/null || fail "chromium --screenshot"
[ -s "$artefacts/log-report.png" ] || fail "no screenshot written"
cp "$page" "$work/report.pdf" "$artefacts/" 2>/dev/null || true
echo "artefacts: $artefacts/log-report.png $artefacts/report.html $artefacts/report.pdf"
if [ "$status" -ne 0 ] && [ -s "$work/chromium.log" ]; then
  echo "chromium said:" >&2
  tail -n 20 "$work/chromium.log" >&2
fi
exit "$status"
