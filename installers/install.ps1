# Bootstrap for duo-sso-setup on Windows, for a machine that has nothing yet: finds
# Node.js >= 20 (or Deno 2) — or installs Node.js LTS, verified (winget, else the official
# MSI checked against SHASUMS256.txt and its Authenticode signer) — installs duo-sso-setup
# from npm (or a local tarball), then runs `duo-sso-setup setup`.
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

# With neither Node.js 20+ nor Deno 2: install Node.js LTS, verified. winget checks the
# installer against the SHA-256 in its signed manifest; without winget, the official MSI must
# match its line in SHASUMS256.txt *and* carry a valid Authenticode signature whose signer is
# the OpenJS Foundation (Windows has no gpg to check SHASUMS256.txt.sig with).
$NodeDist = if ($env:DUO_SSO_SETUP_NODE_DIST) { $env:DUO_SSO_SETUP_NODE_DIST } else { 'https://nodejs.org/dist' }
$NodeSigner = 'OpenJS Foundation'

# The O= values of a certificate subject ("CN=x, O=y, C=US"): split at each comma that starts
# a new attribute (not one inside a quoted value), quotes taken off. The signer must be the
# one O, exactly: a substring match accepted "O=OpenJS Foundation Impostors".
function Get-SubjectOrganisations([string]$who) {
  @(($who -split ',\s*(?=[A-Za-z0-9.]+=)') | Where-Object { $_ -clike 'O=*' } | ForEach-Object { $_.Substring(2).Trim('"') })
}

function Install-NodeLts {
  if (Get-Command winget -ErrorAction SilentlyContinue) {
    Invoke-Step 'winget' @('install', '-e', '--id', 'OpenJS.NodeJS.LTS', '--silent', '--accept-package-agreements', '--accept-source-agreements')
  } else {
    if (-not $NodeDist.StartsWith('https://')) { throw "refusing to download over anything but https: $NodeDist" }
    $index = Invoke-RestMethod -Uri "$NodeDist/index.json" -UseBasicParsing
    $release = $index | Where-Object { $_.lts -and ((Get-Major $_.version) -ge $NodeMin) } | Select-Object -First 1
    if (-not $release) { throw "no Node.js LTS release >= $NodeMin in $NodeDist/index.json" }
    $arch = if ([Environment]::Is64BitOperatingSystem) { if ($env:PROCESSOR_ARCHITECTURE -eq 'ARM64') { 'arm64' } else { 'x64' } } else { 'x86' }
    $file = "node-$($release.version)-$arch.msi"
    $work = Join-Path ([IO.Path]::GetTempPath()) ("duo-sso-setup-node-" + [Guid]::NewGuid())
    New-Item -ItemType Directory -Path $work | Out-Null
    try {
      Say "Downloading Node.js $($release.version) ($file)"
      if ($DryRun) { Say "+ verify $file against SHASUMS256.txt and its Authenticode signer ($NodeSigner); msiexec /i $file /qn"; return }
      Invoke-WebRequest -Uri "$NodeDist/$($release.version)/SHASUMS256.txt" -OutFile (Join-Path $work 'SHASUMS256.txt') -UseBasicParsing
      Invoke-WebRequest -Uri "$NodeDist/$($release.version)/$file" -OutFile (Join-Path $work $file) -UseBasicParsing
      $line = Get-Content (Join-Path $work 'SHASUMS256.txt') | Where-Object { ($_ -split '\s+')[1] -eq $file } | Select-Object -First 1
      if (-not $line) { throw "$file is not listed in SHASUMS256.txt; nothing was installed" }
      $expected = ($line -split '\s+')[0].ToLowerInvariant()
      $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path $work $file)).Hash.ToLowerInvariant()
      if ($actual -ne $expected) { throw "$file does not match its SHA-256 (got $actual, expected $expected); nothing was installed" }
      $sig = Get-AuthenticodeSignature -LiteralPath (Join-Path $work $file)
      $orgs = Get-SubjectOrganisations $sig.SignerCertificate.Subject
      if ($sig.Status -ne 'Valid' -or $orgs.Count -ne 1 -or $orgs[0] -cne $NodeSigner) {
        throw "$file is not signed by $NodeSigner (signature: $($sig.Status)); nothing was installed"
      }
      Invoke-Step 'msiexec.exe' @('/i', (Join-Path $work $file), '/qn', '/norestart')
    } finally {
      Remove-Item -Recurse -Force -LiteralPath $work -ErrorAction SilentlyContinue
    }
  }
  # This session's PATH does not see the new install yet.
  $env:Path = "$env:ProgramFiles\nodejs;$env:Path"
}

if (-not $node -and -not $deno) {
  Say "$Package needs Node.js $NodeMin+ (or Deno $DenoMin+), and neither is on PATH: installing Node.js LTS."
  Install-NodeLts
  $node = Get-Command node -ErrorAction SilentlyContinue
  if (-not $node -and $DryRun) {
    Say "+ npm install --global --no-audit --no-fund $Package (with the new Node.js), then $Package setup"
    return
  }
  if (-not $node) {
    # throw, not exit: under `irm … | iex` exit would close the user's PowerShell window.
    # (With -File an uncaught throw still ends with exit code 1.)
    throw "Node.js was installed but is not on PATH yet: open a new terminal and run this again"
  }
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
  Invoke-Step $deno.Source @('install', '--global', '--allow-all', '--quiet', '--force', '--name', $Package, "npm:$spec")
  $root = if ($env:DENO_INSTALL_ROOT) { $env:DENO_INSTALL_ROOT } else { Join-Path $HOME '.deno' }
  $tool = Join-Path (Join-Path $root 'bin') "$Package.cmd"
}

if ($NoSetup) {
  Say "Installed. Next: $tool setup"
  return
}
Say "Running $Package setup"
Invoke-Step $tool (@('setup') + $SetupArgs)
