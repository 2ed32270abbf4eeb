#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset:
# Debug, warnings as errors, build/asan). Any sanitizer report fails the test that triggered it:
# UBSan aborts (-fno-sanitize-recover), ASan and LeakSanitizer exit non-zero.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/install-deps.sh"
cd "$GW_ROOT"

gw_install_apt "${GW_APT_BUILD[@]}" "${GW_APT_TEST[@]}"
gw_install_node_tools

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
# Third-party leaks our code cannot free, each with its reason: tests/lsan.supp.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$GW_ROOT/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

cmake --preset asan
cmake --build --preset asan -j "${GW_JOBS:-$(nproc)}"
QT_QPA_PLATFORM=offscreen ctest --preset asan -j "$(nproc)"
