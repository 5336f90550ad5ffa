#!/usr/bin/env bash
# `make rows-lock`: regenerates scripts/rows/pulumi-<version>.package-lock.json for each @pulumi/pulumi of the
# rows that do not run on the repository's own lockfile (rows of one @pulumi/pulumi share one). It starts from
# package-lock.json, so only the row's @pulumi/pulumi and what that version needs differ; run it after
# changing package.json or package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
written=" "
for row in $(node -p 'Object.keys(require("./scripts/rows/rows.json")).join(" ")'); do
  lockfile="$(node scripts/rows/rows.js get "$row" lockfile)"
  [ "$lockfile" != package-lock.json ] || continue
  case "$written" in *" $lockfile "*) continue ;; esac
  written+="$lockfile "
  work="$(mktemp -d)"
  node scripts/rows/rows.js package-json "$row" > "$work/package.json"
  cp package-lock.json "$work/package-lock.json"
  (cd "$work" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$work/package-lock.json" "$lockfile"
  rm -rf "$work"
  echo "rows-lock: wrote $lockfile"
done
