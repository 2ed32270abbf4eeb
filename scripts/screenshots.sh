#!/usr/bin/env bash
# Screenshots of every page of gateway-console, for review: builds if needed, runs the app under
# a virtual display on a throwaway copy of the sample workspace, saves one PNG per page.
# Usage: scripts/screenshots.sh [OUTPUT_DIR]   (default ./screenshots)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-screenshots}")"
build="${GW_BUILD_DIR:-$root/build/screenshots}"

if [[ ! -x "$build/src/app/gateway-console" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGW_BUILD_TESTS=OFF -DGW_BUILD_BENCH=OFF
fi
cmake --build "$build" -j2 --target gateway-console

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/resources/sample-workspace" "$work/workspace"
mkdir -p "$out" "$work/config/GatewayConsole"
# Both gateways on the in-process local simulator: the Test bench page shows a real batch.
printf '[gateways]\nopenrouter\\local=true\nvercel\\local=true\n' > "$work/config/GatewayConsole/gateway-console.conf"
# Own settings and data dirs: the screenshots never touch the user's workspace or settings.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    xvfb-run -a "$build/src/app/gateway-console" --workspace "$work/workspace" --screenshot-dir "$out"
ls -1 "$out"/*.png
