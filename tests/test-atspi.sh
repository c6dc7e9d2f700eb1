#!/bin/sh
# test-atspi.sh VONK — runs test-atspi.py in a D-Bus session of its own,
# with its own accessibility bus. Needs a display (make check provides
# Xvfb, outside the session, which AT-SPI's key and mouse events need) and
# Debian's python3-pyatspi; skipped without them.
set -eu

if [ -z "${VONK_TEST_OWN_SESSION:-}" ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "no display: skipped"
    exit 77
  fi
  if ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
    echo "python3-pyatspi is not installed: skipped"
    exit 77
  fi
  VONK_TEST_OWN_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi

exec /usr/bin/python3 "$(dirname "$0")/test-atspi.py" "$@"
