#!/bin/sh
# Jamf Pro extension attribute: duo-sso-setup's doctor verdict for the user at the Mac's
# screen, as one <result> line: "ok", "fail: ID,...; warn: ID,...", "not installed",
# "no user logged in" or "error: ...". Jamf runs it as root; the doctor runs as that user
# (`--user console`), so their HOME, PATH and config are what is judged, and nothing in
# their HOME becomes root's. Always exits 0: Jamf reads the line, not the exit code.
#
# Deploy: Jamf Pro > Settings > Computer management > Extension attributes > New,
# Input type "Script", paste this file. Smart groups can then match "fail:" or "warn:".

find_tool() {
  for candidate in /usr/local/bin/duo-sso-setup /opt/homebrew/bin/duo-sso-setup; do
    if [ -x "$candidate" ]; then printf '%s\n' "$candidate"; return 0; fi
  done
  command -v duo-sso-setup 2>/dev/null
}

tool=$(find_tool)
if [ -z "$tool" ]; then
  echo "<result>not installed</result>"
  exit 0
fi

# DUO_SSO_SETUP_EA_USER names a user instead of the one at the screen (Linux fleets, tests).
out=$("$tool" doctor --format jamf --user "${DUO_SSO_SETUP_EA_USER:-console}" 2>&1)
line=$(printf '%s\n' "$out" | grep -m 1 '^<result>.*</result>$')
if [ -n "$line" ]; then
  printf '%s\n' "$line"
elif printf '%s' "$out" | grep -q 'nobody is logged in'; then
  echo "<result>no user logged in</result>"
else
  echo "<result>error: the doctor gave no result</result>"
fi
exit 0
