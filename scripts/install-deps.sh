#!/usr/bin/env bash
# Installs what the project needs and is missing, from Debian's archive and the npm registry.
# Sourced by run.sh and test.sh; safe to run again (it only installs what is absent).
set -euo pipefail

GW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# libqt6opengl6-dev: Qt6Charts' CMake config requires Qt6OpenGL, which qt6-charts-dev does not pull in.
GW_APT_BUILD=(cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite libsqlite3-dev libqt6sql6-psql qtkeychain-qt6-dev libgl-dev libxkbcommon-dev zlib1g-dev)
# postgresql-15: the production link's tests start a private cluster (tests/production/pg_cluster.h).
GW_APT_TEST=(xvfb xauth postgresql-15)
# Only the hardening stage (scripts/fuzz.sh, tidy.sh): clang with the libFuzzer runtime, which
# Debian ships in libclang-rt-14-dev (a mere Recommends of clang, so name it), and clang-tidy.
GW_APT_HARDENING=(clang libclang-rt-14-dev clang-tidy)

gw_missing_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

gw_install_apt() {
  local missing
  missing="$(gw_missing_packages "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing Debian packages: $missing (run as root, or install them with apt-get)" >&2
    return 1
  fi
  echo "Installing Debian packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
}

# ajv-cli validates our JSON Schemas in the tests: a validator nobody on the project wrote. The
# official OpenRouter and OpenAI clients (@openrouter/sdk, openai) are the spec for gateway-sim.
gw_install_node_tools() {
  # Node may come from Debian or be preinstalled from elsewhere: ask for the commands, not packages.
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    gw_install_apt nodejs npm
  fi
  local tools="$GW_ROOT/tools/node_modules"
  if [ ! -x "$tools/.bin/ajv" ] || [ ! -f "$tools/@openrouter/sdk/package.json" ] || [ ! -f "$tools/openai/package.json" ]; then
    echo "Installing the test's Node tools (ajv-cli, @openrouter/sdk, openai) from the npm registry"
    (cd "$GW_ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
