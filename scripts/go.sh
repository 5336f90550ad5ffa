#!/usr/bin/env bash
# Runs `go` with the settings every Go build of this repository uses: the module and build caches shared
# with the CLI build (install-pulumi-cli.sh), module mode, no cgo, the local toolchain only, and no
# checksum-database lookups for Pulumi's modules (the mirror these machines reach has none for recent ones).
#   bash scripts/go.sh build ./...
set -euo pipefail
cache="${PULUMI_RTK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit}"
command -v go >/dev/null 2>&1 || PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null 2>&1 || { echo "go.sh: no go toolchain on PATH or in /usr/local/go/bin" >&2; exit 1; }
export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gobuild" GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GONOSUMDB="${GONOSUMDB:-github.com/pulumi/pulumi}"
exec go "$@"
