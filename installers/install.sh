#!/bin/sh
# Bootstrap for duo-sso-setup on macOS and Linux, for a machine that has nothing yet:
# finds Node.js >= 20 (or Deno 2), installs duo-sso-setup from npm (or a local tarball),
# then runs `duo-sso-setup setup`. POSIX sh; no root needed unless your npm prefix needs it.
#
#   curl -fsSL <url>/install.sh | sh
#   sh install.sh --dry-run
#   sh install.sh --tarball ./duo-sso-setup-0.1.0.tgz --prefix "$HOME/.local" -- --yes --profile eticloud=626007623524:admin
set -eu

PACKAGE=duo-sso-setup
NODE_MIN=20
DENO_MIN=2

dry_run=0
tarball=
prefix=
version=latest
run_setup=1

usage() {
  cat <<USAGE
Usage: install.sh [--dry-run] [--tarball FILE] [--prefix DIR] [--version V] [--no-setup] [-- SETUP-ARGS...]

  --dry-run       print what would run, change nothing
  --tarball FILE  install this npm tarball (from \`npm pack\`) instead of the registry
  --prefix DIR    npm prefix for the install (default: npm's global prefix when writable, else ~/.local)
  --version V     version from the registry (default: latest)
  --no-setup      install only; do not run \`$PACKAGE setup\`
  -- ARGS         passed on to \`$PACKAGE setup\` (e.g. -- --yes --from ./duo-sso_linux_amd64)
USAGE
}

say() { printf '%s\n' "$*" >&2; }
die() { say "install.sh: error: $*"; exit 1; }

# Prints a command (quoted well enough to copy) and runs it, unless --dry-run. Its output
# goes to stderr: stdout belongs to `setup` (e.g. its --json document).
run() {
  printf '+' >&2
  for arg in "$@"; do
    case $arg in
      *[!A-Za-z0-9_@%+=:,./-]*|'') printf " '%s'" "$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")" >&2 ;;
      *) printf ' %s' "$arg" >&2 ;;
    esac
  done
  printf '\n' >&2
  # stdin from /dev/null: under `curl … | sh` stdin is the rest of this script.
  if [ "$dry_run" -eq 0 ]; then "$@" >&2 </dev/null; fi
}

while [ $# -gt 0 ]; do
  case $1 in
    --dry-run|-n) dry_run=1 ;;
    --tarball) [ $# -ge 2 ] || die "--tarball needs a file"; tarball=$2; shift ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; prefix=$2; shift ;;
    --version) [ $# -ge 2 ] || die "--version needs a version"; version=$2; shift ;;
    --no-setup) run_setup=0 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

if [ -n "$tarball" ]; then
  [ -f "$tarball" ] || die "no such tarball: $tarball"
  case $tarball in /*) ;; *) tarball="$(pwd)/$tarball" ;; esac
fi

# major_of "v20.11.1" -> 20 ; "deno 2.1.4 (stable...)" -> 2
major_of() { printf '%s\n' "$1" | sed -n 's/^[^0-9]*\([0-9][0-9]*\)\..*/\1/p' | head -n 1; }

node_bin=
for candidate in node nodejs; do
  if command -v "$candidate" >/dev/null 2>&1; then
    v=$("$candidate" --version 2>/dev/null || true)
    m=$(major_of "$v")
    if [ -n "$m" ] && [ "$m" -ge "$NODE_MIN" ]; then node_bin=$(command -v "$candidate"); break; fi
    say "found $candidate $v, but $PACKAGE needs Node.js $NODE_MIN or newer"
  fi
done

deno_bin=
if [ -z "$node_bin" ] && command -v deno >/dev/null 2>&1; then
  v=$(deno --version 2>/dev/null | head -n 1 || true)
  m=$(major_of "$v")
  if [ -n "$m" ] && [ "$m" -ge "$DENO_MIN" ]; then deno_bin=$(command -v deno); else say "found $v, but $PACKAGE needs Deno $DENO_MIN or newer"; fi
fi

if [ -z "$node_bin" ] && [ -z "$deno_bin" ]; then
  say "$PACKAGE needs Node.js $NODE_MIN+ (or Deno $DENO_MIN+), and neither is on PATH."
  case $(uname -s) in
    Darwin) say "  macOS:  brew install node        (or the installer from https://nodejs.org)" ;;
    *)      say "  Linux:  your distro's nodejs package if it is $NODE_MIN+, or https://nodejs.org/en/download (also: fnm, nvm)" ;;
  esac
  say "Then run this script again."
  exit 1
fi

spec=$PACKAGE@$version
[ -n "$tarball" ] && spec=$tarball

if [ -n "$node_bin" ]; then
  npm_bin=$(dirname "$node_bin")/npm
  [ -x "$npm_bin" ] || npm_bin=$(command -v npm 2>/dev/null || true)
  [ -n "$npm_bin" ] || die "Node.js is at $node_bin but npm is not; install npm (e.g. sudo apt-get install npm)"
  if [ -z "$prefix" ]; then
    global=$("$npm_bin" prefix -g 2>/dev/null || true)
    if [ -n "$global" ] && [ -w "$global" ] && { [ ! -e "$global/lib" ] || [ -w "$global/lib" ]; }; then
      prefix=$global
    else
      # No sudo: install under the user's own prefix, like pip --user.
      prefix=$HOME/.local
    fi
  fi
  say "Installing $PACKAGE with npm (Node.js $("$node_bin" --version)) into $prefix"
  run "$npm_bin" install --global --prefix "$prefix" --no-audit --no-fund "$spec"
  tool=$prefix/bin/$PACKAGE
else
  [ -z "$tarball" ] || die "--tarball needs Node.js and npm; with Deno, install from the registry"
  say "Installing $PACKAGE with Deno ($(deno --version | head -n 1))"
  # -A up front: a permission prompt in the middle of a question would be denied.
  run "$deno_bin" install --global --allow-all --force --name "$PACKAGE" "npm:$spec"
  tool=${DENO_INSTALL_ROOT:-$HOME/.deno}/bin/$PACKAGE
fi

case ":${PATH}:" in
  *":$(dirname "$tool"):"*) ;;
  *) say "Note: $(dirname "$tool") is not on your PATH; setup offers to add it to your shell profile." ;;
esac

if [ "$run_setup" -eq 1 ]; then
  say "Running $PACKAGE setup"
  if [ "$dry_run" -eq 1 ]; then
    run "$tool" setup "$@"
  elif [ ! -t 0 ] && (true </dev/tty) 2>/dev/null; then
    # `curl … | sh`: stdin is the pipe, so setup could not ask anything and would change
    # nothing without --yes. Give it the terminal the user is sitting at.
    exec "$tool" setup "$@" </dev/tty
  else
    exec "$tool" setup "$@"
  fi
else
  say "Installed. Next: $tool setup"
fi
