#!/usr/bin/env bash
# Makes a Pulumi CLI of the pinned version available and prints the directory that holds it
# (`pulumi`, `pulumi-language-nodejs`, `pulumi-resource-pulumi-nodejs`) on the last line of stdout.
#
# Order: a `pulumi` already on PATH that is recent enough; else a cached build of the pinned version;
# else the official installer when its site answers; else a build from Pulumi's published Go modules
# (the only way on machines that reach nothing but package registries). Progress goes to stderr.
#
#   PULUMI_VERSION          pinned version (default 3.248.0, matching the pinned @pulumi/pulumi)
#   PULUMI_RTK_CACHE        cache for the Go module/build caches and the binaries
#                           (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit)
#   PULUMI_RTK_FORCE_BUILD  1 = ignore a pulumi on PATH and the installer; use the cache or build
set -euo pipefail

version="${PULUMI_VERSION:-3.248.0}"
# The language host module has no release tags; this is the commit of the pkg/v3.248.0 tag.
lang_commit_3_248_0="dc7edd58bc13179f81b80983aab4eb7f74a01b41"
# The last sdk/v3 release whose module still contained nodejs/cmd/pulumi-language-nodejs.
fallback_lang_sdk="3.68.0"
cache="${PULUMI_RTK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit}"
bin="$cache/pulumi-v$version/bin"

log() { printf 'install-pulumi-cli: %s\n' "$*" >&2; }

version_at_least() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

write_dynamic_provider_plugin() {
  # The engine launches `pulumi-resource-pulumi-nodejs` for dynamic resources; upstream it is this
  # same tiny script: run the dynamic-provider host of the @pulumi/pulumi the program installed.
  cat > "$1/pulumi-resource-pulumi-nodejs" <<'SH'
#!/bin/sh
exec node "$(node -p "require.resolve('@pulumi/pulumi/cmd/dynamic-provider')" 2>/dev/null || echo ./node_modules/@pulumi/pulumi/cmd/dynamic-provider)" "$@"
SH
  chmod +x "$1/pulumi-resource-pulumi-nodejs"
}

# The YAML language host (for the native plugin's YAML programs), built from its own Go module: its go.mod
# has no replace directives, so `go install module@version` works. Cached once per version, independent
# of the CLI version, and linked into the CLI's bin directory so the engine finds it next to `pulumi`.
yaml_host_version="${PULUMI_YAML_VERSION:-1.25.0}"
ensure_yaml_language_host() { # target bin dir (the lock is held)
  local dir="$cache/pulumi-language-yaml-v$yaml_host_version/bin"
  if [ ! -x "$dir/pulumi-language-yaml" ]; then
    command -v go >/dev/null 2>&1 || PATH="$PATH:/usr/local/go/bin"
    log "building pulumi-language-yaml v$yaml_host_version from its Go module (cold: about 2 minutes)"
    mkdir -p "$dir.partial"
    GOBIN="$(cd "$dir.partial" && pwd)" GOMODCACHE="$cache/gomod" GOCACHE="$cache/gobuild" \
      GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}" \
      GONOSUMDB="${GONOSUMDB:-github.com/pulumi/pulumi}" \
      go install -trimpath "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$yaml_host_version" >&2
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  ln -sf "$dir/pulumi-language-yaml" "$1/pulumi-language-yaml"
}

have_cached_build() {
  [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-resource-pulumi-nodejs" ] &&
    [ "$("$bin/pulumi" version 2>/dev/null)" = "v$version" ]
}

if [ "${PULUMI_RTK_FORCE_BUILD:-0}" != 1 ] && command -v pulumi >/dev/null 2>&1; then
  found="$(pulumi version 2>/dev/null | sed 's/^v//')"
  if [ -n "$found" ] && version_at_least "$found" "$version" && command -v pulumi-language-nodejs >/dev/null 2>&1; then
    log "using pulumi v$found on PATH"
    dirname "$(command -v pulumi)"
    exit 0
  fi
fi

mkdir -p "$cache"
exec 9>"$cache/install.lock"
log "waiting for the install lock ($cache/install.lock)"
flock 9

if have_cached_build; then
  log "using cached pulumi v$version in $bin"
  ensure_yaml_language_host "$bin"
  echo "$bin"
  exit 0
fi

if [ "${PULUMI_RTK_FORCE_BUILD:-0}" != 1 ] && command -v curl >/dev/null 2>&1 &&
   curl -fsS --max-time 5 -o "$cache/get-pulumi.sh" https://get.pulumi.com 2>/dev/null; then
  log "installing pulumi v$version with the official installer"
  root="$cache/pulumi-v$version"
  sh "$cache/get-pulumi.sh" --version "$version" --install-root "$root" --no-edit-path >&2
  write_dynamic_provider_plugin "$bin"
  echo "$bin"
  exit 0
fi

# The Go toolchain's usual home, for environments whose PATH leaves it out.
command -v go >/dev/null 2>&1 || PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null 2>&1 || { log "no pulumi, no network to its installer and no go toolchain: install Go or Pulumi"; exit 1; }
log "building pulumi v$version from Pulumi's Go modules (cold: tens of minutes; cached afterwards)"

export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gobuild" GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
# The checksum database mirror these machines reach has no entries for recent Pulumi releases.
export GONOSUMDB="${GONOSUMDB:-github.com/pulumi/pulumi}"

if [ "$version" = 3.248.0 ]; then
  lang_version="$lang_commit_3_248_0"
else
  lang_version="$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@v$version" |
    sed -n 's/.*"Hash": "\([0-9a-f]*\)".*/\1/p')"
fi

ldflags="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"
work="$cache/build-v$version"
mkdir -p "$work" "$bin.partial"

# `go install pkg@version` refuses modules whose go.mod has replace directives, so each binary is
# built from a throw-away module that requires it and copies its non-local replace directives.
build_from_module() { # name module@version package [sdk/v3 version]
  local name="$1" modver="$2" pkg="$3" dir="$work/$1" gomod replaces
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
  go get "$pkg@${modver#*@}" "github.com/pulumi/pulumi/sdk/v3@${4:-v$version}" >&2
  log "$name: compiling"
  go build -trimpath -tags osusergo,grpcnotrace -ldflags "$ldflags" -o "$bin.partial/$name" "$pkg" >&2
}

build_from_module pulumi "github.com/pulumi/pulumi/pkg/v3@v$version" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
# The Node.js language host is its own module at the release commit. Module proxies that only mirror
# tagged modules answer "not available" for it; the host then comes from the last sdk/v3 release that
# still shipped it as a package (v3.68.0): the language-host protocol is backwards compatible, and the
# program itself still runs on the project's pinned @pulumi/pulumi.
lang_module="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@$lang_version"
if lang_answer="$(go mod download -json "$lang_module" 2>&1)"; then
  build_from_module pulumi-language-nodejs "$lang_module" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
else
  log "the module proxy does not serve $lang_module:"
  printf '%s\n' "$lang_answer" | sed -n 's/.*"Error": "\(.*\)".*/  \1/p' >&2
  log "using the language host of sdk/v3@v$fallback_lang_sdk instead"
  ldflags_main="$ldflags"
  ldflags="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$fallback_lang_sdk"
  build_from_module pulumi-language-nodejs "github.com/pulumi/pulumi/sdk/v3@v$fallback_lang_sdk" \
    github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "v$fallback_lang_sdk"
  ldflags="$ldflags_main"
fi
write_dynamic_provider_plugin "$bin.partial"
rm -rf "$bin" && mv "$bin.partial" "$bin"
ensure_yaml_language_host "$bin"
"$bin/pulumi" version >&2
echo "$bin"
