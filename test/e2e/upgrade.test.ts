import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { releaseAssetName } from '../../src/install/recipes/duo-sso-release.js';
import { CRASHING_DUO_SSO, duoSsoScript, sha256, startReleaseServer, type Asset, type ReleaseServer } from '../support/upgrade-release-server.js';
import { Sandbox } from '../support/sandbox.js';
import { FakeBrew, UPSTREAM_URL, brokenTapScenario, healthyScenario, type FakeBrewScenario } from '../support/fake-brew/index.js';

const boxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
});

async function setup(scenario: FakeBrewScenario) {
  const box = await Sandbox.create();
  boxes.push(box);
  const brew = await FakeBrew.install(box, scenario);
  const run = (args: string[], env: Record<string, string> = {}) => box.run(args, { env: { PATH: brew.pathFor(box), ...env } });
  return { box, brew, run };
}

const verbs = (log: string[][]) => log.map((a) => a.join(' '));

describe('upgrade duo-sso through Homebrew', () => {
  it('repairs a broken tap: uninstall before untap, re-tap with the URL, ends on 3.5.0', async () => {
    const { box, brew, run } = await setup(brokenTapScenario());
    await box.write('.config/duo-sso/config.json', '{"url":"https://cloudsso.cisco.com"}\n');
    await box.write('.aws/credentials', '[eticloud]\naws_access_key_id = AKIAEXAMPLE\n');
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.stderr + r.stdout).toBeTruthy();
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
    expect(r.stderr).toMatch(/Refusing to load|Failed to load formula/);
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

describe('upgrade duo-sso as a release binary', () => {
  const asset = releaseAssetName('linux', process.arch);
  const servers: ReleaseServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function binarySetup(assets: Record<string, Asset>, opts: { checksums?: boolean } = {}) {
    const server = await startReleaseServer({ version: '3.5.0', assets, ...opts });
    servers.push(server);
    const box = await Sandbox.create({ scripts: { 'duo-sso': duoSsoScript('3.4.0') } });
    boxes.push(box);
    const target = join(box.bin, 'duo-sso');
    const run = (args: string[]) => box.run(args, { env: { DUO_SSO_RELEASE_URL: server.folder } });
    return { box, server, target, run };
  }

  it('replaces the binary with the verified release and keeps duo-sso.previous', async () => {
    const { box, target, run } = await binarySetup({ [asset]: { content: duoSsoScript('3.5.0') } });
    const r = await run(['upgrade', 'duo-sso', '--yes']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/duo-sso upgraded 3\.4\.0 → 3\.5\.0/);
    expect((await box.exec(target, ['--version'])).stdout.trim()).toBe('duo-sso v3.5.0');
    expect(await readFile(`${target}.previous`, 'utf8')).toBe(duoSsoScript('3.4.0'));
    expect(r.stderr).toMatch(/Check SHA-256[\s\S]*matches/);
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
