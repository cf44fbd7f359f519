#!/bin/sh
# Jamf Pro policy script: runs `duo-sso-setup setup --yes` for the user at the Mac's screen
# (Jamf passes it as $3 at login and Self Service; otherwise the owner of /dev/console).
# Runs setup as that user, never as root, so everything it writes in their HOME is theirs.
# Parameters 4-11 (Jamf's "Parameter 4" ...) are passed on to setup, e.g.
# `--profile eticloud=626007623524:admin` (unneeded when the organisation policy names the
# profiles: see docs/fleet.md). Exit code: setup's (0 done, 1 a step failed).

user=${3:-}
if [ -z "$user" ]; then
  user=$(stat -f %Su /dev/console 2>/dev/null || true)
fi
case $user in
  ''|root|_mbsetupuser|loginwindow)
    echo "duo-sso-setup: no user is logged in; run this policy at login or from Self Service" >&2
    exit 1 ;;
esac

tool=
for candidate in /usr/local/bin/duo-sso-setup /opt/homebrew/bin/duo-sso-setup; do
  if [ -x "$candidate" ]; then tool=$candidate; break; fi
done
[ -n "$tool" ] || tool=$(command -v duo-sso-setup 2>/dev/null || true)
if [ -z "$tool" ]; then
  echo "duo-sso-setup is not installed: deploy it first (installers/install.sh, or the Homebrew formula)" >&2
  exit 1
fi

# Jamf's parameters 4..11; empty ones are left out.
shift 3 2>/dev/null || set --
args=
for a in "$@"; do
  [ -n "$a" ] || continue
  args="$args $a"
done

echo "duo-sso-setup: running setup for $user" >&2
# -H: the user's HOME; -i would read their login profile, which may prompt. Word splitting of
# $args is intended: each Jamf parameter may hold a flag and its value.
# shellcheck disable=SC2086
exec sudo -u "$user" -H "$tool" setup --yes $args
