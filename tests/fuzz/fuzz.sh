#!/bin/sh
# make fuzz: runs every libFuzzer target of tests/fuzz for FUZZ_SECONDS
# (default 60) each, starting from its corpus (tests/fuzz/corpus/NAME).
# What the fuzzer finds on the way is kept in BUILD/corpus/NAME; an input
# that crashes a target is saved as tests/fuzz/regressions/NAME/crash-…,
# which the replay test fuzz-NAME of `make check` then runs for good.
#
#   fuzz.sh BUILD SOURCE-DIR
set -u
build=$1
source=$2
seconds=${FUZZ_SECONDS:-60}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export G_SLICE=always-malloc

failed=""
for program in "$build"/tests/fuzz/fuzz-*; do
  [ -f "$program" ] && [ -x "$program" ] || continue
  name=${program##*/fuzz-}
  corpus="$build/corpus/$name"
  regressions="$source/tests/fuzz/regressions/$name"
  mkdir -p "$corpus" "$regressions"
  echo "== fuzz-$name for $seconds s"
  if ! "$program" -max_total_time="$seconds" -print_final_stats=1 \
       -artifact_prefix="$regressions/" "$corpus" "$source/tests/fuzz/corpus/$name"; then
    failed="$failed $name"
  fi
done

if [ -n "$failed" ]; then
  echo "fuzz: crashes in:$failed; the inputs are in tests/fuzz/regressions/" >&2
  exit 1
fi
echo "fuzz: nothing found"
