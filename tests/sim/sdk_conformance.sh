#!/usr/bin/env bash
# Runs sdk_conformance.mjs: the official npm clients (@openrouter/sdk, openai; pinned in
# tools/package.json) against a gateway-sim process. Fails, never skips, when Node or the
# clients are missing, and says how to install them.
# Usage: sdk_conformance.sh GATEWAY_SIM TOOLS_DIR
set -u -o pipefail

SIM=$1
TOOLS=$2
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v node >/dev/null 2>&1; then
  echo "node not found: run scripts/install-deps.sh (installs nodejs and the tools in tools/)" >&2
  exit 1
fi
for package in @openrouter/sdk openai; do
  if [ ! -f "$TOOLS/node_modules/$package/package.json" ]; then
    echo "$TOOLS/node_modules/$package missing: run scripts/install-deps.sh (npm ci in tools/)" >&2
    exit 1
  fi
done
exec node "$HERE/sdk_conformance.mjs" "$SIM" "$TOOLS"
