#!/usr/bin/env bash
# `make test-rows` (and CI): the whole suite in every tested row of scripts/rows/rows.json, one after the
# other, each whatever the other's outcome; fails if any row fails. Each row prints the Node.js,
# @pulumi/pulumi and CLI versions it ran on and its test count; a recap of every row, with its duration
# (installs included), comes last.
#
#   ROWS="current"   run only these rows
set -uo pipefail
cd "$(dirname "$0")/.."
rows="${ROWS:-$(node -p 'Object.keys(require("./scripts/rows/rows.json")).join(" ")')}"
status=0
recap=()
for row in $rows; do
  output="$(mktemp)"
  start=$SECONDS
  echo "=== row $row"
  make --no-print-directory test ROW="$row" 2>&1 | tee "$output"
  row_status=${PIPESTATUS[0]}
  seconds=$((SECONDS - start))
  versions="$(grep -m1 "^row $row: " "$output" || echo "row $row: stopped before its suite ran")"
  count="$(grep -m1 '^tests: ' "$output" || echo 'tests: none ran')"
  verdict=passed
  [ "$row_status" = 0 ] || { verdict="FAILED (exit $row_status)"; status=1; }
  recap+=("$versions" "  $count" "  $verdict in $((seconds / 60))m$((seconds % 60))s")
  rm -f "$output"
done
echo "=== rows"
printf '%s\n' "${recap[@]}"
exit $status
