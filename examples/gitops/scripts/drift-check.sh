#!/usr/bin/env bash
# The nightly drift check of one stack (.github/workflows/roster.yml; run it by hand the same way):
#
#   bash scripts/drift-check.sh STACK
#
# `pulumi refresh --preview-only --expect-no-changes` reads the meeting and every participant and changes
# nothing, not even the state. Exits 0 when they match the state; otherwise names each participant (and
# the meeting) that changed outside Pulumi, with the fields that changed, and exits 1. A token due for
# renewal (the only change refresh reports without a changed field) is noted, not counted as drift. In GitHub Actions each one is also an error
# annotation and a line of the job summary.
set -uo pipefail
stack="${1:?usage: drift-check.sh STACK}"

output="$(pulumi refresh --preview-only --expect-no-changes --non-interactive --color never --stack "$stack" 2>&1)"
status=$?

# "+accountId,appId~name-picture" (added, changed, removed inputs) -> "name changed, picture removed". The
# ids a participant was created with show as added inputs whenever it has any change (the state records the
# resolved ids, the program may leave them to config): they are not drift and are left out.
describe_fields() {
  local part names name described=()
  while IFS= read -r part; do
    [ -n "$part" ] || continue
    IFS=, read -ra names <<< "${part:1}"
    for name in "${names[@]}"; do
      case "${part:0:1}$name" in
        +accountId | +appId) ;;
        +*) described+=("$name added") ;;
        ~*) described+=("$name changed") ;;
        -*) described+=("$name removed") ;;
      esac
    done
  done < <(printf '%s\n' "$1" | sed -E 's/([-+~])/\n\1/g')
  local IFS=,
  printf '%s' "${described[*]}" | sed 's/,/, /g'
}

# A resource's final line: `~  pulumi-nodejs:dynamic/realtimekit:Participant all-hands/u-1001 update [diff: ~name]`
pattern='^ *[-+~]+ +pulumi-nodejs:dynamic/realtimekit:([A-Za-z]+) +([^ ]+) +(update|delete|create|replace)( +\[diff: ([^]]*)\])? *$'
drifted=() notes=()
while IFS= read -r line; do
  [[ "$line" =~ $pattern ]] || continue
  kind="${BASH_REMATCH[1]}" name="${BASH_REMATCH[2]}" op="${BASH_REMATCH[3]}"
  fields="$(describe_fields "${BASH_REMATCH[5]}")"
  case "$kind" in Participant) what="participant $name" ;; Meeting) what="meeting $name" ;; *) what="$kind $name" ;; esac
  if [ "$op" = delete ]; then
    drifted+=("$what was deleted outside Pulumi")
  elif [ "$op" = update ] && [ -n "$fields" ]; then
    drifted+=("$what was changed outside Pulumi: $fields")
  elif [ "$op" = update ] && [ "$kind" = Participant ]; then
    # No input differs: the provider reports the token as due (refreshBeforeExpiry) or missing.
    notes+=("$what has a token due for renewal (run \`pulumi up\`)")
  else
    drifted+=("$what: refresh would $op it")
  fi
done <<< "$output"
[ "${#notes[@]}" = 0 ] || printf 'drift check: %s\n' "${notes[@]}"

if [ "$status" = 0 ] || { [ "${#drifted[@]}" = 0 ] && [ "${#notes[@]}" != 0 ]; }; then
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
