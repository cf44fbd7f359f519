import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { releaseAssetName } from '../../src/release/release-source.js';
import { CRASHING_DUO_SSO, duoSsoScript, sha256, startReleaseServer, type Asset, type ReleaseServer } from '../support/upgrade-release-server.js';
import { createSigner } from '../support/minisign.js';

/** Another publisher's key: its signatures must not count. */
const other = createSigner();
afterAll(() => other.dispose());
import { CLI, Sandbox, type Runtime } from '../support/sandbox.js';
import { FakeBrew, UPSTREAM_URL, brokenTapScenario, healthyScenario, type FakeBrewScenario } from '../support/fake-brew/index.js';
import { ReleaseServer as DownloadServer } from '../support/release-server.js';
import { makeSignedZip } from '../support/aws-cli-zip.js';

const boxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
});

async function setup(scenario: FakeBrewScenario) {
  const box = await Sandbox.create();
  boxes.push(box);
  const brew = await FakeBrew.install(box, scenario);
  const run = (args: string[], env: Record<string, string> = {}, runtime: Runtime = 'node') => box.run(args, { runtime, env: { PATH: brew.pathFor(box), ...env } });
  return { box, brew, run };
}

const verbs = (log: string[][]) => log.map((a) => a.join(' '));

describe('upgrade duo-sso through Homebrew', () => {
  it.each<Runtime>(['node', 'deno'])('repairs a broken tap under %s: uninstall before untap, re-tap with the URL, ends on 3.5.0', async (runtime) => {
    const { box, brew, run } = await setup(brokenTapScenario());
    await box.write('.config/duo-sso/config.json', '{"url":"https://cloudsso.cisco.com"}\n');
    await box.write('.aws/credentials', '[eticloud]\naws_access_key_id = AKIAEXAMPLE\n');
    const r = await run(['upgrade', 'duo-sso', '--yes'], {}, runtime);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const changing = verbs(await brew.changingCommands());
    expect(changing).toEqual([
      'tap --repair ats-operations/homebrew-tap',
      'upgrade duo-sso',
      'uninstall duo-sso',
      'untap ats-operations/homebrew-tap',
      'cleanup',
      `tap ats-operations/homebrew-tap ${UPSTREAM_URL}`,
      'install ats-operations/homebrew-tap/duo-sso',
    ]);
    const version = await box.exec(`${brew.binDir}/duo-sso`, ['--version']);
    expect(version.stdout.trim()).toBe('duo-sso v3.5.0');
    expect(r.stdout).toMatch(/duo-sso upgraded 3\.4\.0 → 3\.5\.0 \(after the repair ladder/);
    expect(r.stdout).toMatch(/untouched/);
    expect(await box.read('.config/duo-sso/config.json')).toBe('{"url":"https://cloudsso.cisco.com"}\n');
    expect(await box.read('.aws/credentials')).toBe('[eticloud]\naws_access_key_id = AKIAEXAMPLE\n');
    // Progress (each step and its output) went to stderr.
    expect(r.stderr).toMatch(/\$ brew untap ats-operations\/homebrew-tap/);
    expect(r.stderr).toMatch(/Failed to load formula[\s\S]*failed \(exit 1\): trying the repair ladder/);
  });

  it('--dry-run runs no changing brew command and prints the whole ladder', async () => {
    const { brew, run } = await setup(brokenTapScenario());
    const r = await run(['upgrade', 'duo-sso', '--dry-run']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(await brew.changingCommands()).toEqual([]);
    expect((await brew.log()).length).toBeGreaterThan(0);
    for (const line of [
      'brew tap --repair ats-operations/homebrew-tap', 'brew upgrade duo-sso', 'brew uninstall duo-sso',
      'brew untap ats-operations/homebrew-tap', 'brew cleanup', `brew tap ats-operations/homebrew-tap ${UPSTREAM_URL}`,
      'brew install ats-operations/homebrew-tap/duo-sso', 'brew update',
    ]) expect(r.stdout).toContain(line);
    expect(r.stdout).toMatch(/would upgrade duo-sso 3\.4\.0 → 3\.5\.0/);
    expect((await brew.state()).installed['duo-sso'].version).toBe('3.4.0');
  });
});

describe('upgrade duo-sso through Homebrew: every rung', () => {
  it('a healthy tap upgrades in place: tap --repair, upgrade, nothing else', async () => {
    const { brew, run } = await setup(healthyScenario());
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(verbs(await brew.changingCommands())).toEqual(['tap --repair ats-operations/homebrew-tap', 'upgrade duo-sso']);
    expect(r.stdout).toMatch(/duo-sso upgraded 3\.4\.0 → 3\.5\.0$/m);
  });

  it('a duo-sso under Homebrew\'s prefix that brew no longer lists is still Homebrew\'s, and gets reinstalled', async () => {
    const { box, brew, run } = await setup(healthyScenario({ installed: {} }));
    await box.exec('/bin/sh', ['-c', `printf '#!/bin/sh\\necho "duo-sso v3.3.0"\\n' > ${brew.binDir}/duo-sso && chmod +x ${brew.binDir}/duo-sso`]);
    const check = await run(['upgrade', 'duo-sso', '--check', '--json']);
    expect(check.json.components[0]).toMatchObject({ method: 'homebrew', from: '3.3.0', to: '3.5.0', status: 'planned' });
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(verbs(await brew.changingCommands())).toEqual([
      'tap --repair ats-operations/homebrew-tap', 'upgrade duo-sso', 'uninstall duo-sso', 'untap ats-operations/homebrew-tap', 'cleanup',
      `tap ats-operations/homebrew-tap ${UPSTREAM_URL}`, 'install ats-operations/homebrew-tap/duo-sso',
    ]);
    expect((await box.exec(`${brew.binDir}/duo-sso`, ['--version'])).stdout.trim()).toBe('duo-sso v3.5.0');
  });

  it('says so and runs nothing when duo-sso is already current', async () => {
    const { brew, run } = await setup(healthyScenario({ installed: { 'duo-sso': { version: '3.5.0', tap: 'ats-operations/tap' } } }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/duo-sso 3\.5\.0 is current/);
    expect(await brew.changingCommands()).toEqual([]);
  });

  it('Homebrew 6 tap trust: an unqualified upgrade is refused, the fully qualified one works', async () => {
    const { brew, run } = await setup(healthyScenario({ homebrewVersion: '6.0.1', trustRequired: true }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(verbs(await brew.changingCommands())).toEqual([
      'tap --repair ats-operations/homebrew-tap', 'upgrade duo-sso', 'upgrade ats-operations/homebrew-tap/duo-sso',
    ]);
    expect(r.stderr).toMatch(/refused: tap not trusted/);
  });

  it('a stale index: "No available formula" → brew update → the upgrade is retried', async () => {
    const { brew, run } = await setup(healthyScenario({ taps: { 'ats-operations/tap': { remote: UPSTREAM_URL, broken: false, index: null } } }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(verbs(await brew.changingCommands())).toEqual(['tap --repair ats-operations/homebrew-tap', 'upgrade duo-sso', 'update', 'upgrade duo-sso']);
  });

  it('a stale index after the re-tap: install is retried after brew update', async () => {
    const { brew, run } = await setup(brokenTapScenario({ staleAfterTap: true }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(verbs(await brew.changingCommands()).slice(-4)).toEqual([
      `tap ats-operations/homebrew-tap ${UPSTREAM_URL}`, 'install ats-operations/homebrew-tap/duo-sso', 'update', 'install ats-operations/homebrew-tap/duo-sso',
    ]);
  });

  it('an upgrade that "succeeds" without changing the version goes down the repair ladder', async () => {
    const { box, brew, run } = await setup(healthyScenario({ upgradeIsNoop: true }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(verbs(await brew.changingCommands())).toContain('uninstall duo-sso');
    expect(r.stderr).toMatch(/still duo-sso 3\.4\.0, expected 3\.5\.0/);
    expect((await box.exec(`${brew.binDir}/duo-sso`, ['--version'])).stdout.trim()).toBe('duo-sso v3.5.0');
  });

  it('a failing tap --repair or cleanup is reported and the ladder goes on', async () => {
    const { run } = await setup(brokenTapScenario({ fail: { 'tap --repair': 'Error: repair exploded', cleanup: 'Error: Permission denied @ rb_file_s_rename' } }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/repair exploded[\s\S]*failed \(exit 1\), continuing/);
    expect(r.stderr).toMatch(/rb_file_s_rename[\s\S]*failed \(exit 1\), continuing/);
  });

  it('re-taps from the URL saved in state, then from --tap-url; a bad URL stops with advice', async () => {
    const mirror = 'https://git.example.com/mirror/homebrew-tap';
    const { box, brew, run } = await setup(brokenTapScenario({ upstream: { url: mirror } }));
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ version: 1, tapUrl: mirror }));
    const dry = await run(['upgrade', 'duo-sso', '--dry-run']);
    expect(dry.stdout).toContain(`brew tap ats-operations/homebrew-tap ${mirror}`);
    expect(dry.stdout).toMatch(/from state/);
    const bad = await run(['upgrade', 'duo-sso', '--yes', '--tap-url', 'https://nowhere.example.com/tap']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/What failed: brew tap ats-operations\/homebrew-tap https:\/\/nowhere\.example\.com\/tap \(exit 1\)/);
    expect(bad.stdout).toMatch(/repository 'https:\/\/nowhere\.example\.com\/tap\/' not found/);
    expect(bad.stdout).toMatch(/duo-sso is NOT installed right now/);
    expect(bad.stdout).toMatch(/on the VPN/);
    // Rerunning picks up where it stopped: uninstall and untap are already done.
    const good = await run(['upgrade', 'duo-sso', '--yes']);
    expect(good.exitCode, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/duo-sso 3\.5\.0 installed again \(after the repair ladder/);
    const log = verbs(await brew.changingCommands());
    expect(log.slice(log.lastIndexOf('uninstall duo-sso'))).toEqual([
      'uninstall duo-sso', 'untap ats-operations/homebrew-tap', 'cleanup', `tap ats-operations/homebrew-tap ${mirror}`, 'install ats-operations/homebrew-tap/duo-sso',
    ]);
    expect((await brew.state()).installed['duo-sso'].version).toBe('3.5.0');
  });
});

describe('upgrade duo-sso through Homebrew: a failure at any rung is reported', () => {
  it.each<{ fail: Record<string, string>; failed: string; next: string; notInstalled: boolean }>([
    { fail: { uninstall: 'Error: Permission denied @ unlink_internal' }, failed: 'brew uninstall duo-sso', next: 'brew uninstall --force duo-sso', notInstalled: false },
    { fail: { untap: 'Error: Permission denied @ apply2files' }, failed: 'brew untap ats-operations/homebrew-tap', next: 'brew untap --force ats-operations/homebrew-tap', notInstalled: true },
    { fail: { tap: 'fatal: unable to access: Could not resolve host: wwwin-github.cisco.com' }, failed: `brew tap ats-operations/homebrew-tap ${UPSTREAM_URL}`, next: `brew tap ats-operations/homebrew-tap ${UPSTREAM_URL}`, notInstalled: true },
    { fail: { install: 'Error: An exception occurred within a child process: SHA256 mismatch' }, failed: 'brew install ats-operations/homebrew-tap/duo-sso', next: 'brew doctor', notInstalled: true },
  ])('$failed', async ({ fail, failed, next, notInstalled }) => {
    const { run } = await setup(brokenTapScenario({ fail }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^ {2}What ran:$/m);
    expect(r.stdout).toContain(`What failed: ${failed} (exit 1)`);
    expect(r.stdout).toContain(Object.values(fail)[0]);
    expect(r.stdout).toMatch(/^ {2}What to do next:$/m);
    expect(r.stdout).toContain(`$ ${next}`);
    expect(r.stdout).toContain('run again: duo-sso-setup upgrade duo-sso --yes');
    expect(r.stdout.includes('duo-sso is NOT installed right now')).toBe(notInstalled);
  });

  it('brew update failing during the repair stops with the update advice', async () => {
    const { run } = await setup(brokenTapScenario({ staleAfterTap: true, fail: { update: 'Error: Fetching /opt/homebrew failed!' } }));
    const r = await run(['upgrade', 'duo-sso', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    const report = r.json.components[0];
    expect(report).toMatchObject({ status: 'failed', failedStep: { rung: 'update', exitCode: 1 }, next: { commands: [['brew', 'update', '--verbose'], ['brew', 'doctor']] } });
    expect(report.steps.map((s: any) => s.rung)).toEqual(['tap-repair', 'upgrade', 'uninstall', 'untap', 'cleanup', 'tap', 'install', 'update']);
  });

  it('the reinstalled duo-sso still reporting the old version stops at the version check', async () => {
    const { run } = await setup(brokenTapScenario({ brokenBinaryVersion: '3.4.0' }));
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/failed at `.*duo-sso --version`: still duo-sso 3\.4\.0, expected 3\.5\.0/);
    expect(r.stdout).toContain('$ which -a duo-sso');
  });

  it('refuses --from for a Homebrew-managed duo-sso', async () => {
    const { brew, run } = await setup(healthyScenario());
    const r = await run(['upgrade', 'duo-sso', '--yes', '--from', '/tmp/duo-sso']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/managed by Homebrew/);
    expect(await brew.changingCommands()).toEqual([]);
  });

  it('without --yes and without a terminal, shows the plan and changes nothing', async () => {
    const { brew, run } = await setup(brokenTapScenario());
    const r = await run(['upgrade', 'duo-sso']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/would upgrade duo-sso/);
    expect(r.stderr).toMatch(/Run again with --yes/);
    expect(await brew.changingCommands()).toEqual([]);
  });
});

describe('upgrade duo-sso as a release binary', () => {
  const asset = releaseAssetName('linux', process.arch);
  const servers: ReleaseServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  // The release's checksums.txt is signed with a test key the CLI trusts through --release-key.
  const signer = createSigner();
  afterAll(() => signer.dispose());

  /** As the release is signed: the trusted comment names the release and the file. */
  const signedAs = (version: string) => (t: string) => signer.sign(t, `duo-sso v${version} checksums.txt`);

  async function binarySetup(assets: Record<string, Asset>, opts: { checksums?: boolean; latestRedirect?: boolean; sign?: false | ((text: string) => string); key?: false } = {}) {
    const server = await startReleaseServer({ version: '3.5.0', assets, ...opts, ...(opts.sign === false ? { sign: undefined } : { sign: opts.sign ?? signedAs('3.5.0') }) });
    servers.push(server);
    const box = await Sandbox.create({ scripts: { 'duo-sso': duoSsoScript('3.4.0') } });
    boxes.push(box);
    const target = join(box.bin, 'duo-sso');
    const key = opts.key === false ? [] : ['--release-key', signer.publicKey];
    const run = (args: string[]) => box.run([...args, ...key], { env: { DUO_SSO_RELEASE_URL: server.folder } });
    return { box, server, target, run };
  }

  it.each([
    ['no checksums.txt', { checksums: false }, /the release has no checksums\.txt/],
    ['a forged, unsigned checksums.txt', { sign: false }, /its checksums\.txt is not signed/],
    ['a checksums.txt signed by another key', { sign: (t: string) => other.sign(t) }, /signed by key [0-9A-F]{16}, which is not a trusted key/],
    ['no --release-key and no pinned key', { key: false }, /no --sha256, and no release signing key is pinned/],
  ] as [string, { checksums?: boolean; sign?: false | ((t: string) => string); key?: false }, RegExp][])('refuses a release with %s: nothing installed, the commands that supply a hash', async (_what, opts, why) => {
    const { target, run, server } = await binarySetup({ [asset]: { content: duoSsoScript('3.5.0') } }, opts);
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/refusing to upgrade to a duo-sso nothing verifies/);
    expect(r.stdout).toMatch(why);
    expect(r.stdout).toContain('duo-sso-setup upgrade duo-sso --sha256 HEX');
    expect(r.stdout).toContain('duo-sso-setup upgrade duo-sso --allow-unverified');
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.4.0'));
    expect(existsSync(`${target}.previous`)).toBe(false);
    if (opts.key === false) expect(server.requests.filter((p) => p.endsWith(asset))).toEqual([]);
  });

  it('a dry run whose plan ends in that refusal exits 0 and says so, for upgrade as for install (nothing is downloaded)', async () => {
    const { server, target, run } = await binarySetup({ [asset]: { content: duoSsoScript('3.5.0') } }, { key: false });
    const dry = await run(['upgrade', 'duo-sso', '--dry-run']);
    expect(dry.exitCode, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/a real run would refuse to upgrade to a duo-sso nothing verifies \(no --sha256, and no release signing key is pinned/);
    expect(dry.stdout).toContain('duo-sso-setup upgrade duo-sso --sha256 HEX');
    const json = await run(['upgrade', 'duo-sso', '--dry-run', '--json']);
    expect(json.exitCode).toBe(0);
    expect(json.json.components[0]).toMatchObject({ component: 'duo-sso', status: 'planned', next: { commands: [['duo-sso-setup', 'upgrade', 'duo-sso', '--sha256', 'HEX'], ['duo-sso-setup', 'upgrade', 'duo-sso', '--allow-unverified']] } });
    // install's dry run of the same release, on a machine without duo-sso: the same exit, the same refusal named.
    const fresh = await Sandbox.create();
    boxes.push(fresh);
    const install = await fresh.run(['install', 'duo-sso', '--dry-run'], { env: { DUO_SSO_RELEASE_URL: server.folder } });
    expect(install.exitCode, install.stdout + install.stderr).toBe(0);
    expect(install.stdout).toContain('Except duo-sso: a real run would refuse its download, which cannot be verified (no --sha256, and no release signing key is pinned');
    expect(server.requests.filter((p) => p.endsWith(asset))).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.4.0'));
  });

  it('--sha256 for the release, or --allow-unverified (printed in the plan), upgrade without a signature', async () => {
    const { box, target } = await binarySetup({ [asset]: { content: duoSsoScript('3.5.0') } }, { checksums: false, key: false });
    const server = servers.at(-1)!;
    const env = { DUO_SSO_RELEASE_URL: server.folder };
    const plan = await box.run(['upgrade', 'duo-sso', '--dry-run', '--allow-unverified'], { env });
    expect(plan.stdout).toMatch(/Check its SHA-256 \(UNVERIFIED: --allow-unverified was given\)/);
    const ok = await box.run(['upgrade', 'duo-sso', '--yes', '--sha256', sha256(duoSsoScript('3.5.0'))], { env });
    expect(ok.exitCode, ok.stdout + ok.stderr).toBe(0);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.5.0'));
  });

  it('an http:// release folder off this machine is never fetched', async () => {
    const box = await Sandbox.create({ scripts: { 'duo-sso': duoSsoScript('3.4.0') } });
    boxes.push(box);
    const r = await box.run(['upgrade', 'duo-sso', '--yes', '--sha256', '0'.repeat(64)], { env: { DUO_SSO_RELEASE_URL: 'http://releases.example.invalid/ATS-operations/duo-sso/releases/latest/download' } });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/refused: plain http:\/\/ can be altered on the way: use an https:\/\/ URL; nothing was changed/);
    expect(await readFile(join(box.bin, 'duo-sso'), 'utf8')).toBe(duoSsoScript('3.4.0'));
  });

  it('replaces the binary with the verified release and keeps duo-sso.previous', async () => {
    const { box, target, run } = await binarySetup({ [asset]: { content: duoSsoScript('3.5.0') } });
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/duo-sso upgraded 3\.4\.0 → 3\.5\.0/);
    expect((await box.exec(target, ['--version'])).stdout.trim()).toBe('duo-sso v3.5.0');
    expect(await readFile(`${target}.previous`, 'utf8')).toBe(duoSsoScript('3.4.0'));
    expect(r.stderr).toMatch(/Check SHA-256[\s\S]*matches/);
  });

  it('when the releases page names no version, the download decides: the same version is reported current, not "upgraded"', async () => {
    const { run } = await binarySetup({ [asset]: { content: duoSsoScript('3.4.0') } }, { latestRedirect: false, sign: signedAs('3.4.0') });
    const r = await run(['upgrade', 'duo-sso', '--yes', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json.components[0]).toMatchObject({ status: 'current', from: '3.4.0', to: '3.4.0', summary: expect.stringMatching(/^duo-sso 3\.4\.0 is current/) });
  });

  it('when the releases page names no version and the release is older, the installed binary stays (no silent downgrade)', async () => {
    const { box, target, run } = await binarySetup({ [asset]: { content: duoSsoScript('3.3.0') } }, { latestRedirect: false, sign: signedAs('3.3.0') });
    const r = await run(['upgrade', 'duo-sso', '--yes', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json.components[0]).toMatchObject({ status: 'current', to: '3.4.0', summary: expect.stringMatching(/newest release is 3\.3\.0/) });
    expect((await box.exec(target, ['--version'])).stdout.trim()).toBe('duo-sso v3.4.0');
    // Told by the signature, before the older binary replaced (or ran in place of) the installed one.
    expect(existsSync(`${target}.previous`)).toBe(false);
  });

  it.each([
    ['an older signed release served as the newest (rollback)', signedAs('3.4.1'), /it is signed for release 3\.4\.1, but the newest release is 3\.5\.0/],
    ['a signature whose comment names no version (minisign\'s default)', (t: string) => signer.sign(t, 'timestamp:1700000000\tfile:checksums.txt\thashed'), /names no release version/],
    ['a signature for another file', (t: string) => signer.sign(t, 'duo-sso v3.5.0 duo-sso_linux_amd64'), /does not name checksums\.txt/],
  ] as [string, (t: string) => string, RegExp][])('refuses %s before touching anything', async (_what, sign, why) => {
    const { target, run } = await binarySetup({ [asset]: { content: duoSsoScript('3.4.1') } }, { sign });
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/refusing to upgrade to a duo-sso nothing verifies/);
    expect(r.stdout).toMatch(why);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.4.0'));
    expect(existsSync(`${target}.previous`)).toBe(false);
  });

  it('rejects a tampered download before touching anything', async () => {
    const { target, run } = await binarySetup({ [asset]: { content: duoSsoScript('6.6.6'), checksummed: duoSsoScript('3.5.0') } });
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/does not match its checksum; nothing was changed/);
    expect(r.stdout).toMatch(/What to do next:/);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.4.0'));
    expect(existsSync(`${target}.previous`)).toBe(false);
  });

  it('rolls back when the new binary crashes', async () => {
    const { box, target, run } = await binarySetup({ [asset]: { content: CRASHING_DUO_SSO } });
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/the new duo-sso does not run \(panic: runtime error.*\); rolled back to 3\.4\.0/);
    expect((await box.exec(target, ['--version'])).stdout.trim()).toBe('duo-sso v3.4.0');
    expect(r.stderr).toMatch(/Roll back/);
  });

  it('--dry-run and --check download nothing and change nothing', async () => {
    const { server, target, run } = await binarySetup({ [asset]: { content: duoSsoScript('3.5.0') } });
    const dry = await run(['upgrade', 'duo-sso', '--dry-run']);
    expect(dry.exitCode, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would upgrade duo-sso 3\.4\.0 → 3\.5\.0/);
    expect(dry.stdout).toMatch(/Keep the current binary as .*duo-sso\.previous/);
    const check = await run(['upgrade', 'duo-sso', '--check', '--json']);
    expect(check.json.components[0]).toMatchObject({ component: 'duo-sso', method: 'binary', status: 'planned', from: '3.4.0', to: '3.5.0' });
    expect(server.requests.filter((p) => p.endsWith(asset))).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.4.0'));
  });

  it('--from a local file with a wrong --sha256 fails and changes nothing', async () => {
    const { box, target } = await binarySetup({});
    const file = await box.write('Downloads/duo-sso', duoSsoScript('3.5.0'), 0o755);
    const r = await box.run(['upgrade', 'duo-sso', '--yes', '--from', file, '--sha256', '0'.repeat(64)]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/SHA-256 mismatch/);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.4.0'));
    const ok = await box.run(['upgrade', 'duo-sso', '--yes', '--from', file, '--sha256', sha256(duoSsoScript('3.5.0'))]);
    expect(ok.exitCode, ok.stdout + ok.stderr).toBe(0);
    expect(await readFile(target, 'utf8')).toBe(duoSsoScript('3.5.0'));
  });
});

describe('upgrade aws-cli, self, all', () => {
  it('plans the AWS CLI upgrade the way it was installed (Debian package) without running it', async () => {
    const box = await Sandbox.create({ tools: ['/usr/bin/aws'] });
    boxes.push(box);
    const r = await box.run(['upgrade', 'aws-cli', '--dry-run', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const aws = r.json.components[0];
    expect(aws).toMatchObject({ component: 'aws-cli', method: 'apt package', status: 'planned', from: expect.stringMatching(/^2\./) });
    expect(aws.plan[0].command).toEqual(expect.arrayContaining(['apt-get', 'install', '--only-upgrade', '-y', 'awscli']));
  });

  it('an AWS CLI from the official zip is upgraded with --yes and no terminal: the nested install is approved too', async () => {
    const box = await Sandbox.create({ tools: ['gpg'], env: { SHELL: '/bin/bash' } });
    boxes.push(box);
    // AWS CLI 2.9.0 as the official zip installs it per user: ~/.local/aws-cli/v2/current, linked from ~/.local/bin.
    await box.write('.local/aws-cli/v2/2.9.0/bin/aws', '#!/bin/sh\necho "aws-cli/2.9.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12"\n', 0o755);
    await box.exec('/bin/sh', ['-c', 'ln -s "$HOME/.local/aws-cli/v2/2.9.0" "$HOME/.local/aws-cli/v2/current" && mkdir -p "$HOME/.local/bin" && ln -s "$HOME/.local/aws-cli/v2/current/bin/aws" "$HOME/.local/bin/aws"']);
    const signed = await makeSignedZip(box, '2.99.0');
    const zip = '/awscli-exe-linux-x86_64.zip';
    const server = await DownloadServer.start({ [zip]: signed.zip, [`${zip}.sig`]: signed.sig });
    const env = { PATH: `${box.home}/.local/bin:${box.env.PATH}`, AWS_CLI_DOWNLOAD_URL: server.url, AWS_CLI_PUBLIC_KEY_FILE: signed.keyFile, AWS_CLI_SIGNING_FINGERPRINT: signed.fingerprint };
    try {
      const r = await box.run(['upgrade', 'aws-cli', '--yes'], { env });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/aws-cli upgraded 2\.9\.0 → 2\.99\.0/);
      expect(server.requests).toEqual([zip, `${zip}.sig`]);
      expect((await box.exec(box.path('.local/bin/aws'), ['--version'])).stdout).toMatch(/^aws-cli\/2\.99\.0/);
    } finally {
      await server.close();
    }
  });

  it('--check reports every component and changes nothing, under Node and Deno', async () => {
    const { brew, run, box } = await setup(healthyScenario());
    await box.addTool('/usr/bin/aws');
    for (const runtime of ['node', 'deno'] as const) {
      const r = await box.run(['upgrade', '--check', '--json'], { runtime, env: { PATH: brew.pathFor(box) } });
      expect(r.exitCode, r.stdout + r.stderr).toBe(0);
      expect(r.json.mode).toBe('check');
      expect(r.json.components.map((c: any) => c.component)).toEqual(['duo-sso', 'aws-cli', 'self']);
      expect(r.json.components[0]).toMatchObject({ method: 'homebrew', status: 'planned', from: '3.4.0', to: '3.5.0' });
    }
    expect(await brew.changingCommands()).toEqual([]);
    await run(['upgrade', 'duo-sso', '--dry-run']);
    expect(await brew.changingCommands()).toEqual([]);
  });

  it('rejects an unknown component with exit 2', async () => {
    const box = await Sandbox.create();
    boxes.push(box);
    const r = await box.run(['upgrade', 'duo']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown component: duo/);
    expect(r.stderr).toMatch(/duo-sso, aws-cli, self, all/);
  });
});

describe('doctor: the updates check', () => {
  it('warns about an outdated duo-sso with the upgrade as its fix, and --fix applies it', async () => {
    const { box, brew, run } = await setup(brokenTapScenario());
    const r = await run(['doctor', '--json', '--only', 'updates']);
    const updates = r.json.checks.find((c: any) => c.id === 'updates');
    expect(updates).toMatchObject({
      status: 'warn',
      summary: 'updates available: duo-sso 3.4.0 → 3.5.0',
      fix: { commands: [['duo-sso-setup', 'upgrade', 'duo-sso', '--yes']], automatic: true },
    });
    expect(r.exitCode).toBe(0);
    expect(await brew.changingCommands()).toEqual([]);

    const fixed = await run(['doctor', '--json', '--only', 'updates', '--fix', '--yes']);
    expect(fixed.json.checks.find((c: any) => c.id === 'updates')).toMatchObject({ status: 'ok', fixed: true });
    expect((await box.exec(`${brew.binDir}/duo-sso`, ['--version'])).stdout.trim()).toBe('duo-sso v3.5.0');
  });
});

describe.runIf(existsSync('/usr/bin/script') && existsSync('/usr/bin/stty'))('upgrade on a terminal', () => {
  it('shows listr2 progress on the terminal (stderr) and keeps stdout for the result', async () => {
    const { box, brew } = await setup(brokenTapScenario());
    const out = join(box.root, 'stdout.txt');
    const cli = `'${process.execPath}' '${CLI}' upgrade duo-sso --yes`;
    // script(1) gives the CLI a pseudo-terminal; stdout goes to a file, stderr stays on the terminal.
    const r = await box.exec('/usr/bin/script', ['-qec', `/usr/bin/stty cols 120 rows 40; ${cli} > '${out}'`, '/dev/null'], { env: { PATH: brew.pathFor(box), TERM: 'xterm' } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('✔ Install duo-sso by its full name: brew install');
    expect(r.stdout).toContain('› ==> Installing duo-sso from ats-operations/tap');
    const result = await readFile(out, 'utf8');
    expect(result).toMatch(/^✓ duo-sso \(homebrew\): duo-sso upgraded 3\.4\.0 → 3\.5\.0/);
    expect(result).not.toContain('›');
  });
});
