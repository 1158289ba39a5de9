#!/usr/bin/env bash
# `cmake --install` into an empty prefix: every file where it belongs, and
# the installed program works from any directory with no data path. (The
# Debian package: check_deb.sh.)
#   check_install.sh BUILD_DIR install
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

cmake --install "$build" --prefix "$work/prefix" >/dev/null
root=$work/prefix

for file in bin/knotrelief \
  share/man/man1/knotrelief.1 share/man/man5/knotrelief-routine.5 share/man/man5/knotrelief-journal.5 \
  share/bash-completion/completions/knotrelief share/zsh/site-functions/_knotrelief \
  share/fish/vendor_completions.d/knotrelief.fish \
  share/doc/knotrelief/README.md share/doc/knotrelief/examples/desk-break.yaml; do
  [ -f "$root/$file" ] || { echo "FAIL: $file is not installed" >&2; exit 1; }
done

cd /
out=$("$root/bin/knotrelief" list)
grep -q '^neck ' <<< "$out" || { echo "FAIL: installed knotrelief does not list neck" >&2; exit 1; }
"$root/bin/knotrelief" check "$root/share/doc/knotrelief/examples/desk-break.yaml" >/dev/null
"$root/bin/knotrelief" --version | grep -q '^knotrelief 0\.1\.0' || { echo "FAIL: version" >&2; exit 1; }
echo "install ok"
