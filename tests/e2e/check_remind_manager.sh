#!/usr/bin/env bash
# `knotrelief remind enable|status|disable` against a real systemd user
# manager, started here (`systemd --user` under `dbus-run-session`). Skipped,
# with the reason, where none can start (a container not booted with
# systemd, say).
#   check_remind_manager.sh BINARY
set -euo pipefail
binary=$(readlink -f "$1")
skip() {
  echo "SKIP: $*"
  exit 77
}
systemd=/lib/systemd/systemd
[ -x "$systemd" ] || skip "no $systemd (Debian's systemd package)"
command -v dbus-run-session >/dev/null || skip "no dbus-run-session (Debian's dbus package)"
[ -d /run/systemd/system ] || skip "this system was not booted with systemd (no /run/systemd/system): systemd --user cannot start"

if [ "${1:-}" != --inside ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -m 700 "$work/run"
  export TZ=UTC HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/run
  exec dbus-run-session -- "$0" --inside "$binary"
fi
binary=$2
"$systemd" --user >"$HOME/systemd.log" 2>&1 &
manager=$!
trap 'kill $manager 2>/dev/null; wait $manager 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  systemctl --user show-environment >/dev/null 2>&1 && break
  kill -0 $manager 2>/dev/null || skip "systemd --user exited: $(tail -n 3 "$HOME/systemd.log")"
  sleep 0.2
done
systemctl --user show-environment >/dev/null 2>&1 || skip "systemd --user does not answer"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
out=$("$binary" remind enable --at 07:30 --breaks 2h)
grep -q '^The timer is on\.$' <<< "$out" || fail "enable: $out"
for timer in knotrelief-remind.timer knotrelief-break.timer; do
  [ "$(systemctl --user is-active $timer)" = active ] || fail "$timer not active"
  [ "$(systemctl --user is-enabled $timer)" = enabled ] || fail "$timer not enabled"
done
status=$("$binary" remind status)
grep -q '^Next: .*07:30:00 .*(from systemd)$' <<< "$status" || fail "status: $status"
# Again, without breaks: the new time in place, the breaks' timer gone.
"$binary" remind enable --at 18:45 >/dev/null
grep -q '18:45:00' <<< "$(systemctl --user show knotrelief-remind.timer -p TimersCalendar --value)" ||
  fail "the new schedule is not loaded"
[ "$(systemctl --user is-active knotrelief-break.timer)" != active ] || fail "break timer still active"
"$binary" remind disable >/dev/null
[ "$(systemctl --user is-active knotrelief-remind.timer)" != active ] || fail "timer still active after disable"
[ -z "$(ls -A "$XDG_CONFIG_HOME/systemd/user" | grep -v timers.target.wants)" ] || fail "files left: $(ls -A "$XDG_CONFIG_HOME/systemd/user")"
echo "remind enable/status/disable work with a real user manager"
