#!/usr/bin/env bash
# `make demo`: the example roster (root Pulumi.yaml -> examples/roster/) against the local emulator, with a
# local state backend. It previews with the diff before it applies, prints the roster as a table, then
# previews a changed copy of the roster (one preset changed, one person removed) without applying it, and
# ends with the commands to explore the stack. Re-runnable: the emulator's state file and the stack live
# together in .pulumi-state/ and are reused (or reset together when one of them is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pulumi-env.sh
stack="${STACK:-demo}"
emulator_state="$state_dir/emulator.json"
info="$state_dir/emulator-info.json"
scratch="$state_dir/demo-second-pass"
# No "@ updating...." progress lines: the demo's output is read in logs as often as in a terminal.
quiet=(--suppress-progress --non-interactive)

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
pulumi config set-all --plaintext "realtimekit:baseUrl=$(field baseUrl)" \
  --plaintext "realtimekit:accountId=$(field accountId)" --plaintext "realtimekit:appId=$(field appId)" \
  --secret "realtimekit:apiToken=$(field apiToken)"

echo; echo "demo: pulumi preview --diff (what pulumi up would change)"
pulumi preview --diff "${quiet[@]}" | tee "$state_dir/demo-preview.txt"
# Resources to change, or only the stack's outputs (an example that exports something new).
if grep -qE '^ +[-+~]+ *[0-9]+ to |--outputs:--' "$state_dir/demo-preview.txt"; then
  echo; echo "demo: pulumi up --skip-preview (applies what the preview showed)"
  pulumi up --yes --skip-preview "${quiet[@]}" --suppress-outputs
else
  echo; echo "demo: nothing to apply"
fi

echo; echo "demo: the roster, from pulumi stack output --json (tokens stay secret)"
pulumi stack output --json | node scripts/demo.js table

# The second pass previews an edited copy of the roster through a copy of the stack's config, so neither the
# roster file nor the stack changes.
echo
rm -rf "$scratch" && mkdir -p "$scratch"
change="$(node scripts/demo.js change-roster examples/roster/roster.yaml "$scratch/roster.yaml")"
echo "demo: a copy of roster.yaml where $change: pulumi preview --diff"
cp "Pulumi.$stack.yaml" "$scratch/Pulumi.$stack.yaml"
pulumi config set rosterFile "$scratch/roster.yaml" --config-file "$scratch/Pulumi.$stack.yaml"
pulumi preview --diff "${quiet[@]}" --config-file "$scratch/Pulumi.$stack.yaml"

# What `source scripts/demo-env.sh` puts in a shell: this run's CLI, Node.js, backend and passphrase.
{
  printf 'export PATH=%q:"$PATH"\n' "$(dirname "$(command -v pulumi)"):$(dirname "$(command -v node)")"
  for name in PULUMI_BACKEND_URL PULUMI_HOME PULUMI_CONFIG_PASSPHRASE PULUMI_SKIP_UPDATE_CHECK \
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION PULUMI_NODEJS_TRANSPILE_ONLY; do
    printf 'export %s=%q\n' "$name" "${!name}"
  done
} >"$state_dir/demo-env"
echo
echo "demo: explore the stack from your shell:"
[ "$PWD" = "${RTK_REPOSITORY:-$PWD}" ] || echo "  cd $PWD    # this row's copy of the repository"
[ "$state_dir" = "$PWD/.pulumi-state" ] || echo "  export PULUMI_RTK_STATE_DIR=$state_dir"
cat <<NEXT
  source scripts/demo-env.sh                   # the demo's pulumi ($(pulumi version)), backend and passphrase
  pulumi stack select $stack
  pulumi stack output tokens --show-secrets    # the join tokens, in plain text
  pulumi stack --show-ids                      # every resource, with its RealtimeKit id
  make demo                                    # after editing examples/roster/roster.yaml: preview, then apply
NEXT
