#!/usr/bin/env bash
# Runs a command inside one tested row (scripts/rows/rows.json: Node.js, @pulumi/pulumi, Pulumi CLI):
#
#   row.sh [ROW] COMMAND...     ROW empty: the row of the Node.js on PATH
#
# - Node.js: the one on PATH when it is of the row's line, else the row's pinned version (install-node.sh).
# - Pulumi CLI: the row's pinned version (install-pulumi-cli.sh), first on PATH.
# - @pulumi/pulumi: a row that pins the version of the repository's own package-lock.json runs in the
#   repository. Any other row runs in a copy of the working tree (tracked and untracked files, nothing
#   ignored) whose package.json and package-lock.json pin the row's version
#   (scripts/rows/pulumi-<version>.package-lock.json, installed by `npm ci` there): the programs, the dynamic-provider host and jest all load that copy's
#   node_modules. The copy lives in the cache; its node_modules and .pulumi-state survive re-runs.
#
# Exports RTK_ROW (the Makefile runs the real recipes when it is set), RTK_REPOSITORY (the repository root) and prints the row's tree on stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/cache-lib.sh"
rows() { node "$root/scripts/rows/rows.js" "$@"; }

row="$(rows select "${1:-}")"
shift
node_version="$(rows get "$row" node)"
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "${node_version%%.*}" ]; then
  PATH="$(bash "$root/scripts/install-node.sh" "$node_version" | tail -n1):$PATH"
fi
PATH="$(bash "$root/scripts/install-pulumi-cli.sh" "$(rows get "$row" cli)" | tail -n1):$PATH"

# Replaces the copy's sources with the working tree's, keeping what the copy installed and ran.
sync_copy() { # tree
  local tree="$1"
  mkdir -p "$tree"
  find "$tree" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .pulumi-state -exec rm -rf {} +
  if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" ls-files -z --cached --others --exclude-standard |
      tar -C "$root" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$tree" -xf -
  else
    tar -C "$root" --exclude=./node_modules --exclude=./dist --exclude=./.pulumi-state --exclude=./.git -cf - . |
      tar -C "$tree" -xf -
  fi
  rows package-json "$row" > "$tree/package.json"
  # Its modification time decides whether `npm ci` runs again (the Makefile's node_modules rule).
  cp -p "$root/$(rows get "$row" lockfile)" "$tree/package-lock.json"
}

tree="$root"
if [ "$(rows get "$row" lockfile)" != package-lock.json ]; then
  tree="$cache/rows/$(basename "$root")-$(printf '%s' "$root" | sha1sum | cut -c1-10)/$row"
  sync_copy "$tree"
fi
log "$row in $tree"
export RTK_ROW="$row" RTK_REPOSITORY="$root" PATH
cd "$tree"
exec "$@"
