# Microsoft Intune remediation, remediation script: repairs what duo-sso-setup's doctor can
# repair without questions (`doctor --fix --yes`), as the logged-on user (see
# intune-detect.ps1 for the deployment settings). Exit code: the doctor's (0 nothing failing
# any more, 1 something still fails: Intune reports the remediation as failed).
$ErrorActionPreference = 'Stop'
$tool = Get-Command duo-sso-setup.cmd -ErrorAction SilentlyContinue
if (-not $tool) { $tool = Get-Command duo-sso-setup -ErrorAction SilentlyContinue }
if (-not $tool) {
  Write-Output 'duo-sso-setup is not installed: deploy it first (installers/install.ps1)'
  exit 1
}
& $tool.Source doctor --fix --yes
exit $LASTEXITCODE
