// The bootstrap scripts and the Homebrew formula: linted with the real shellcheck and ruby,
// and install.sh run for real against a tarball packed from this build (npm pack) into a
// throwaway npm prefix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI, DENO, REPO, Sandbox, systemTool } from '../support/sandbox.js';

const INSTALL_SH = join(REPO, 'installers', 'install.sh');
const NODE = process.execPath;
const NPM = systemTool('npm');
const boxes: Sandbox[] = [];
let staging: string;
let tarball: string;
const version = JSON.parse(execFileSync(NODE, ['-p', 'JSON.stringify(require(process.argv[1]).version)', join(REPO, 'package.json')], { encoding: 'utf8' })) as string;

async function sandbox(tools: { node?: boolean; deno?: boolean } = {}): Promise<Sandbox> {
  const box = await Sandbox.create();
  boxes.push(box);
  if (tools.node) {
    await box.addTool(NODE, 'node');
    if (NPM) await box.addTool(NPM, 'npm');
  }
  if (tools.deno) await box.addTool(DENO, 'deno');
  return box;
}

beforeAll(async () => {
  // Pack exactly what would be published, with this build standing in for dist/.
  staging = await mkdtemp(join(tmpdir(), 'duo-sso-setup-pack-'));
  const pkg = join(staging, 'pkg');
  await mkdir(pkg);
  for (const name of ['package.json', 'README.md', 'installers', 'docs']) {
    if (existsSync(join(REPO, name))) await cp(join(REPO, name), join(pkg, name), { recursive: true });
  }
  await cp(dirname(CLI), join(pkg, 'dist'), { recursive: true });
  execFileSync(NPM ?? 'npm', ['pack', '--pack-destination', staging, '--silent'], { cwd: pkg, stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = join(staging, (await readdir(staging)).find((n) => n.endsWith('.tgz'))!);
}, 120_000);

afterAll(async () => {
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
  await rm(staging, { recursive: true, force: true });
});

describe('linters', () => {
  it('install.sh is POSIX sh and shellcheck clean', () => {
    // execFileSync throws (failing the test) on any shellcheck finding.
    const out = execFileSync(systemTool('shellcheck')!, ['--shell=sh', '--severity=style', INSTALL_SH], { encoding: 'utf8' });
    expect(out).toBe('');
  });

  it('install.ps1 never calls exit: under `irm … | iex` that would close the user\'s PowerShell window (no PowerShell here to run it)', async () => {
    const text = await import('node:fs/promises').then((fs) => fs.readFile(join(REPO, 'installers', 'install.ps1'), 'utf8'));
    const code = text.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
    expect(code).not.toMatch(/\bexit\b/i);
  });

  it('install.ps1 installs Node.js LTS only verified: winget, or the MSI checked by SHA-256 and its Authenticode signer (text check: no PowerShell here)', async () => {
    const text = await import('node:fs/promises').then((fs) => fs.readFile(join(REPO, 'installers', 'install.ps1'), 'utf8'));
    expect(text).toContain("'winget' @('install', '-e', '--id', 'OpenJS.NodeJS.LTS'");
    // The hash is compared before msiexec runs, and so is the signer.
    const msi = text.indexOf("Invoke-Step 'msiexec.exe'");
    expect(text.indexOf('Get-FileHash -Algorithm SHA256')).toBeGreaterThan(0);
    expect(text.indexOf('Get-FileHash -Algorithm SHA256')).toBeLessThan(msi);
    expect(text.indexOf("$sig.Status -ne 'Valid'")).toBeLessThan(msi);
    expect(text).toContain("$NodeSigner = 'OpenJS Foundation'");
  });

  it('the Homebrew formula is valid Ruby and has a --version test', async () => {
    const formula = join(REPO, 'homebrew', 'Formula', 'duo-sso-setup.rb');
    expect(execFileSync(systemTool('ruby')!, ['-c', formula], { encoding: 'utf8' })).toContain('Syntax OK');
    const text = await import('node:fs/promises').then((fs) => fs.readFile(formula, 'utf8'));
    expect(text).toMatch(/depends_on "node"/);
    expect(text).toMatch(/test do[\s\S]*--version/);
    // The formula installs the npm tarball of this version (bump both together).
    expect(text).toContain(`url "https://registry.npmjs.org/duo-sso-setup/-/duo-sso-setup-${version}.tgz"`);
  });
});

describe('install.sh', () => {
  it('--dry-run prints the npm install and the setup it would run, and changes nothing', async () => {
    const box = await sandbox({ node: true });
    const prefix = join(box.root, 'prefix');
    const r = await box.exec('/bin/sh', [INSTALL_SH, '--dry-run', '--tarball', tarball, '--prefix', prefix, '--', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`+ ${box.bin}/npm install --global --prefix ${prefix} --no-audit --no-fund ${tarball}`);
    expect(r.stderr).toContain(`+ ${prefix}/bin/duo-sso-setup setup --yes`);
    expect(existsSync(prefix)).toBe(false);
  });

  it('with only Deno 2 on PATH, installs through deno install -A', async () => {
    const box = await sandbox({ deno: true });
    const r = await box.exec('/bin/sh', [INSTALL_SH, '--dry-run', '--no-setup']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`+ ${box.bin}/deno install --global --allow-all --quiet --force --name duo-sso-setup npm:duo-sso-setup@latest`);
  });

  it('without Node 20+ or Deno 2 it says how to get one and exits 1', async () => {
    const box = await sandbox();
    await box.addScript('node', '#!/bin/sh\n# Imitates an old distro Node.js.\necho v18.19.0\n');
    const r = await box.exec('/bin/sh', [INSTALL_SH, '--no-setup']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('found node v18.19.0, but duo-sso-setup needs Node.js 20 or newer');
    expect(r.stderr).toContain('needs Node.js 20+ (or Deno 2+), and neither is on PATH');
  });

  it('rejects unknown options and a missing tarball', async () => {
    const box = await sandbox({ node: true });
    expect((await box.exec('/bin/sh', [INSTALL_SH, '--bogus'])).stderr).toContain('unknown option: --bogus');
    const r = await box.exec('/bin/sh', [INSTALL_SH, '--tarball', join(box.root, 'nope.tgz')]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('no such tarball');
  });

  it.runIf(existsSync('/usr/bin/script'))('piped into sh (curl … | sh) on a terminal, setup gets the terminal as stdin, not the pipe', async () => {
    const box = await sandbox();
    await box.addTool(NODE, 'node');
    // Stand-in for npm: "installs" a duo-sso-setup that only reports what its stdin is.
    await box.addScript('npm', `#!/bin/sh
# Imitates \`npm install --global --prefix P\`: writes P/bin/duo-sso-setup.
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix=$2; shift; done
mkdir -p "$prefix/bin"
printf '#!/bin/sh\\nif [ -t 0 ]; then echo "setup stdin: terminal"; else echo "setup stdin: not a terminal"; fi\\n' > "$prefix/bin/duo-sso-setup"
chmod +x "$prefix/bin/duo-sso-setup"
`);
    const prefix = join(box.root, 'prefix');
    // script(1) gives the pipeline a pseudo-terminal, as a user's terminal would.
    const r = await box.exec('/usr/bin/script', ['-qec', `cat '${INSTALL_SH}' | sh -s -- --prefix '${prefix}'`, '/dev/null']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('setup stdin: terminal');
  });

  it.skipIf(!NPM)('installs the packed tarball into a throwaway prefix and runs setup', async () => {
    const box = await sandbox({ node: true });
    const prefix = join(box.root, 'prefix');
    // Reuse the machine's npm cache: the registry is reachable, but there is no need to refetch.
    // With --prefix npm reads PREFIX/etc/npmrc instead of the system one, so pass on the
    // machine's CA settings (TLS-intercepting proxies in CI), and fail fast if the registry is unreachable.
    const ca = Object.fromEntries(['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
    const env = {
      ...ca,
      ...(process.env.NODE_EXTRA_CA_CERTS ? { npm_config_cafile: process.env.NODE_EXTRA_CA_CERTS } : {}),
      npm_config_cache: join(process.env.HOME ?? '/root', '.npm'),
      npm_config_update_notifier: 'false',
      npm_config_fetch_retries: '1',
    };
    const r = await box.exec('/bin/sh', [INSTALL_SH, '--tarball', tarball, '--prefix', prefix, '--', '--dry-run', '--json'], { env, timeoutMs: 240_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(prefix, 'bin', 'duo-sso-setup'))).toBe(true);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ dryRun: true });
    expect(json.steps.map((s: any) => s.id)).toEqual(['detect', 'install', 'completion', 'config', 'region', 'login', 'verify']);
    const v = await box.exec(join(prefix, 'bin', 'duo-sso-setup'), ['--version']);
    expect(v.stdout.trim()).toBe(version);
    // `upgrade self` goes back to the same npm prefix (not npm's default global one).
    // (npm offline: the plan must not depend on what the registry says today.)
    const up = await box.exec(join(prefix, 'bin', 'duo-sso-setup'), ['upgrade', 'self', '--dry-run', '--json'], { env: { ...env, npm_config_offline: 'true' }, timeoutMs: 60_000 });
    expect(JSON.parse(up.stdout).components[0]).toMatchObject({ method: 'npm (global)', plan: [{ command: ['npm', 'install', '--global', '--prefix', prefix, 'duo-sso-setup@latest'] }] });
  }, 300_000);
});
