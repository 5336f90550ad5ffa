#!/usr/bin/env bash
# Makes actionlint (the GitHub Actions workflow checker) of a pinned version available, built from its Go
# module into the project's cache, and prints its directory on the last line of stdout.
#
#   install-actionlint.sh [VERSION]   default 1.7.12
set -euo pipefail
source "$(dirname "$0")/cache-lib.sh"

version="${1:-1.7.12}"
bin="$cache/actionlint-v$version/bin"

lock_cache "actionlint-v$version"
if ! { [ -x "$bin/actionlint" ] && [ "$("$bin/actionlint" -version | head -n1)" = "v$version" ]; }; then
  use_go
  log "building actionlint v$version from its Go module"
  GOBIN="$bin" go install "github.com/rhysd/actionlint/cmd/actionlint@v$version" >&2
fi
echo "$bin"
