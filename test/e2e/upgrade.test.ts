import { afterEach, describe, expect, it } from 'vitest';
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
