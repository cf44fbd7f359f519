// install.sh on a machine with neither Node.js 20+ nor Deno: it installs a private Node.js,
// verified against a signed SHASUMS256.txt, then duo-sso-setup with it. Run against a
// loopback stand-in for nodejs.org (test/support/node-release-server.ts) with releases signed
// by a throwaway key; the script under test is the shipped one with only its pinned
// fingerprint list swapped for the throwaway key's (the shipped list is checked on its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI, REPO, Sandbox, systemTool } from '../support/sandbox.js';
import { buildNodeTarball, makeSigningKey, signRelease, startNodeReleaseServer, type NodeReleaseServer, type SigningKey } from '../support/node-release-server.js';

const INSTALL_SH = join(REPO, 'installers', 'install.sh');
const NPM_DIR = dirname(dirname(execFileSync('readlink', ['-f', systemTool('npm')!], { encoding: 'utf8' }).trim()));
const shipped = readFileSync(INSTALL_SH, 'utf8');
const PINS = /^NODE_RELEASE_KEYS="([^"]*)"$/m;

let staging: string;
let tarball: string;
let pinned: SigningKey;
let unpinned: SigningKey;
let server: NodeReleaseServer;
let script: string;
const boxes: Sandbox[] = [];

const GOOD = 'v22.99.0';
const TAMPERED = 'v22.98.0';
const WRONG_KEY = 'v22.97.0';
/** A pinned fingerprint under whose name the server hands out the unpinned key. */
const IMPOSTOR_PIN = 'ABCDEF0123456789ABCDEF0123456789ABCDEF01';
const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;

beforeAll(async () => {
  staging = await mkdtemp(join(tmpdir(), 'duo-sso-setup-bootstrap-'));
  [pinned, unpinned] = await Promise.all([makeSigningKey('Test Releaser <pinned@example.com>'), makeSigningKey('Somebody Else <unpinned@example.com>')]);
  const node = await buildNodeTarball(GOOD, process.execPath, NPM_DIR);
  const releases = [
    signRelease(GOOD, node, pinned),
    signRelease(TAMPERED, await buildNodeTarball(TAMPERED, process.execPath, NPM_DIR), pinned, { tamper: true }),
    signRelease(WRONG_KEY, await buildNodeTarball(WRONG_KEY, process.execPath, NPM_DIR), unpinned),
  ];
  // index.tab: the newest line is not LTS; the newest LTS is GOOD.
  server = await startNodeReleaseServer([{ version: 'v23.1.0', files: {} }, ...releases], [pinned, unpinned, { ...unpinned, servedAs: IMPOSTOR_PIN }], { [GOOD]: 'Jod', [TAMPERED]: 'Jod', [WRONG_KEY]: 'Jod' });
  script = join(staging, 'install.sh');
  await writeFile(script, shipped.replace(PINS, `NODE_RELEASE_KEYS="\n${pinned.fpr}\n"`));

  // Pack exactly what would be published, with this build standing in for dist/.
  const pkg = join(staging, 'pkg');
  await mkdir(pkg);
  for (const name of ['package.json', 'README.md', 'installers', 'docs']) await cp(join(REPO, name), join(pkg, name), { recursive: true });
  await cp(dirname(CLI), join(pkg, 'dist'), { recursive: true });
  execFileSync(systemTool('npm')!, ['pack', '--pack-destination', staging, '--silent'], { cwd: pkg, stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = join(staging, (await readdir(staging)).find((n) => n.endsWith('.tgz'))!);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
  await Promise.all([staging, pinned?.gnupgHome, unpinned?.gnupgHome].filter(Boolean).map((d) => rm(d!, { recursive: true, force: true })));
});

/** A machine with the usual base tools and gpgv, but no node, npm or deno on PATH. */
async function bareMachine(): Promise<Sandbox> {
  const box = await Sandbox.create();
  boxes.push(box);
  await box.addTool('gpgv');
  return box;
}

const npmEnv = {
  npm_config_cache: join(process.env.HOME ?? '/root', '.npm'),
  npm_config_update_notifier: 'false',
  npm_config_fetch_retries: '1',
  ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS, npm_config_cafile: process.env.NODE_EXTRA_CA_CERTS } : {}),
};

function args(extra: string[] = []): string[] {
  return [script, '--tarball', tarball, '--node-dist', `${server.url}/dist`, '--node-keys-url', `${server.url}/keys`, '--no-setup', ...extra];
}

