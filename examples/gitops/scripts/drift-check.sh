#!/usr/bin/env bash
# The nightly drift check of one stack (.github/workflows/roster.yml; run it by hand the same way):
#
#   bash scripts/drift-check.sh STACK
#
# `pulumi refresh --preview-only --expect-no-changes` reads the meeting and every participant and changes
# nothing, not even the state. Exits 0 when they match the state; otherwise names each participant (and
# the meeting) that changed outside Pulumi, and exits 1. In GitHub Actions each one is also an error
# annotation and a line of the job summary.
set -uo pipefail
stack="${1:?usage: drift-check.sh STACK}"

output="$(pulumi refresh --preview-only --expect-no-changes --non-interactive --color never --stack "$stack" 2>&1)"
status=$?

# A resource's final line: `~  pulumi-nodejs:dynamic/realtimekit:Participant all-hands/u-1001 update [diff: ~name]`
pattern='^ *[-+~]+ +pulumi-nodejs:dynamic/realtimekit:([A-Za-z]+) +([^ ]+) +(update|delete|create|replace)( +\[diff: ([^]]*)\])? *$'
drifted=()
while IFS= read -r line; do
  [[ "$line" =~ $pattern ]] || continue
  kind="${BASH_REMATCH[1]}" name="${BASH_REMATCH[2]}" op="${BASH_REMATCH[3]}" fields="${BASH_REMATCH[5]}"
  case "$kind" in Participant) what="participant $name" ;; Meeting) what="meeting $name" ;; *) what="$kind $name" ;; esac
  case "$op" in
    delete) drifted+=("$what was deleted outside Pulumi") ;;
    update) drifted+=("$what was changed outside Pulumi${fields:+ (${fields})}") ;;
    *) drifted+=("$what: refresh would $op it") ;;
  esac
done <<< "$output"

if [ "$status" = 0 ]; then
  echo "drift check: $stack matches its state"
  exit 0
fi
if [ "${#drifted[@]}" = 0 ]; then
  printf '%s\n' "$output"
  echo "drift check: pulumi refresh of $stack failed (exit $status) before it could compare anything"
  exit "$status"
fi
echo "drift check: ${#drifted[@]} change(s) in $stack made outside Pulumi:"
printf '  %s\n' "${drifted[@]}"
echo "Run \`pulumi refresh --stack $stack\` to accept them into the state, then \`pulumi up\` to restore the roster from the stack file."
if [ "${GITHUB_ACTIONS:-}" = true ]; then
  for entry in "${drifted[@]}"; do echo "::error title=Drift in $stack::$entry"; done
  { echo "### Drift in $stack"; printf -- '- %s\n' "${drifted[@]}"; } >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
fi
exit 1
