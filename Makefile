# A thin front over meson. `make run` and `make check` work on a fresh
# Debian 12 machine: they install what is missing first.

BUILD ?= _build
MESON ?= meson

# Debian 12 packages needed to build, run and test Vonk.
PACKAGES = build-essential meson ninja-build pkg-config gettext \
	libglib2.0-dev libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils \
	libsqlite3-dev sqlite3 xvfb xauth dbus-x11 at-spi2-core \
	desktop-file-utils appstream

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Without a display, GUI tests run under Xvfb and a private D-Bus session.
HEADLESS = $(if $(DISPLAY)$(WAYLAND_DISPLAY),,xvfb-run -a -s '-screen 0 1280x800x24') \
	$(if $(DBUS_SESSION_BUS_ADDRESS),,dbus-run-session --)

.PHONY: all deps build run check bench clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD)

build: $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

run: deps build
	$(MESON) devenv -C $(BUILD) ./src/vonk $(ARGS)

check: deps build
	$(HEADLESS) $(MESON) test -C $(BUILD) --print-errorlogs

# The benchmark of issue 8 (tests/perf): slow, and not part of check. The
# generated database is kept in $(BUILD)/bench between runs.
bench: deps build
	$(MESON) compile -C $(BUILD) bench-programs
	$(HEADLESS) sh tests/perf/bench.sh $(BUILD) .

clean:
	rm -rf $(BUILD)
