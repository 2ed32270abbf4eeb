#!/usr/bin/env bash
# `gatewayctl simulate` over 1,000,000 keys with a 50-rule config, end to end through the CLI.
# Usage: bench/bench_simulate.sh [BUILD_DIR]   (default build/release; build it first)
# Output: BENCH <name> <value> <unit>
set -euo pipefail
build="${1:-build/release}"
ctl="$build/src/cli/gatewayctl"
[ -x "$ctl" ] || { echo "error: $ctl not found; run: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 50 rules: 48 staff pins per vendor, a family share and an opt-out; 40 models, 5 not on Vercel.
{
  echo '{"schema_version": 1, "default_share": {"paid": 3, "free": 3}, "rules": ['
  for i in $(seq 0 47); do
    echo "{\"id\": \"staff-$i\", \"match\": {\"models\": [\"vendor$i/*\"], \"users\": [\"staff-$i\"]}, \"action\": {\"gateway\": \"vercel\"}},"
  done
  echo '{"id": "anthropic", "match": {"models": ["anthropic/*"]}, "action": {"vercel_share": 5}},'
  echo '{"id": "no-kimi", "match": {"models": ["moonshotai/kimi-*"]}, "action": {"gateway": "openrouter"}}],'
  echo '"models": {'
  for i in $(seq 0 39); do
    sep=$([ "$i" -lt 39 ] && echo , || true)
    if [ $((i % 8)) -eq 7 ]; then echo "\"vendor$i/model\": {\"vercel\": null}$sep"
    else echo "\"vendor$i/model\": {\"vercel\": \"vendor$i/model\"}$sep"; fi
  done
  echo '}}'
} > "$work/fifty.json"
"$ctl" validate "$work/fifty.json" >/dev/null

rate() { sed -n 's/.* decisions in .* ms (\([0-9.]*\) million per second)/\1/p'; }
one=$("$ctl" simulate "$work/fifty.json" --users 1000000 --models vendor1/model 2>&1 >/dev/null | rate)
echo "BENCH gatewayctl_simulate_1m_keys_50_rules_1_model $one Mdecisions/s"
all=$("$ctl" simulate "$work/fifty.json" --users 1000000 2>&1 >/dev/null | rate)
echo "BENCH gatewayctl_simulate_1m_keys_50_rules_40_models $all Mdecisions/s"
start=$(date +%s%N)
"$ctl" simulate "$work/fifty.json" --users 1000000 --models vendor1/model >/dev/null 2>&1
end=$(date +%s%N)
echo "BENCH gatewayctl_simulate_1m_keys_wall $(( (end - start) / 1000000 )) ms"
