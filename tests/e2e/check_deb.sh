#!/usr/bin/env bash
# The Debian package, as CI checks it (root, a Debian 12 machine): built by
# dpkg-buildpackage from a clean clone of the committed tree, lintian clean
# (no error, no warning), installed with apt, and the autopkgtest smoke test
# (debian/tests/smoke) run against the installed program; removed again.
#   check_deb.sh [REPO]
set -euo pipefail
repo=$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

needed=(debhelper lintian bash-completion)
missing=()
for package in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "check_deb: installing ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

git clone -q "$repo" "$work/knotrelief"
(cd "$work/knotrelief" && dpkg-checkbuilddeps && dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1) ||
  { tail -n 40 "$work/build.log" >&2; echo "FAIL: dpkg-buildpackage" >&2; exit 1; }
deb=$(ls "$work"/knotrelief_*_*.deb)
echo "check_deb: built $(basename "$deb")"

info=$(dpkg-deb --info "$deb")
for field in 'Depends:.*libyaml-cpp0.7' 'Depends:.*libfmt9' 'Suggests: espeak-ng, libnotify-bin' \
  'Description: terminal coach for self-massage'; do
  grep -q "$field" <<< "$info" || { echo "FAIL: no '$field' in the control file" >&2; echo "$info" >&2; exit 1; }
done
contents=$(dpkg-deb -c "$deb")
grep -q './usr/share/man/man1/knotrelief.1.gz$' <<< "$contents" || { echo "FAIL: man page not compressed" >&2; exit 1; }

chmod -R a+rX "$work"
lintian --fail-on error,warning --display-info "$deb" 2>&1 | grep -v 'root privileges' || true
lintian --fail-on error,warning "$deb" >/dev/null 2>&1 || { echo "FAIL: lintian reports errors or warnings" >&2; exit 1; }
echo "check_deb: lintian: no errors, no warnings"

apt-get install -y -qq "$deb" >/dev/null
status=0
sh "$work/knotrelief/debian/tests/smoke" || status=$?
apt-get remove -y -qq knotrelief >/dev/null
[ "$status" -eq 0 ] || { echo "FAIL: the autopkgtest smoke test" >&2; exit 1; }
