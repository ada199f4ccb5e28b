#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer + UndefinedBehaviorSanitizer)
# and runs each for a fixed time:
#   bash scripts/fuzz.sh [SECONDS]     default 20 seconds per target
# Environment: FUZZ_BUILD_DIR (default build-fuzz), JOBS (default: number of cores).
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>, plus the shipped scenarios or
# platforms) and keeps what it learns in $FUZZ_BUILD_DIR/fuzz-work/<target>/corpus, so a later run
# goes on from there. An input that crashes a target is saved in .../<target>/artifacts and the script
# exits 1; copy it to tests/fuzz/regressions/<target>/ so that the normal test suite keeps checking it.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${1:-20}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
case "$FUZZ_SECONDS" in ''|*[!0-9]*) echo "usage: bash scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ is not installed (apt-get install clang)" >&2
  exit 2
fi

TARGETS=(fuzz_scenario_text fuzz_scenario_json fuzz_scenario_overlay fuzz_platform_file fuzz_incident_log)
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DDESKSIM_FUZZ=ON \
  -DDESKSIM_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${TARGETS[@]}"

# Seeds beyond the committed corpus: every shipped scenario and platform file, as they are now.
seeds_of() {
  case "$1" in
    fuzz_scenario_text) find scenarios -name '*.textproto' ;;
    fuzz_scenario_json) find scenarios -name '*.json' -not -path '*/data/*' ;;
    fuzz_platform_file) find scenarios -name '*.xml' ;;
    fuzz_scenario_overlay|fuzz_incident_log) ;;  # their committed corpus only
  esac
}

status=0
work="$BUILD_DIR/fuzz-work"
for target in "${TARGETS[@]}"; do
  mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
  seeds_of "$target" | while read -r f; do cp "$f" "$work/$target/corpus/"; done
  flags=(-max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=4096 -max_len=131072 -print_final_stats=1
         -artifact_prefix="$work/$target/artifacts/")
  # SimGrid aborts on a bad platform in the check's child process, as designed: that is no crash here.
  [ "$target" = fuzz_platform_file ] && flags+=(-handle_abrt=0)
  log="$work/$target/log"
  if "$BUILD_DIR/tests/fuzz/$target" "${flags[@]}" "$work/$target/corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $work/$target/artifacts)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  echo "$target: ${runs:-0} inputs in ${FUZZ_SECONDS} s (${rate:-0}/s), corpus $(ls "$work/$target/corpus" | wc -l) files: $result"
done
exit "$status"
