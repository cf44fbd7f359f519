// The homebrew check against the fake brew (test/support/fake-brew), which lists taps the
// way Homebrew does: `ats-operations/homebrew-tap` appears as `ats-operations/tap`.
import { afterEach, describe, expect, it } from 'vitest';
import { Sandbox } from '../support/sandbox.js';
import { FakeBrew, healthyScenario, TAP_NAME, UPSTREAM_URL } from '../support/fake-brew/index.js';

const boxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
});

async function doctor(scenario: Parameters<typeof FakeBrew.install>[1]) {
  const box = await Sandbox.create();
  boxes.push(box);
  const brew = await FakeBrew.install(box, scenario);
  const r = await box.run(['doctor', '--json', '--only', 'homebrew,duo-sso'], { env: { PATH: brew.pathFor(box) } });
  return { r, brew, check: (id: string) => r.json.checks.find((c: any) => c.id === id) };
}

describe('doctor: homebrew', () => {
  it('is ok when duo-sso is installed from the tap (listed under its short name)', async () => {
    const { check, brew } = await doctor(healthyScenario());
    expect(check('homebrew')).toMatchObject({ status: 'ok', summary: expect.stringContaining('duo-sso 3.4.0') });
    expect(check('duo-sso')).toMatchObject({ status: 'ok', summary: expect.stringMatching(/^duo-sso 3\.4\.0 at /) });
    expect(await brew.changingCommands()).toEqual([]);
  });

  it('fails without the tap and gives the tap command with the URL', async () => {
    const { check } = await doctor({});
    expect(check('homebrew')).toMatchObject({
      status: 'fail',
      summary: 'tap ats-operations/homebrew-tap is missing',
      fix: { commands: [['brew', 'tap', 'ats-operations/homebrew-tap', UPSTREAM_URL]] },
    });
  });

  it('warns when tapped but duo-sso is not installed, with the fully qualified install', async () => {
    const { check } = await doctor({ taps: { [TAP_NAME]: { remote: UPSTREAM_URL, broken: false, index: '3.5.0' } } });
    expect(check('homebrew')).toMatchObject({ status: 'warn', fix: { commands: [['brew', 'install', 'ats-operations/homebrew-tap/duo-sso']] } });
  });
});

describe('doctor --fix: remedies that download', () => {
  it('taps and installs duo-sso through brew after showing the commands (--yes)', async () => {
    const box = await Sandbox.create();
    boxes.push(box);
    const brew = await FakeBrew.install(box, {});
    const r = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'homebrew'], { env: { PATH: brew.pathFor(box) } });
    expect(r.stderr).toContain(`$ brew tap ats-operations/homebrew-tap ${UPSTREAM_URL}`);
    expect(await brew.changingCommands()).toEqual([['tap', 'ats-operations/homebrew-tap', UPSTREAM_URL]]);
    // Tapped now, but duo-sso is still to be installed: the check moved from fail to warn, which
    // is not "fixed" (that is only said when the re-run check passes: issue 11).
    expect(r.json.checks[0]).toMatchObject({ id: 'homebrew', status: 'warn', fixed: false });
  });

  it('does not run them without a terminal and without --yes', async () => {
    const box = await Sandbox.create();
    boxes.push(box);
    const brew = await FakeBrew.install(box, {});
    const r = await box.run(['doctor', '--fix', '--only', 'homebrew'], { env: { PATH: brew.pathFor(box) } });
    expect(r.stderr).toMatch(/^would fix homebrew: /m);
    expect(r.stderr).toMatch(/nothing was changed: this would change the machine and there is no terminal to confirm it/);
    expect(await brew.changingCommands()).toEqual([]);
    expect(r.exitCode).toBe(1);
  });
});
