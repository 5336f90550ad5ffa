#!/usr/bin/env bash
# Makes a Python virtual environment with a requirements file installed (pinned versions, from the package
# index) and prints its python on the last line of stdout. Cached under the same folder as the CLI build,
# keyed by the requirements file's hash; guarded by a lock like install-pulumi-cli.sh.
#   scripts/python-venv.sh [REQUIREMENTS]   default tests/sdks/python/requirements.txt (the Python SDK test);
#   tests/emulator/python/requirements.txt is Cloudflare's official Python SDK (the emulator's check)
#   PULUMI_RTK_CACHE  cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit)
#   PYTHON            interpreter to build the venv from (default python3; 3.9 or newer)
set -euo pipefail
cd "$(dirname "$0")/.."

requirements="${1:-tests/sdks/python/requirements.txt}"
[ -f "$requirements" ] || { printf 'python-venv: no requirements file %s\n' "$requirements" >&2; exit 1; }
cache="${PULUMI_RTK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-realtimekit}"
key="$(sha256sum "$requirements" | cut -c1-12)"
venv="$cache/python-venv-$key"
log() { printf 'python-venv: %s\n' "$*" >&2; }

mkdir -p "$cache"
exec 9>"$cache/python-venv.lock"
flock 9
if [ -x "$venv/bin/python" ] && [ -f "$venv/.complete" ]; then
  log "using $venv"
  echo "$venv/bin/python"
  exit 0
fi
python="${PYTHON:-python3}"
command -v "$python" >/dev/null 2>&1 || { log "no $python on PATH: install Python 3.9 or newer"; exit 1; }
log "creating $venv with $("$python" --version 2>&1)"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
touch "$venv/.complete"
echo "$venv/bin/python"
