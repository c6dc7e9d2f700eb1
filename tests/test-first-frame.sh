#!/bin/sh
# test-first-frame.sh VONK — with VONK_FIRST_FRAME_EXIT=1, Vonk shows the
# project, prints the monotonic time of its first frame and exits 0 (what
# `make bench` measures the time to first frame with). Runs in a D-Bus
# session of its own. Needs a display (make check provides Xvfb).
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
trap 'rm -rf "$dir"' EXIT
export LANGUAGE=C XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache"

project=$("$vonk" --database="$dir/vonk.db" --demo)
out=$(VONK_FIRST_FRAME_EXIT=1 timeout 60 "$vonk" --database="$dir/vonk.db" --project="$project")

case $out in
  ''|*[!0-9]*)
    echo "FAIL: expected the time of the first frame, got: $out" >&2
    exit 1
    ;;
esac
echo "first frame at $out µs"
