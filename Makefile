# A thin front over meson. `make run` and `make check` work on a fresh
# Debian 12 machine: they install what is missing first.

BUILD ?= _build
MESON ?= meson

# Debian 12 packages needed to build, run and test Vonk.
PACKAGES = build-essential meson ninja-build pkg-config gettext \
	libglib2.0-dev libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils \
	libsqlite3-dev sqlite3 xvfb xauth dbus-x11 at-spi2-core \
	desktop-file-utils appstream python3-pyatspi locales

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Without a display, GUI tests run under Xvfb and a private D-Bus session.
HEADLESS = $(if $(DISPLAY)$(WAYLAND_DISPLAY),,xvfb-run -a -s '-screen 0 1280x800x24') \
	$(if $(DBUS_SESSION_BUS_ADDRESS),,dbus-run-session --)

.PHONY: all deps build run check check-asan valgrind fuzz bench clean

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

# The benchmarks are compiled too, so that a change which breaks one fails
# here rather than in the next `make bench`.
check: deps build
	$(MESON) compile -C $(BUILD) bench-programs
	$(HEADLESS) $(MESON) test -C $(BUILD) --print-errorlogs

# The whole suite again in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (_build-asan): any error stops the test that
# made it. Leaks are errors too, except those tests/lsan.supp lists, each
# in a library below us. A suppression matches only the frames a leak's
# stack trace has, and the libraries have no frame pointers, so traces
# are taken the slow way (fast_unwind_on_malloc=0) where that is bearable:
# the tests without GTK, and first-frame, the one test that runs the whole
# application. The widget tests would take 18 times as long (and it
# deadlocks in Mesa's threads); with the fast traces LeakSanitizer now and
# then reports one 16 kB block from g_malloc() after a run of many windows,
# with no trace to suppress or act on, which the same tests with slow
# traces do not report: the widget tests check memory errors and undefined
# behaviour, and leave leaks to the other two runs. The GUI tests
# draw without OpenGL (no Mesa loaded) and report to GTK's test
# accessibility context instead of the AT-SPI bus, whose launcher the
# parallel tests of a slow build race for.
ASAN_BUILD ?= _build-asan
ASAN_FLAGS = detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1
SANITIZER_ENV = \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	G_SLICE=always-malloc VONK_CRASH_EDITS=200
SLOW_TRACES = ASAN_OPTIONS=$(ASAN_FLAGS):fast_unwind_on_malloc=0:malloc_context_size=16
FAST_TRACES = ASAN_OPTIONS=$(ASAN_FLAGS):detect_leaks=0
GUI_ENV = GDK_DEBUG=gl-disable GSK_RENDERER=cairo GTK_A11Y=test

$(ASAN_BUILD)/build.ninja:
	$(MESON) setup $(ASAN_BUILD) -Db_sanitize=address,undefined -Db_lundef=false

check-asan: deps $(ASAN_BUILD)/build.ninja
	$(MESON) compile -C $(ASAN_BUILD)
	$(SANITIZER_ENV) $(SLOW_TRACES) $(MESON) test -C $(ASAN_BUILD) --print-errorlogs \
	  --timeout-multiplier 10 --no-suite gui
	widget_tests=$$($(MESON) test -C $(ASAN_BUILD) --list --suite gui 2>/dev/null | \
	  sed -n 's|^.* / ||p' | grep -vx first-frame); \
	$(SANITIZER_ENV) $(FAST_TRACES) $(GUI_ENV) $(HEADLESS) $(MESON) test -C $(ASAN_BUILD) \
	  --print-errorlogs --timeout-multiplier 5 --logbase testlog-gui $$widget_tests
	$(SANITIZER_ENV) $(SLOW_TRACES) $(GUI_ENV) $(HEADLESS) $(MESON) test -C $(ASAN_BUILD) \
	  --print-errorlogs --timeout-multiplier 10 --logbase testlog-app first-frame

# The core tests (no GTK) under Valgrind memcheck; slow, so not part of
# check. The test setup (tests/meson.build) uses GLib's suppressions.
VALGRIND_TESTS = store phase demo barriers sessions champions history referring load xml ics csv \
	robust fuzz-date fuzz-open fuzz-xml fuzz-csv

valgrind: deps build
	@command -v valgrind >/dev/null || { echo "make valgrind needs valgrind (apt install valgrind)"; exit 1; }
	$(MESON) test -C $(BUILD) --setup=valgrind --print-errorlogs $(VALGRIND_TESTS)

# The libFuzzer targets of tests/fuzz, each for FUZZ_SECONDS (default 60),
# in a clang build of their own (_build-fuzz). Crashing inputs land in
# tests/fuzz/regressions/NAME, which `make check` replays.
FUZZ_BUILD ?= _build-fuzz
FUZZ_SECONDS ?= 60

fuzz: deps
	@if ! command -v clang >/dev/null; then \
	  echo "make fuzz needs clang with libFuzzer (apt install clang); nothing fuzzed"; exit 0; \
	fi; \
	set -e; \
	[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang $(MESON) setup $(FUZZ_BUILD) -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=all'; \
	$(MESON) compile -C $(FUZZ_BUILD) fuzz-programs; \
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/fuzz.sh $(FUZZ_BUILD) $(CURDIR)

# The benchmark of issue 8 (tests/perf): slow, and not part of check. The
# generated database is kept in $(BUILD)/bench between runs.
bench: deps build
	$(MESON) compile -C $(BUILD) bench-programs
	$(HEADLESS) sh tests/perf/bench.sh $(BUILD) .

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
