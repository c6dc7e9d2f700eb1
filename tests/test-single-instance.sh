#!/bin/sh
# test-single-instance.sh VONK — a second vonk hands its command line to the
# running one. Runs in a D-Bus session of its own, so it never talks to a
# Vonk the developer has open. Needs a display (make check provides Xvfb).
set -eu

vonk=$1

if [ -z "${VONK_TEST_OWN_SESSION:-}" ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "no display: skipped"
    exit 77
  fi
  VONK_TEST_OWN_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

dir=$(mktemp -d)
trap 'kill $primary 2>/dev/null || true; rm -rf "$dir"' EXIT
export LANGUAGE=C XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache"

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# Waits up to 10 s for a condition given as a command.
wait_for () {
  i=0
  until "$@"; do
    i=$((i + 1))
    [ $i -le 100 ] || fail "timed out waiting for: $*"
    sleep 0.1
  done
}

has_primary () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner nl.vonk.Vonk | grep -q true
}

is_gone () {
  ! kill -0 $primary 2>/dev/null
}

"$vonk" --database="$dir/a.db" --demo >/dev/null
"$vonk" --database="$dir/a.db" &
primary=$!
wait_for has_primary

# the project is opened in the running Vonk; the second process ends at once
"$vonk" --database="$dir/a.db" --project=1 || fail "--project=1 in the running Vonk"

# an unknown project: one error line, exit 1
if "$vonk" --database="$dir/a.db" --project=99 2>"$dir/err"; then
  fail "--project=99 succeeded"
fi
grep -qx 'vonk: There is no project with ID 99' "$dir/err" || fail "unexpected: $(cat "$dir/err")"

# another database while one is open: refused, nothing opened
if "$vonk" --database="$dir/b.db" 2>"$dir/err"; then
  fail "a second database was accepted"
fi
grep -qx 'vonk: Vonk is already running with another database; close that Vonk first' "$dir/err" ||
  fail "unexpected: $(cat "$dir/err")"
[ ! -e "$dir/b.db" ] || fail "the second database was created"

kill -0 $primary || fail "the running Vonk died"
gdbus call --session --dest nl.vonk.Vonk --object-path /nl/vonk/Vonk \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null
wait_for is_gone
echo "single instance: ok"
