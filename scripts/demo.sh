#!/usr/bin/env bash
# `make demo`: pulumi up of the example roster (root Pulumi.yaml -> examples/roster/) against the local
# emulator, with a local state backend. Re-runnable: the emulator state file and the stack live together
# in .pulumi-state/ and are reused (or reset together when one of them is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pulumi-env.sh
stack="${STACK:-demo}"
emulator_state="$state_dir/emulator.json"
info="$state_dir/emulator-info.json"

# The stack and the emulator's data describe the same participants: when either is gone, start both afresh
# (a stack without its data would point at nothing; data without its stack would be left unmanaged).
if [ ! -f "$emulator_state" ] || [ ! -d "$state_dir/backend/.pulumi/stacks" ]; then
  if [ -f "$emulator_state" ] || [ -d "$state_dir/backend/.pulumi/stacks" ]; then
    echo "demo: the local stack or the emulator's state is missing: resetting both"
  fi
  rm -rf "$state_dir/backend" "$emulator_state" && mkdir -p "$state_dir/backend"
fi

rm -f "$info"
node dist/emulator/cli.js --port 0 --state-file "$emulator_state" --info-file "$info" >"$state_dir/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null || true; wait $emulator_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$info" ] && break; kill -0 $emulator_pid 2>/dev/null || break; sleep 0.1; done
[ -s "$info" ] || { echo "demo: the emulator did not start:"; cat "$state_dir/emulator.log"; exit 1; }
field() { node -p "require('$info').$1"; }
echo "demo: emulator at $(field baseUrl)"

pulumi stack select --create "$stack" >/dev/null
pulumi config set realtimekit:baseUrl "$(field baseUrl)"
pulumi config set realtimekit:accountId "$(field accountId)"
pulumi config set realtimekit:appId "$(field appId)"
pulumi config set --secret realtimekit:apiToken "$(field apiToken)"

pulumi up --yes --skip-preview
echo; echo "demo: stack outputs (tokens stay secret; add --show-secrets to reveal them)"
pulumi stack output
echo; echo "demo: a second preview must show no changes"
pulumi preview --expect-no-changes
