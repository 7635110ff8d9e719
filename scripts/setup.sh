#!/usr/bin/env bash
# Idempotent setup used by `make reproduce` and `make test`: installs what is missing and
# nothing else.
#   1. Debian packages: Jupyter's headless runner and classic Notebook, Chromium (figure export
#      and the browser tests), the house font, sqlite3 (dbstat), the real engines the notebooks
#      start privately (MariaDB, PostgreSQL with contrib, sysbench) and Slurm + munge for the
#      cluster-sweep test. No service of theirs is started.
#   2. npm ci (when node_modules is missing or stale), then builds kernel-lib.
#   3. Registers the tslab kernelspec that starts this checkout's node_modules/.bin/tslab:
#      project-local (.jupyter-kernels, used by the headless runner) and per-user (so VS Code
#      and Jupyter find it; skipped with SETUP_USER_KERNEL=0, and by default when CI=true so a
#      CI clone does not take over the developer's kernelspec).
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
register() { # $1 = kernel.json path, rest = tslab install options
  local spec=$1; shift
  if [ -f "$spec" ] && grep -q "\"$TSLAB\"" "$spec"; then return 0; fi
  say "registering the tslab kernelspec ($*)"
  "$TSLAB" install --python=/usr/bin/python3 --binary "$TSLAB" "$@" >/dev/null
}
register "$REPO/.jupyter-kernels/share/jupyter/kernels/tslab/kernel.json" --prefix "$REPO/.jupyter-kernels"
default_user_kernel=1
[ "${CI:-}" = true ] && default_user_kernel=0
if [ "${SETUP_USER_KERNEL:-$default_user_kernel}" != 0 ]; then
  register "${XDG_DATA_HOME:-$HOME/.local/share}/jupyter/kernels/tslab/kernel.json" --user
fi
say "ready"