describe('install.sh without Node.js or Deno', () => {
  it('ships well-formed pinned fingerprints: the active Node.js releasers, 40 hex digits each', () => {
    const pins = PINS.exec(shipped)![1]!.trim().split(/\s+/);
    expect(pins.length).toBeGreaterThanOrEqual(8);
    for (const p of pins) expect(p).toMatch(/^[0-9A-F]{40}$/);
    // Michaël Zasso's and Richard Lau's keys, as listed by nodejs/release-keys.
    expect(pins).toContain('8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600');
    expect(pins).toContain('C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C');
  });

  it('installs the newest verified LTS as a private Node.js, then duo-sso-setup with it, behind a launcher on ~/.local/bin', async () => {
    const box = await bareMachine();
    const r = await box.exec('/bin/sh', args(), { env: npmEnv, timeoutMs: 240_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const privateNode = join(box.home, '.local', 'share', 'duo-sso-setup', 'node');
    expect(r.stderr).toContain(`Node.js ${GOOD} verified (SHASUMS256.txt signed by ${pinned.fpr})`);
    expect(existsSync(join(privateNode, 'bin', 'node'))).toBe(true);
    expect(existsSync(join(privateNode, 'lib', 'node_modules', 'duo-sso-setup', 'dist', 'cli.js'))).toBe(true);
    // The launcher names the private Node.js: it works with nothing on PATH but the base tools.
    const launcher = join(box.home, '.local', 'bin', 'duo-sso-setup');
    expect(readFileSync(launcher, 'utf8')).toContain(join(privateNode, 'bin', 'node'));
    const v = await box.exec(launcher, ['--version']);
    expect(v.stdout.trim()).toBe(version);
    // The script's temporary folder is gone.
    expect((await readdir(tmpdir())).filter((n) => n.startsWith('duo-sso-setup-node.'))).toEqual([]);
    expect(server.requests).toContain(`/dist/${GOOD}/SHASUMS256.txt.sig`);
  }, 300_000);

  it.each([
    [TAMPERED, 'does not match its signed SHA-256'],
    [WRONG_KEY, 'is not signed by a pinned Node.js release key'],
  ])('refuses %s (%s) and installs nothing', async (release, message) => {
    const box = await bareMachine();
    const r = await box.exec('/bin/sh', args(['--node-version', release]), { env: npmEnv, timeoutMs: 120_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('nothing was installed');
    expect(existsSync(join(box.home, '.local'))).toBe(false);
  }, 180_000);

  it('refuses a key that is served under a pinned fingerprint but is another key', async () => {
    const box = await bareMachine();
    // keys/IMPOSTOR_PIN.asc is the unpinned key, which signed WRONG_KEY: gpgv verifies the
    // signature, but the signer's fingerprint is not the pinned one.
    const sub = join(staging, 'impostor.sh');
    await writeFile(sub, shipped.replace(PINS, `NODE_RELEASE_KEYS="\n${IMPOSTOR_PIN}\n"`));
    const r = await box.exec('/bin/sh', [sub, ...args(['--node-version', WRONG_KEY]).slice(1)], { env: npmEnv, timeoutMs: 120_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('is not signed by a pinned Node.js release key');
    expect(existsSync(join(box.home, '.local'))).toBe(false);
  }, 180_000);

  it('refuses plain http to anything but this machine, before downloading', async () => {
    const box = await bareMachine();
    const r = await box.exec('/bin/sh', [script, '--node-dist', 'http://nodejs.example.org/dist', '--no-setup']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('refusing to download over anything but https: http://nodejs.example.org/dist/index.tab');
  });

  it('--dry-run says what it would download and verify, and changes nothing', async () => {
    const box = await bareMachine();
    const before = server.requests.length;
    const r = await box.exec('/bin/sh', args(['--dry-run']));
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('Would install a private Node.js LTS');
    expect(r.stderr).toContain('verified against SHASUMS256.txt signed by a pinned Node.js release key');
    expect(r.stderr).toMatch(/\+ .*\/node\/bin\/npm install --global --prefix .*\/node /);
    expect(existsSync(join(box.home, '.local'))).toBe(false);
    expect(server.requests.slice(before)).toEqual([]);
  });

  it('without gpgv it refuses to install an unverifiable Node.js', async () => {
    const box = await Sandbox.create();
    boxes.push(box);
    const r = await box.exec('/bin/sh', args());
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('gpgv (GnuPG) is needed to verify the Node.js download');
  });

  it('on macOS with Homebrew it installs node with brew instead', async () => {
    const box = await bareMachine();
    await box.addScript('uname', '#!/bin/sh\n[ "$1" = -s ] && echo Darwin || echo arm64\n');
    await box.addScript('brew', '#!/bin/sh\necho /opt/homebrew\n');
    const r = await box.exec('/bin/sh', [script, '--dry-run', '--no-setup']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('+ brew install node');
    expect(r.stderr).toContain('+ /opt/homebrew/bin/npm install --global');
  });

  it('--no-private-node keeps the old answer: how to get Node.js, exit 1', async () => {
    const box = await bareMachine();
    const r = await box.exec('/bin/sh', [script, '--no-private-node', '--no-setup']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('needs Node.js 20+ (or Deno 2+), and neither is on PATH');
    expect(r.stderr).toContain('without --no-private-node');
  });
});
