#!/usr/bin/env bash
# Installs what is missing, builds (Release) and starts Gateway Console on the bundled sample workspace.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/install-deps.sh"
cd "$GW_ROOT"

gw_install_apt "${GW_APT_BUILD[@]}"
cmake --preset release >/dev/null
cmake --build --preset release

if [ -x build/release/src/app/gateway-console ]; then
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then
    echo "error: no display. Run it under a virtual one:  xvfb-run -a scripts/run.sh" >&2
    exit 1
  fi
  exec build/release/src/app/gateway-console "$@"
fi
# Until the desktop app lands, show what the CLI can do.
exec build/release/src/cli/gatewayctl --help
