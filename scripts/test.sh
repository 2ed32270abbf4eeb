#!/usr/bin/env bash
# Installs what is missing, builds with tests (warnings as errors) and runs every test.
# Exits non-zero on any failure. CI runs exactly this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/install-deps.sh"
cd "$GW_ROOT"

preset="${GW_TEST_PRESET:-ci}"
gw_install_apt "${GW_APT_BUILD[@]}" "${GW_APT_TEST[@]}"
gw_install_node_tools

cmake --preset "$preset"
cmake --build --preset "$preset"
QT_QPA_PLATFORM=offscreen ctest --preset "$preset" -j "$(nproc)"
