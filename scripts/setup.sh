#!/usr/bin/env bash
# Idempotent setup used by `make reproduce` and `make test`: installs what is missing and
# nothing else.
#   1. Debian packages: Jupyter's headless runner and classic Notebook, Chromium (figure export
#      and the browser tests), the house font, sqlite3 (dbstat), the real engines the notebooks
#      start privately (MariaDB, PostgreSQL with contrib, sysbench) and Slurm + munge for the
#      cluster-sweep test. No service of theirs is started.
#   2. npm ci (when node_modules is missing or stale), then builds kernel-lib.
#   3. Registers the tslab kernelspec that starts this checkout's node_modules/.bin/tslab:
#      project-local (.jupyter-kernels, name "tslab", used by the headless runner) and per-user
#      under a name of its own, "tslab-<folder>-<hash>" shown as "TypeScript (<folder>)", so VS
#      Code and Jupyter find it and no other checkout can take it over (skipped with
#      SETUP_USER_KERNEL=0, and by default when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
say() { printf '[setup] %s\n' "$*"; }

DEB_PACKAGES=(jupyter-client python3-nbclient jupyter-nbconvert python3-ipykernel jupyter-notebook chromium
  fonts-liberation2 sqlite3 mariadb-server postgresql postgresql-contrib sysbench slurm-wlm munge)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing system packages: ${missing[*]}"
    say "this is not a Debian/Ubuntu system; install the equivalents of: ${DEB_PACKAGES[*]}"
    say "(Jupyter with nbclient/nbconvert for /usr/bin/python3, Chromium at /usr/bin/chromium or \$CHROMIUM_PATH, sqlite3 with dbstat, MariaDB 10.11, PostgreSQL 15, sysbench, Slurm)"
    exit 1
  fi
  if [ "$(id -u)" != 0 ]; then
    say "missing system packages: ${missing[*]}"
    say "run as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d keeps the packages' own services (mariadb, postgresql, munge, slurm) from starting:
  # the project starts private instances itself and never uses a system service.
  policy=/usr/sbin/policy-rc.d; made_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; made_policy=1; fi
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    [ "$made_policy" = 1 ] && rm -f "$policy"
    say "apt-get could not install: ${missing[*]} (see the apt output above); install them and rerun"
    exit 1
  fi
  [ "$made_policy" = 1 ] && rm -f "$policy"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "building kernel-lib"
npx --no-install tsc -p kernel-lib

TSLAB="$REPO/node_modules/.bin/tslab"
# The kernelspec is written here rather than by `tslab install`, which always names it "tslab":
# a per-user "tslab" is shared by every checkout, so whichever ran setup last silently took over
# the others' notebooks (issue 16). The per-user spec is named after this checkout
# (tslab-<folder>-<hash of the path>, display name "TypeScript (<folder>)"); the project-local
# one, seen only through JUPYTER_PATH by the headless runner and the tests, keeps the name
# "tslab" that the notebooks' metadata asks for.
FOLDER=$(basename "$REPO")
SLUG=$(printf '%s' "$FOLDER" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9._-' '-')
PATH_HASH=$(printf '%s' "$REPO" | sha256sum | cut -c1-6)
USER_SPEC_NAME="tslab-$SLUG-$PATH_HASH"
DISPLAY_NAME="TypeScript ($FOLDER)"
write_spec() { # $1 = kernelspec folder
  local dir=$1 json
  json=$(/usr/bin/python3 -c 'import json, sys; b, d, r = sys.argv[1:]; print(json.dumps({"argv": [b, "kernel", "--config-path", "{connection_file}"], "display_name": d, "language": "typescript", "metadata": {"checkout": r}}))' "$TSLAB" "$DISPLAY_NAME" "$REPO")
  if [ -f "$dir/kernel.json" ] && [ "$(cat "$dir/kernel.json")" = "$json" ]; then return 0; fi
  say "registering the kernelspec $(basename "$dir") (\"$DISPLAY_NAME\") in $(dirname "$dir")"
  mkdir -p "$dir"
  printf '%s' "$json" > "$dir/kernel.json.tmp" && mv "$dir/kernel.json.tmp" "$dir/kernel.json"
}
write_spec "$REPO/.jupyter-kernels/share/jupyter/kernels/tslab"
default_user_kernel=1
[ "${CI:-}" = true ] && default_user_kernel=0
if [ "${SETUP_USER_KERNEL:-$default_user_kernel}" != 0 ]; then
  USER_KERNELS="${XDG_DATA_HOME:-$HOME/.local/share}/jupyter/kernels"
  write_spec "$USER_KERNELS/$USER_SPEC_NAME"
  shared="$USER_KERNELS/tslab/kernel.json"
  if [ -f "$shared" ] && ! grep -q "\"$TSLAB\"" "$shared"; then
    say "note: a per-user kernelspec \"tslab\" ($shared) starts another checkout's tslab;"
    say "      setup leaves it alone. In Jupyter / VS Code choose \"$DISPLAY_NAME\" for this checkout's notebooks."
  fi
fi
say "ready"
