#!/bin/sh
# Bootstrap for duo-sso-setup on macOS and Linux, for a machine that has nothing yet:
# finds Node.js >= 20 (or Deno 2) — or, when there is neither, installs a private Node.js LTS
# for duo-sso-setup alone (Homebrew's node on macOS when brew exists; otherwise the official
# tarball, verified against SHASUMS256.txt signed by a Node.js releaser whose key fingerprint
# is pinned below) — installs duo-sso-setup from npm (or a local tarball), then runs
# `duo-sso-setup setup`. POSIX sh; no root needed unless your npm prefix needs it.
#
#   curl -fsSL <url>/install.sh | sh
#   sh install.sh --dry-run
#   sh install.sh --tarball ./duo-sso-setup-0.1.0.tgz --prefix "$HOME/.local" -- --yes --profile eticloud=626007623524:admin
set -eu

PACKAGE=duo-sso-setup
NODE_MIN=20
DENO_MIN=2

# The private Node.js: where it lives, where it comes from, and who may sign it.
PRIVATE_NODE=${XDG_DATA_HOME:-$HOME/.local/share}/duo-sso-setup/node
NODE_DIST=https://nodejs.org/dist
NODE_KEYS_URL=https://raw.githubusercontent.com/nodejs/release-keys/HEAD/keys
# Primary key fingerprints of the active Node.js releasers (github.com/nodejs/release-keys,
# "Active releasers keys"). SHASUMS256.txt must carry a good signature by one of these keys
# (a subkey counts through its primary); a key fetched from NODE_KEYS_URL is only a carrier:
# the fingerprint gpgv reports is what is checked, so a substituted key is refused.
NODE_RELEASE_KEYS="
C0D6248439F1D5604AAFFB4021D900FFDB233756
DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7
CC68F5A3106FF448322E48ED27F5E38D5B0A215F
8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600
890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4
C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C
108F52B48DB57BB0CC439B2997B01419BD92F80A
A363A499291CBBC940DD62E41F10027AF002F8B0
"

dry_run=0
tarball=
prefix=
version=latest
run_setup=1
node_version=
private_node=auto

