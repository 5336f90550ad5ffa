# Sourced by the install scripts: the project's cache (shared by every checkout on the machine, each thing
# in it guarded by its own lock), progress on stderr, and the Go settings for builds from Go modules.
#
#   PULUMI_RTK_CACHE  default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit
cache="${PULUMI_RTK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit}"

log() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }

# Waits until no other process installs the same thing ($1 names the lock); held until the script exits.
lock_cache() {
  mkdir -p "$cache"
  exec 9>"$cache/$1.lock"
  log "waiting for the install lock ($cache/$1.lock)"
  flock 9
}

# Go from PATH or its usual home; module and build caches inside the project's cache.
use_go() {
  command -v go >/dev/null 2>&1 || PATH="$PATH:/usr/local/go/bin"
  command -v go >/dev/null 2>&1 || { log "no go toolchain: install Go (or put the tool on PATH)"; exit 1; }
  export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gobuild" GOFLAGS="-mod=mod -buildvcs=false"
  export CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
  # The checksum database mirror these machines reach has no entries for recent Pulumi releases.
  export GONOSUMDB="${GONOSUMDB:-github.com/pulumi/pulumi}"
}
