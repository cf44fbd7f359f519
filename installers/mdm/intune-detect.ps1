# Microsoft Intune remediation, detection script: exits 1 when duo-sso-setup's doctor finds
# a failing check (Intune then runs intune-remediate.ps1), 0 otherwise. Deploy both under
# Devices > Scripts and remediations, with "Run this script using the logged-on credentials:
# Yes" (the doctor must judge the user's HOME, not SYSTEM's) and 64-bit PowerShell.
# Intune keeps the last line written to stdout as the detection output.
$ErrorActionPreference = 'Stop'
$tool = Get-Command duo-sso-setup.cmd -ErrorAction SilentlyContinue
if (-not $tool) { $tool = Get-Command duo-sso-setup -ErrorAction SilentlyContinue }
if (-not $tool) {
  Write-Output 'duo-sso-setup is not installed'
  exit 1
}
$json = & $tool.Source doctor --json 2>$null | Out-String
try {
  $report = $json | ConvertFrom-Json
} catch {
  Write-Output 'the doctor gave no JSON'
  exit 1
}
$failing = @($report.checks | Where-Object { $_.status -eq 'fail' } | ForEach-Object { $_.id })
$warning = @($report.checks | Where-Object { $_.status -eq 'warn' } | ForEach-Object { $_.id })
if ($failing.Count -gt 0) {
  Write-Output ("fail: " + ($failing -join ',') + $(if ($warning.Count) { "; warn: " + ($warning -join ',') } else { '' }))
  exit 1
}
Write-Output $(if ($warning.Count) { "ok; warn: " + ($warning -join ',') } else { 'ok' })
exit 0