usage() {
  cat <<USAGE
Usage: install.sh [--dry-run] [--tarball FILE] [--prefix DIR] [--version V] [--no-setup]
                  [--node-version vX.Y.Z] [--node-dist URL] [--no-private-node] [-- SETUP-ARGS...]

  --dry-run       print what would run, change nothing
  --tarball FILE  install this npm tarball (from \`npm pack\`) instead of the registry
  --prefix DIR    npm prefix for the install (default: npm's global prefix when writable, else ~/.local)
  --version V     version from the registry (default: latest)
  --no-setup      install only; do not run \`$PACKAGE setup\`
  --node-version V  with neither Node.js 20+ nor Deno 2: this Node.js release for the private
                  copy (default: the newest LTS listed in NODE-DIST/index.tab)
  --node-dist URL where Node.js releases come from (default: $NODE_DIST); https only
  --no-private-node  never install a private Node.js: stop and say how to get one instead
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
    --node-version) [ $# -ge 2 ] || die "--node-version needs a version (vX.Y.Z)"; node_version=$2; shift ;;
    --node-dist) [ $# -ge 2 ] || die "--node-dist needs a URL"; NODE_DIST=${2%/}; shift ;;
    --node-keys-url) [ $# -ge 2 ] || die "--node-keys-url needs a URL"; NODE_KEYS_URL=${2%/}; shift ;;
    --no-private-node) private_node=never ;;
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

# --- The private Node.js (only when there is neither Node.js 20+ nor Deno 2) ----------------

# Downloads must not be readable by anybody else while we check them, nor be anything but
# https: plain http only to this machine (a test's loopback release server). The host is read
# from the authority (up to the first / ? or #), so http://127.0.0.1:x@evil.example/ is not
# mistaken for loopback; a user name or password in a URL is refused whatever the scheme.
check_url() {
  case $1 in
    https://*) url_rest=${1#https://} ;;
    http://*) url_rest=${1#http://} ;;
    *) die "refusing to download over anything but https: $1" ;;
  esac
  url_authority=${url_rest%%[/?#]*}
  case $url_authority in
    *@*) die "refusing a download URL with a user name or password in it" ;;
    ''|*[!]A-Za-z0-9.:[_~-]*) die "refusing a download URL whose host is not plain: $1" ;;
  esac
  case $url_authority in
    \[*) url_host="${url_authority%%]*}]" ;;
    *) url_host=${url_authority%%:*} ;;
  esac
  url_port=${url_authority#"$url_host"}
  case $url_host in '') die "refusing a download URL with no host: $1" ;; esac
  case $url_port in
    ''|:) ;;
    :*[!0-9]*) die "refusing a download URL whose port is not a number: $1" ;;
    :*) ;;
    *) die "refusing a download URL whose host is not plain: $1" ;;
  esac
  case $1 in https://*) return 0 ;; esac
  case $url_host in
    127.0.0.1|localhost|'[::1]') ;;
    *) die "refusing to download over anything but https: $1" ;;
  esac
}

# fetch URL FILE: fails (non-zero) on an HTTP error; never follows a redirect to http.
fetch() {
  check_url "$1"
  if command -v curl >/dev/null 2>&1; then
    case $1 in
      https://*) curl -fsSL --proto '=https' --proto-redir '=https' --retry 2 -o "$2" "$1" ;;
      *) curl -fsSL --proto '=http' --proto-redir '=http' -o "$2" "$1" ;;
    esac
  elif command -v wget >/dev/null 2>&1; then
    case $1 in
      https://*) wget -q --https-only -O "$2" "$1" ;;
      *) wget -q -O "$2" "$1" ;;
    esac
  else
    die "neither curl nor wget is installed, so Node.js cannot be downloaded"
  fi
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d ' ' -f 1
  else die "neither sha256sum nor shasum is installed, so the Node.js download cannot be checked"; fi
}

# An ASCII-armored key (what NODE_KEYS_URL serves) as the binary packets gpgv reads: the
# base64 body between the headers' blank line and the "=CRC" line.
dearmor() {
  sed -n '/^-----BEGIN PGP PUBLIC KEY BLOCK-----/,/^-----END PGP PUBLIC KEY BLOCK-----/p' "$1" \
    | tr -d '\r' | sed '1,/^$/d' | sed '/^=/,$d' | base64 -d
}

node_platform() {
  case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) die "no private Node.js for $(uname -s); install Node.js $NODE_MIN+ yourself" ;;
  esac
  case $(uname -m) in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    armv7l) arch=armv7l ;;
    ppc64le) arch=ppc64le ;;
    s390x) arch=s390x ;;
    *) die "no official Node.js build for $(uname -m); install Node.js $NODE_MIN+ yourself" ;;
  esac
  printf '%s-%s\n' "$os" "$arch"
}

# The newest LTS release in index.tab (version, date, files, ..., lts in column 10), at least
# NODE_MIN. index.tab is not signed: it only names a version, whose files are then verified.
newest_lts() {
  awk -F '\t' -v min="$NODE_MIN" 'NR > 1 && $10 != "-" && $10 != "" {
      v = $1; sub(/^v/, "", v); split(v, p, ".");
      if (p[1] + 0 >= min + 0) { print $1; exit }
    }' "$1"
}

install_private_node() {
  platform=$(node_platform)
  command -v gpgv >/dev/null 2>&1 || die "gpgv (GnuPG) is needed to verify the Node.js download and is not installed; install gnupg (or Node.js $NODE_MIN+) and run this again"
  command -v tar >/dev/null 2>&1 || die "tar is needed to unpack Node.js"
  command -v base64 >/dev/null 2>&1 || die "base64 is needed to read the Node.js release keys"
  if [ "$dry_run" -eq 1 ]; then
    say "Would install a private Node.js ${node_version:-LTS} ($platform) from $NODE_DIST into $PRIVATE_NODE,"
    say "verified against SHASUMS256.txt signed by a pinned Node.js release key."
    return 0
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/duo-sso-setup-node.XXXXXX") || die "cannot create a temporary folder"
  # shellcheck disable=SC2064 # expand now: $work is fixed from here on.
  trap "rm -rf '$work'" EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if [ -z "$node_version" ]; then
    fetch "$NODE_DIST/index.tab" "$work/index.tab" || die "cannot download the list of Node.js releases from $NODE_DIST/index.tab (offline? behind a proxy? try --node-version)"
    node_version=$(newest_lts "$work/index.tab")
    [ -n "$node_version" ] || die "no Node.js LTS release >= $NODE_MIN in $NODE_DIST/index.tab"
  fi
  case $node_version in v*) ;; *) node_version=v$node_version ;; esac
  case $node_version in
    v[0-9]*.[0-9]*.[0-9]*) ;;
    *) die "--node-version wants a release like v22.11.0, not $node_version" ;;
  esac
  m=$(major_of "$node_version")
  [ "$m" -ge "$NODE_MIN" ] || die "Node.js $node_version is older than $NODE_MIN"
  base="$NODE_DIST/$node_version"
  file="node-$node_version-$platform.tar.gz"
  say "Installing a private Node.js $node_version ($platform) for $PACKAGE into $PRIVATE_NODE"
  fetch "$base/SHASUMS256.txt" "$work/SHASUMS256.txt" || die "cannot download $base/SHASUMS256.txt"
  fetch "$base/SHASUMS256.txt.sig" "$work/SHASUMS256.txt.sig" || die "cannot download $base/SHASUMS256.txt.sig: the release cannot be verified, so it is not installed"
  : > "$work/keys.gpg"
  for fpr in $NODE_RELEASE_KEYS; do
    # A releaser key that cannot be fetched is skipped: only the signer's is needed.
    if fetch "$NODE_KEYS_URL/$fpr.asc" "$work/$fpr.asc" 2>/dev/null; then
      dearmor "$work/$fpr.asc" >> "$work/keys.gpg" 2>/dev/null || true
    fi
  done
  [ -s "$work/keys.gpg" ] || die "cannot download any Node.js release key from $NODE_KEYS_URL, so the release cannot be verified"
  status=$(gpgv --status-fd 1 --keyring "$work/keys.gpg" "$work/SHASUMS256.txt.sig" "$work/SHASUMS256.txt" 2>/dev/null || true)
  # VALIDSIG's last field is the primary key's fingerprint: it must be one we pinned.
  signer=$(printf '%s\n' "$status" | awk '$1 == "[GNUPG:]" && $2 == "VALIDSIG" { print $NF }' | head -n 1)
  pinned=0
  if [ -n "$signer" ]; then
    for fpr in $NODE_RELEASE_KEYS; do [ "$fpr" = "$signer" ] && pinned=1; done
  fi
  [ "$pinned" -eq 1 ] || die "SHASUMS256.txt for Node.js $node_version is not signed by a pinned Node.js release key; nothing was installed"
  expected=$(awk -v f="$file" '$2 == f { print $1 }' "$work/SHASUMS256.txt" | head -n 1)
  [ -n "$expected" ] || die "$file is not listed in the signed SHASUMS256.txt of Node.js $node_version"
  fetch "$base/$file" "$work/$file" || die "cannot download $base/$file"
  actual=$(sha256_of "$work/$file")
  [ "$actual" = "$expected" ] || die "$file does not match its signed SHA-256 (got $actual, expected $expected); nothing was installed"
  mkdir -p "$work/unpack"
  tar -xzf "$work/$file" -C "$work/unpack" || die "cannot unpack $file"
  [ -x "$work/unpack/node-$node_version-$platform/bin/node" ] || die "$file holds no bin/node"
  # Swap the whole folder in one rename, so a half-unpacked Node.js is never in place.
  parent=$(dirname "$PRIVATE_NODE")
  (umask 022; mkdir -p "$parent") || die "cannot create $parent"
  rm -rf "$PRIVATE_NODE.new" "$PRIVATE_NODE.old"
  mv "$work/unpack/node-$node_version-$platform" "$PRIVATE_NODE.new" 2>/dev/null \
    || cp -R "$work/unpack/node-$node_version-$platform" "$PRIVATE_NODE.new" || die "cannot write $PRIVATE_NODE.new"
  if [ -e "$PRIVATE_NODE" ]; then mv "$PRIVATE_NODE" "$PRIVATE_NODE.old"; fi
  mv "$PRIVATE_NODE.new" "$PRIVATE_NODE" || die "cannot move Node.js into $PRIVATE_NODE"
  rm -rf "$PRIVATE_NODE.old" "$work"
  trap - EXIT INT TERM
  say "Node.js $node_version verified (SHASUMS256.txt signed by $signer) and installed in $PRIVATE_NODE"
}

use_private_node=0
fresh_node=0   # we are installing Node.js in this run (under --dry-run: would install)
if [ -z "$node_bin" ] && [ -z "$deno_bin" ]; then
  say "$PACKAGE needs Node.js $NODE_MIN+ (or Deno $DENO_MIN+), and neither is on PATH."
  if [ "$private_node" = never ]; then
    case $(uname -s) in
      Darwin) say "  macOS:  brew install node        (or the installer from https://nodejs.org)" ;;
      *)      say "  Linux:  your distro's nodejs package if it is $NODE_MIN+, or https://nodejs.org/en/download (also: fnm, nvm)" ;;
    esac
    say "Then run this script again (or without --no-private-node, to let it install one)."
    exit 1
  fi
  if [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null 2>&1; then
    say "Installing Node.js with Homebrew"
    run brew install node
    fresh_node=1
    node_bin=$(brew --prefix 2>/dev/null)/bin/node
    [ "$dry_run" -eq 1 ] || [ -x "$node_bin" ] || die "brew install node left no $node_bin"
  else
    install_private_node
    use_private_node=1
    fresh_node=1
    node_bin=$PRIVATE_NODE/bin/node
    # npm's own scripts start with `#!/usr/bin/env node`.
    PATH=$PRIVATE_NODE/bin:$PATH
    export PATH
    # The private Node.js is duo-sso-setup's alone: install into its own prefix, and put a
    # launcher that names it on the user's PATH instead of npm's `env node` link.
    [ -n "$prefix" ] || prefix=$PRIVATE_NODE
  fi
fi

spec=$PACKAGE@$version
[ -n "$tarball" ] && spec=$tarball

if [ -n "$node_bin" ]; then
  npm_bin=$(dirname "$node_bin")/npm
  # (A Node.js this run installs has no npm yet under --dry-run.)
  if [ ! -x "$npm_bin" ] && ! { [ "$dry_run" -eq 1 ] && [ "$fresh_node" -eq 1 ]; }; then
    npm_bin=$(command -v npm 2>/dev/null || true)
  fi
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
  if [ "$dry_run" -eq 1 ] && [ "$fresh_node" -eq 1 ]; then
    say "Installing $PACKAGE with the new Node.js's npm into $prefix"
  else
    say "Installing $PACKAGE with npm (Node.js $("$node_bin" --version)) into $prefix"
  fi
  run "$npm_bin" install --global --prefix "$prefix" --no-audit --no-fund "$spec"
  tool=$prefix/bin/$PACKAGE
  if [ "$use_private_node" -eq 1 ]; then
    launcher_dir=$HOME/.local/bin
    launcher=$launcher_dir/$PACKAGE
    say "Writing $launcher (runs $PACKAGE with the private Node.js)"
    if [ "$dry_run" -eq 0 ]; then
      (umask 022; mkdir -p "$launcher_dir") || die "cannot create $launcher_dir"
      # Written beside and renamed into place: a running launcher is never half-written.
      if ! {
        printf '#!/bin/sh\n# Written by duo-sso-setup install.sh: %s on its own Node.js.\n' "$PACKAGE"
        printf 'exec "%s" "%s" "$@"\n' "$node_bin" "$prefix/lib/node_modules/$PACKAGE/dist/cli.js"
      } > "$launcher.tmp.$$" || ! chmod 755 "$launcher.tmp.$$" || ! mv "$launcher.tmp.$$" "$launcher"; then
        rm -f "$launcher.tmp.$$"
        die "cannot write $launcher"
      fi
    fi
    tool=$launcher
  fi
else
  [ -z "$tarball" ] || die "--tarball needs Node.js and npm; with Deno, install from the registry"
  say "Installing $PACKAGE with Deno ($(deno --version | head -n 1))"
  # -A up front: a permission prompt in the middle of a question would be denied.
  # --quiet is kept in the script it writes: no line-clearing sequences at each run.
  run "$deno_bin" install --global --allow-all --quiet --force --name "$PACKAGE" "npm:$spec"
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
