#!/usr/bin/env bash
# Makes a Pulumi CLI of a pinned version available and prints the directory that holds it
# (`pulumi`, `pulumi-language-nodejs`, `pulumi-resource-pulumi-nodejs`, `pulumi-language-yaml`) on the last
# line of stdout.
# Versions are cached side by side ($cache/pulumi-v<version>/bin), so every tested row keeps its own.
#
# Order: a `pulumi` of exactly that version already on PATH; else a cached build of it; else the official
# installer when its site answers; else a build from Pulumi's published Go modules (the only way on machines
# that reach nothing but package registries). Progress goes to stderr.
#
#   install-pulumi-cli.sh [VERSION]   default $PULUMI_VERSION, else 3.248.0 (the floor row's CLI)
#   PULUMI_RTK_CACHE                  the cache (see cache-lib.sh)
#   PULUMI_RTK_FORCE_BUILD            1 = ignore a pulumi on PATH and the installer; use the cache or build
set -euo pipefail
source "$(dirname "$0")/cache-lib.sh"

version="${1:-${PULUMI_VERSION:-3.248.0}}"
# The language host module has no release tags; these are the commits of the pkg/v3 release tags.
declare -A lang_commits=([3.248.0]=dc7edd58bc13179f81b80983aab4eb7f74a01b41)
# The last sdk/v3 release whose module still contained nodejs/cmd/pulumi-language-nodejs.
fallback_lang_sdk="3.68.0"
bin="$cache/pulumi-v$version/bin"
force_build="${PULUMI_RTK_FORCE_BUILD:-0}"

print_bin_and_exit() { echo "$1"; exit 0; }

use_pulumi_on_path() {
  [ "$force_build" != 1 ] && command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1 ||
    return 0
  local found
  found="$(pulumi version 2>/dev/null | sed 's/^v//')"
  if [ "$found" = "$version" ]; then
    log "using pulumi v$found on PATH"
    print_bin_and_exit "$(dirname "$(command -v pulumi)")"
  fi
  log "the pulumi on PATH is v$found, not v$version: using a pinned copy"
}

# The YAML language host (for the native plugin's YAML programs), built from its own Go module: its go.mod
# has no replace directives, so `go install module@version` works. Cached once per version, independent
# of the CLI version, and linked into the CLI's bin directory so the engine finds it next to `pulumi`.
yaml_host_version="${PULUMI_YAML_VERSION:-1.25.0}"
ensure_yaml_language_host() { # target bin dir (the lock is held)
  local dir="$cache/pulumi-language-yaml-v$yaml_host_version/bin"
  if [ ! -x "$dir/pulumi-language-yaml" ]; then
    use_go
    log "building pulumi-language-yaml v$yaml_host_version from its Go module (cold: about 2 minutes)"
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    GOBIN="$(cd "$dir.partial" && pwd)" \
      go install -trimpath "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$yaml_host_version" >&2
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sf "$dir/pulumi-language-yaml" "$1/pulumi-language-yaml"
}

