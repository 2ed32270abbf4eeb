#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan in build/fuzz, runs each
# for SECONDS (default 60) and prints one line per target:
#   FUZZ <target> runs=<n> exec_per_s=<n> cov=<n> ft=<n> crashes=<n>
# Exits non-zero when any target crashed, leaked, timed out or broke an invariant; the input is
# left in build/fuzz/artifacts/<target>/ (copy it to tests/fuzz/regressions/<target>/ with the fix).
# Inputs that found new coverage accumulate in build/fuzz/corpus/<target>/ between runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/install-deps.sh"
cd "$GW_ROOT"

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi
gw_install_apt "${GW_APT_BUILD[@]}" "${GW_APT_HARDENING[@]}"

targets=(config_load sse_parser normalize_body normalize_stream catalog endpoints prompt_suite traffic_log)
build="$GW_ROOT/build/fuzz"
# Only gwcore and the fuzz targets are built; the app is off so configure needs no widgets.
cmake -S "$GW_ROOT" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGW_BUILD_FUZZ=ON -DGW_WERROR=ON \
  -DGW_BUILD_APP=OFF -DGW_BUILD_BENCH=OFF -DGW_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j "${GW_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

dict_for() {
  case "$1" in
    sse_parser|normalize_stream) echo "$GW_ROOT/tests/fuzz/dict/sse.dict" ;;
    *) echo "$GW_ROOT/tests/fuzz/dict/json.dict" ;;
  esac
}

failed=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  log="$build/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  rm -f "$artifacts"/*
  # New inputs go to the first directory only: the committed seeds are read, never written.
  rc=0
  "$build/tests/fuzz/fuzz_$target" "$corpus" "$GW_ROOT/tests/fuzz/corpus/$target" \
    -dict="$(dict_for "$target")" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || rc=$?

  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
  ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
  crashes="$(find "$artifacts" -type f | wc -l)"
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi # died without an artifact
  echo "FUZZ $target runs=${runs:-0} exec_per_s=${speed:-0} cov=${cov:-0} ft=${ft:-0} crashes=$crashes"
  if [ "$crashes" -ne 0 ]; then
    failed=1
    echo "  log: $log" >&2
    grep -m1 -A12 -E '^==[0-9]+==ERROR|runtime error|fuzz invariant violated|deadly signal' "$log" | sed 's/^/  /' >&2 || true
    find "$artifacts" -type f | sed 's/^/  input: /' >&2
  fi
done
exit "$failed"
