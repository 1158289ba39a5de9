#!/usr/bin/env bash
# The unit files `knotrelief remind enable` writes for several schedules
# pass `systemd-analyze verify`, and `systemd-analyze calendar` fires them
# when `knotrelief remind next` says it does.
#   check_remind_systemd.sh BINARY
set -euo pipefail
binary=$(readlink -f "$1")
if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP: no systemd-analyze (Debian's systemd package)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# No user manager is asked: only the files are written.
export TZ=UTC HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export KNOTRELIEF_SYSTEMCTL=$work/no-systemctl
units=$XDG_CONFIG_HOME/systemd/user
journal="$work/my notes/100% sore \$HOME.txt"
count=12
status=0

# FROM: a Monday morning, and a Saturday night to cross a week's end.
check_schedule() { # FROM SCHEDULE...
  local from=$1
  shift
  "$binary" --journal "$journal" remind enable "$@" >/dev/null
  local verify
  if ! verify=$(systemd-analyze verify --man=no "$units"/knotrelief-*.service "$units"/knotrelief-*.timer 2>&1) ||
    [ -n "$verify" ]; then
    echo "FAIL: systemd-analyze verify for '$*':" >&2
    echo "$verify" >&2
    status=1
  fi
  local calendars=()
  mapfile -t calendars < <(sed -n 's/^OnCalendar=//p' "$units"/knotrelief-*.timer)
  local expected got
  # "Next elapse: Tue 2026-11-24 07:30:00 UTC" -> "Tue 2026-11-24 07:30"
  expected=$(systemd-analyze calendar --base-time="$from" --iterations=$count "${calendars[@]}" |
    sed -n 's/^ *\(Next elapse\|Iter\. #[0-9]*\): \(.*\):00 UTC$/\2/p' | sort -k2,3 | head -n $count)
  got=$("$binary" remind next --from "${from/ /T}" --count $count | cut -c1-20)
  if [ "$expected" != "$got" ]; then
    echo "FAIL: '$*' from $from: systemd-analyze calendar and remind next differ:" >&2
    diff <(echo "$expected") <(echo "$got") >&2 || true
    status=1
  fi
  [ -n "$got" ] || { echo "FAIL: remind next printed nothing" >&2; status=1; }
  checked=$((checked + 1))
}
checked=0

for from in "2026-11-23 08:00:00" "2026-11-28 23:59:30"; do
  check_schedule "$from" --at 07:30
  check_schedule "$from" --at 07:30 --days weekdays
  check_schedule "$from" --at 21:05 --days sat,sun
  check_schedule "$from" --at 00:00 --days mon,wed,fri --breaks 50m
  check_schedule "$from" --at 12:00 --days tue --breaks 1h30m --between 08:15-17:45
  check_schedule "$from" --at 23:59 --days weekends --breaks 4h --between 00:00-23:59
done

# The journal's path, with a space, a % and a $, reaches the service as it is.
exec_start=$(sed -n 's/^ExecStart=//p' "$units/knotrelief-remind.service")
expected_exec="\"$binary\" \"--journal\" \"$work/my notes/100%% sore \$\$HOME.txt\" \"remind\" \"check\""
if [ "$exec_start" != "$expected_exec" ]; then
  echo "FAIL: ExecStart=$exec_start" >&2
  echo "  expected $expected_exec" >&2
  status=1
fi
echo "$checked schedules: systemd-analyze verify clean, calendar agrees on $count firings each"
exit $status
