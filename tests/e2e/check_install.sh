#!/usr/bin/env bash
# `cmake --install` into an empty prefix, and the Debian package from cpack:
# every file where it belongs, and the installed program works from any
# directory with no data path.
#   check_install.sh BUILD_DIR (install|package)
set -euo pipefail
build=$1
mode=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

case $mode in
  install)
    cmake --install "$build" --prefix "$work/prefix" >/dev/null
    root=$work/prefix
    ;;
  package)
    (cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/out" >/dev/null)
    deb=$(ls "$work"/out/knotrelief_*.deb)
    info=$(dpkg-deb --info "$deb")
    for dependency in libyaml-cpp0.7 libfmt9 libstdc++6 libc6; do
      grep -q "Depends:.*$dependency" <<< "$info" || { echo "FAIL: no dependency on $dependency" >&2; echo "$info" >&2; exit 1; }
    done
    grep -q 'Suggests:.*libnotify-bin' <<< "$info" || { echo "FAIL: libnotify-bin not suggested (remind check)" >&2; exit 1; }
    grep -q 'Maintainer: knotrelief developers' <<< "$info" || { echo "FAIL: no maintainer" >&2; exit 1; }
    grep -q 'Description: terminal coach for self-massage' <<< "$info" || { echo "FAIL: no description" >&2; exit 1; }
    dpkg-deb --extract "$deb" "$work/root"
    root=$work/root/usr
    ;;
esac

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
echo "$mode ok"