have_cached_build() {
  [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-resource-pulumi-nodejs" ] &&
    [ "$("$bin/pulumi" version 2>/dev/null)" = "v$version" ]
}

write_dynamic_provider_plugin() { # dir
  # The engine launches `pulumi-resource-pulumi-nodejs` for dynamic resources; upstream it is this
  # same tiny script: run the dynamic-provider host of the @pulumi/pulumi the program installed.
  cat > "$1/pulumi-resource-pulumi-nodejs" <<'SH'
#!/bin/sh
exec node "$(node -p "require.resolve('@pulumi/pulumi/cmd/dynamic-provider')" 2>/dev/null || echo ./node_modules/@pulumi/pulumi/cmd/dynamic-provider)" "$@"
SH
  chmod +x "$1/pulumi-resource-pulumi-nodejs"
}

install_with_official_installer() {
  [ "$force_build" != 1 ] && command -v curl >/dev/null 2>&1 &&
    curl -fsS --max-time 5 -o "$cache/get-pulumi.sh" https://get.pulumi.com 2>/dev/null || return 0
  log "installing pulumi v$version with the official installer"
  sh "$cache/get-pulumi.sh" --version "$version" --install-root "$cache/pulumi-v$version" --no-edit-path >&2
  write_dynamic_provider_plugin "$bin"
  print_bin_and_exit "$bin"
}

# `go install pkg@version` refuses modules whose go.mod has replace directives, so each binary is
# built from a throw-away module that requires it and copies its non-local replace directives.
build_from_module() { # name module@version package sdk/v3-version reported-version
  local name="$1" modver="$2" pkg="$3" sdk="$4" reported="$5" dir="$work/$1" gomod replaces
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  go mod init "build-$name" >/dev/null 2>&1
  gomod="$(go mod download -json "$modver" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')"
  replaces="$(go mod edit -json "$gomod" | node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const r of m.Replace || []) {
      if (!r.New.Version) continue; // local ../ paths point into the monorepo checkout we do not have
      const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path;
      console.log(`${old}=${r.New.Path}@${r.New.Version}`);
    }')"
  for r in $replaces; do go mod edit -replace "$r"; done
  log "$name: resolving $modver"
  go get "$pkg@${modver#*@}" "github.com/pulumi/pulumi/sdk/v3@v$sdk" >&2
  log "$name: compiling"
  go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$reported" \
    -o "$bin.partial/$name" "$pkg" >&2
}

build_pulumi_cli() {
  build_from_module pulumi "github.com/pulumi/pulumi/pkg/v3@v$version" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    "$version" "$version"
}

# The Node.js language host is its own module at the release commit. Module proxies that only mirror
# tagged modules answer "not available" for it; the host then comes from the last sdk/v3 release that
# still shipped it as a package (v3.68.0): the language-host protocol is backwards compatible, and the
# program itself still runs on the project's pinned @pulumi/pulumi.
build_nodejs_language_host() {
  local commit="${lang_commits[$version]:-}" module answer
  [ -n "$commit" ] || commit="$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@v$version" |
    sed -n 's/.*"Hash": "\([0-9a-f]*\)".*/\1/p')"
  module="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@$commit"
  if [ -n "$commit" ] && answer="$(go mod download -json "$module" 2>&1)"; then
    build_from_module pulumi-language-nodejs "$module" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 \
      "$version" "$version"
    return
  fi
  if [ -z "$commit" ]; then
    log "the module proxy names no commit for pkg/v3@v$version"
  else
    log "the module proxy does not serve $module:"
    printf '%s\n' "$answer" | sed -n 's/.*"Error": "\(.*\)".*/  \1/p' >&2
  fi
  log "using the language host of sdk/v3@v$fallback_lang_sdk instead"
  build_from_module pulumi-language-nodejs "github.com/pulumi/pulumi/sdk/v3@v$fallback_lang_sdk" \
    github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "$fallback_lang_sdk" "$fallback_lang_sdk"
}

use_pulumi_on_path
# A finished build is moved into place in one step, so it can be used without waiting for the lock.
if have_cached_build && [ -x "$bin/pulumi-language-yaml" ]; then
  log "using cached pulumi v$version in $bin"
  print_bin_and_exit "$bin"
fi
# One lock for every CLI version: builds share the Go caches and two at once would halve the speed of each.
lock_cache install
if have_cached_build; then
  log "using cached pulumi v$version in $bin"
  ensure_yaml_language_host "$bin"
  print_bin_and_exit "$bin"
fi
install_with_official_installer

use_go
log "building pulumi v$version from Pulumi's Go modules (cold: tens of minutes; cached afterwards)"
work="$cache/build-v$version"
mkdir -p "$work" && rm -rf "$bin.partial" && mkdir -p "$bin.partial"
build_pulumi_cli
build_nodejs_language_host
write_dynamic_provider_plugin "$bin.partial"
rm -rf "$bin" && mv "$bin.partial" "$bin"
ensure_yaml_language_host "$bin"
"$bin/pulumi" version >&2
echo "$bin"
