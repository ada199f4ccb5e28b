#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root, or with sudo):
#   bash scripts/quickstart.sh run    install what is missing, build, run the default scenario
#   bash scripts/quickstart.sh test   install what is missing, build, run the whole test suite
#   bash scripts/quickstart.sh bench  install what is missing, build, run the benchmark (out/bench.jsonl)
#   bash scripts/quickstart.sh sanitize   build with AddressSanitizer + UndefinedBehaviorSanitizer
#                                         (in build-asan) and run the QUICK tests
#   bash scripts/quickstart.sh fuzz [S]   install clang if missing, run each fuzz target S seconds
# Environment: BUILD_DIR (default build), JOBS (default: number of cores).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
DEFAULT_SCENARIO=scenarios/met/run-and-maintain.textproto

# Debian packages, each for a reason given in README.md ("Dependencies").
PACKAGES=(g++ cmake make pkg-config
  libsimgrid-dev protobuf-compiler libprotobuf-dev libeigen3-dev libboost-dev
  libcli11-dev librandom123-dev nlohmann-json3-dev libgtest-dev libsqlite3-dev zlib1g-dev
  openmpi-bin libopenmpi-dev)

# For `fuzz` only: libFuzzer comes with clang (Debian's clang-14 and libclang-rt-14-dev).
FUZZ_PACKAGES=(clang)
# For `test`: the report is rendered in a real browser (headless Chromium) by an end-to-end test.
TEST_PACKAGES=(chromium)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "quickstart: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "${1:-}" in
  run)
    install_missing
    build
    "$BUILD_DIR/app/desksim" run "$DEFAULT_SCENARIO" --jobs "$JOBS" --out out/default
    ;;
  test)
    install_missing "${TEST_PACKAGES[@]}"
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
  bench)
    install_missing
    build
    # JSON lines in out/bench.jsonl (one object per measurement), then the README's tables from them.
    mkdir -p out
    "$BUILD_DIR/bench/desksim_bench" | tee out/bench.jsonl
    python3 bench/bench_tables.py out/bench.jsonl
    ;;
  sanitize)
    install_missing
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Release -DDESKSIM_SANITIZE=ON >/dev/null
    cmake --build build-asan -j "$JOBS"
    ctest --test-dir build-asan --output-on-failure -j "$JOBS" -L QUICK
    ;;
  fuzz)
    install_missing "${FUZZ_PACKAGES[@]}"
    JOBS=$JOBS bash scripts/fuzz.sh "${2:-20}"
    ;;
  *)
    echo "usage: bash scripts/quickstart.sh run|test|bench|sanitize|fuzz [seconds]" >&2
    exit 2
    ;;
esac
