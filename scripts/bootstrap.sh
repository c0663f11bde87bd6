# Idempotent bootstrap shared by ./run and ./test (sourced, not executed).
#
#   bootstrap_system_packages PKG...   apt-get what is missing (root) or print the command
#   bootstrap_python                   .venv from the hashed lock files
#   bootstrap_web                      npm ci + production build of both web apps
#   bootstrap_database                 migrations
#   bootstrap_library                  import the default KiCad symbol libraries (skips unchanged files)
#
# Each step remembers a fingerprint of its inputs in .venv/.stamps and is skipped
# when nothing changed, so a warm start costs a few seconds.

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$REPO_DIR/.venv"
PY="$VENV/bin/python"
STAMPS="$VENV/.stamps"

# Packages the running app needs; ./test adds the browser and nginx.
RUNTIME_PACKAGES=(ngspice gcc-avr avr-libc arduino-core-avr kicad-symbols bubblewrap)
TEST_PACKAGES=(chromium nginx gettext-base)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

_fingerprint() { # sha256 over the given files' contents and names
  sha256sum "$@" 2>/dev/null | sha256sum | cut -d' ' -f1
}

_stamp_ok() { [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$2" ]; }
_stamp_set() { mkdir -p "$STAMPS" && printf '%s' "$2" >"$STAMPS/$1"; }

_package_installed() {
  local admindir_opt=()
  # OHM_DPKG_ADMINDIR lets a test point at a copy of the package database.
  [ -n "${OHM_DPKG_ADMINDIR:-}" ] && admindir_opt=(--admindir="$OHM_DPKG_ADMINDIR")
  dpkg-query "${admindir_opt[@]}" -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

bootstrap_system_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    _package_installed "$pkg" || missing+=("$pkg")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    printf 'OhmCloud needs these system packages, which are missing: %s\n' "${missing[*]}" >&2
    printf 'Install them as root, then run this again:\n\n    sudo apt-get install -y %s\n\n' "${missing[*]}" >&2
    exit 1
  fi
  say "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

bootstrap_python() {
  local major minor
  read -r major minor < <(python3 -c 'import sys; print(*sys.version_info[:2])')
  { [ "$major" -eq 3 ] && [ "$minor" -ge 11 ]; } || die "Python 3.11 or newer is needed (found $major.$minor)"
  local locks=("$REPO_DIR/server/requirements.lock" "$REPO_DIR/server/requirements-dev.lock")
  local fp
  fp=$(_fingerprint "${locks[@]}")
  if [ -x "$PY" ] && _stamp_ok python "$fp"; then return 0; fi
  say "Installing Python dependencies into .venv"
  [ -x "$PY" ] || python3 -m venv "$VENV"
  "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes -r "${locks[0]}" -r "${locks[1]}"
  _stamp_set python "$fp"
}

bootstrap_web() {
  command -v node >/dev/null || die "node is missing"
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed to build the web apps (found $(node --version))"
  local web="$REPO_DIR/web" fp
  fp=$(_fingerprint "$web/package-lock.json")
  if [ ! -d "$web/node_modules" ] || ! _stamp_ok npm "$fp"; then
    say "Installing web dependencies (npm ci)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    _stamp_set npm "$fp"
  fi
  # Rebuild when any source file changed (or a build is missing).
  fp=$(cd "$web" && find . \( -name node_modules -o -name dist \) -prune -o -type f -print | LC_ALL=C sort |
    xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1)
  if [ -f "$web/apps/eda/dist/index.html" ] && [ -f "$web/apps/arduino/dist/index.html" ] && [ -f "$web/packages/avr-sim/dist/cli.js" ] && _stamp_ok web-build "$fp"; then
    return 0
  fi
  say "Building the web apps"
  (cd "$web" && npm run --silent build >/dev/null) || die "web build failed (cd web && npm run build)"
  _stamp_set web-build "$fp"
}

bootstrap_database() {
  (cd "$REPO_DIR/server" && "$PY" manage.py migrate --noinput -v 0) || die "database migration failed"
}

bootstrap_library() {
  # Quiet and under a second when no library file changed; prints a summary when it imports.
  (cd "$REPO_DIR/server" && "$PY" manage.py import_symbols -v 0) || die "component library import failed"
}
