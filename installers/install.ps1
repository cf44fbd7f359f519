# Bootstrap for duo-sso-setup on Windows, for a machine that has nothing yet: finds
# Node.js >= 20 (or Deno 2), installs duo-sso-setup from npm (or a local tarball), then
# runs `duo-sso-setup setup`.
#
#   irm <url>/install.ps1 | iex
#   powershell -ExecutionPolicy Bypass -File install.ps1 -DryRun
#   powershell -File install.ps1 -Tarball .\duo-sso-setup-0.1.0.tgz -SetupArgs '--yes','--from','C:\Users\me\Downloads\duo-sso_windows_amd64.exe'
[CmdletBinding()]
param(
  [switch]$DryRun,
  [string]$Tarball = '',
  [string]$Prefix = '',
  [string]$Version = 'latest',
  [switch]$NoSetup,
  [string[]]$SetupArgs = @()
)

$ErrorActionPreference = 'Stop'
$Package = 'duo-sso-setup'
$NodeMin = 20
$DenoMin = 2

function Say([string]$Text) { [Console]::Error.WriteLine($Text) }

function Invoke-Step([string]$File, [string[]]$Arguments) {
  Say ('+ ' + (@($File) + $Arguments -join ' '))
  if (-not $DryRun) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File exited $LASTEXITCODE" }
  }
}

function Get-Major([string]$Text) {
  if ($Text -match '(\d+)\.\d+') { return [int]$Matches[1] }
  return 0
}

if ($Tarball -ne '') {
  if (-not (Test-Path -LiteralPath $Tarball -PathType Leaf)) { throw "no such tarball: $Tarball" }
  $Tarball = (Resolve-Path -LiteralPath $Tarball).Path
}

$node = Get-Command node -ErrorAction SilentlyContinue
if ($node) {
  $nodeVersion = (& $node.Source --version)
  if ((Get-Major $nodeVersion) -lt $NodeMin) { Say "found Node.js $nodeVersion, but $Package needs $NodeMin or newer"; $node = $null }
}
$deno = $null
if (-not $node) {
  $deno = Get-Command deno -ErrorAction SilentlyContinue
  if ($deno -and (Get-Major ((& $deno.Source --version) | Select-Object -First 1)) -lt $DenoMin) { Say "found an old Deno; $Package needs Deno $DenoMin+"; $deno = $null }
}

if (-not $node -and -not $deno) {
  Say "$Package needs Node.js $NodeMin+ (or Deno $DenoMin+), and neither is on PATH."
  Say "  winget install -e --id OpenJS.NodeJS.LTS     (then open a new terminal and run this again)"
  # throw, not exit: under `irm … | iex` exit would close the user's PowerShell window.
  # (With -File an uncaught throw still ends with exit code 1.)
  throw "no Node.js $NodeMin+ or Deno $DenoMin+ on PATH"
}

$spec = if ($Tarball -ne '') { $Tarball } else { "$Package@$Version" }

if ($node) {
  $npm = Get-Command npm.cmd -ErrorAction SilentlyContinue
  if (-not $npm) { $npm = Get-Command npm -ErrorAction SilentlyContinue }
  if (-not $npm) { throw "Node.js is installed but npm is not on PATH" }
  $npmArgs = @('install', '--global', '--no-audit', '--no-fund')
  if ($Prefix -ne '') { $npmArgs += @('--prefix', $Prefix) }
  Invoke-Step $npm.Source ($npmArgs + @($spec))
  $binDir = if ($Prefix -ne '') { $Prefix } else { (& $npm.Source prefix -g) }
  $tool = Join-Path $binDir "$Package.cmd"
} else {
  if ($Tarball -ne '') { throw '-Tarball needs Node.js and npm; with Deno, install from the registry' }
  # -A up front: a permission prompt in the middle of a question would be denied.
  Invoke-Step $deno.Source @('install', '--global', '--allow-all', '--force', '--name', $Package, "npm:$spec")
  $root = if ($env:DENO_INSTALL_ROOT) { $env:DENO_INSTALL_ROOT } else { Join-Path $HOME '.deno' }
  $tool = Join-Path (Join-Path $root 'bin') "$Package.cmd"
}

if ($NoSetup) {
  Say "Installed. Next: $tool setup"
  return
}
Say "Running $Package setup"
Invoke-Step $tool (@('setup') + $SetupArgs)
