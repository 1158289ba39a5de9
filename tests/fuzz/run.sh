#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 16 (ASan + UBSan) and runs each for
# SECONDS (default 30), starting from the seed corpora in tests/fuzz/corpus.
# New inputs go to a scratch folder, not into the repository. Exits non-zero
# when a target finds a crash, leak or failed check; the input is kept in
# the scratch folder and named in the output.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(routine_loader duration journal_line journal_file time)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
scratch=${FUZZ_SCRATCH_DIR:-$build/scratch}

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-16 CXX=clang++-16 cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKNOTRELIEF_FUZZ=ON -DKNOTRELIEF_BUILD_TESTS=OFF >/dev/null
fi
if ! cmake --build "$build" > "$build/build.log" 2>&1; then
  grep -E 'error|Error' "$build/build.log" | head -n 40 >&2
  echo "the fuzz targets did not build; see $build/build.log" >&2
  exit 1
fi

declare -A corpus=([routine_loader]=routine [duration]=duration [journal_line]=journal [journal_file]=journal_file [time]=time)
status=0
for target in "${targets[@]}"; do
  work=$scratch/${corpus[$target]}
  mkdir -p "$work"
  echo "fuzz_$target: ${seconds}s"
  if ! (cd "$scratch" && "$build/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        "$work" "$here/corpus/${corpus[$target]}" > "$scratch/$target.log" 2>&1); then
    echo "fuzz_$target FAILED; see $scratch/$target.log" >&2
    tail -n 40 "$scratch/$target.log" >&2
    status=1
  else
    grep -E 'stat::number_of_executed_units|stat::new_units_added' "$scratch/$target.log" | sed 's/^/  /'
  fi
done
exit $status
