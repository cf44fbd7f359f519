#!/usr/bin/env bash
# Installs the real tools the test suite uses on a fresh Debian/Ubuntu machine (run as root,
# or with sudo available). Safe to run again: apt skips what is already installed.
set -euo pipefail
# git, zip and python3 (pty tests) too: a minimal Debian image has none of them. zsh and fish:
# env quoting and completion run in the real shells; faketime moves the AWS CLI's clock;
# openssl makes the TLS test CA; minisign signs the release stand-ins' checksums;
# pinentry-curses (gpg's passphrase screen, which a Ctrl-C test interrupts) and procps (ps).
# kubectl: the judge of the kubeconfig check (its package on the test machine is `kubectl`,
# `dpkg -S /usr/bin/kubectl`; Debian main has none: it needs Kubernetes' or Google Cloud's apt source).
PACKAGES=(gnupg pass awscli dbus dbus-user-session gnome-keyring libsecret-tools shellcheck minisign ruby unzip zip git python3 openssl zsh fish faketime pinentry-curses procps kubectl)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "provision: all test packages present (${PACKAGES[*]})"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "provision: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
