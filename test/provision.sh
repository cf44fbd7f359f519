#!/usr/bin/env bash
# Installs the real tools the test suite uses on a fresh Debian/Ubuntu machine (run as root,
# or with sudo available). Safe to run again: apt skips what is already installed.
set -euo pipefail
# git, zip and python3 (pty tests) too: a minimal Debian image has none of them. zsh and fish:
# env quoting and completion run in the real shells; faketime moves the AWS CLI's clock;
# openssl makes the TLS test CA; minisign signs the release stand-ins' checksums;
# pinentry-curses (gpg's passphrase screen, which a Ctrl-C test interrupts) and procps (ps).
PACKAGES=(gnupg pass awscli dbus dbus-user-session gnome-keyring libsecret-tools shellcheck minisign ruby unzip zip git python3 openssl zsh fish faketime pinentry-curses procps)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# kubectl judges the kubeconfig check (test/unit/kubeconfig-kubectl.test.ts). Debian main has no
# kubectl package (the test machine's comes from an extra apt source): installed where an apt
# source offers it; elsewhere those tests skip and say why.
if ! command -v kubectl >/dev/null 2>&1; then
  if apt-cache show kubectl >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends kubectl >/dev/null || echo "provision: kubectl did not install; the kubectl oracle tests will skip"
  else
    echo "provision: no apt source offers kubectl; the kubectl oracle tests will skip"
  fi
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "provision: all test packages present (${PACKAGES[*]})"
  exit 0
fi
echo "provision: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
