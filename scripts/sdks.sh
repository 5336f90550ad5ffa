#!/usr/bin/env bash
# Regenerates everything under generated/ (or the folder given): the package schema and the reference docs
# from the runtime's input description (scripts/generate-reference.ts), then the Go and Python SDKs from
# that schema with Pulumi's code generators (scripts/sdkgen, a Go program pinned to pkg/v3 v3.248.0, the
# version the CLI is built from; scripts/go.sh shares the CLI build's module and build caches).
#
#   bash scripts/sdks.sh [out dir]        default: generated
#   bash scripts/sdks.sh --check          regenerate into a temporary folder; fail if generated/ differs
set -euo pipefail
cd "$(dirname "$0")/.."

go="$(pwd)/scripts/go.sh"

generate() { # out dir (absolute)
  rm -rf "$1" && mkdir -p "$1"
  node -r ts-node/register/transpile-only scripts/generate-reference.ts "$1"
  (cd scripts/sdkgen && "$go" run . "$1/schema.json" "$1/sdk")
}

if [ "${1:-}" = --check ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  generate "$tmp/generated"
  if ! diff -r -x __pycache__ generated "$tmp/generated" >"$tmp/diff" 2>&1; then
    head -n 40 "$tmp/diff" >&2
    echo "check-generated: generated/ is stale; run \`make sdks\` and commit the result" >&2
    exit 1
  fi
  echo "check-generated: generated/ is up to date"
  exit 0
fi

out="$(realpath -m "${1:-generated}")"
generate "$out.partial"
rm -rf "$out" && mv "$out.partial" "$out"
echo "sdks: wrote $out"
