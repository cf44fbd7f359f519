import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InterruptedError, interrupt, interruptSignal, resetInterruptForTests } from '../../src/platform/interrupt.js';
import { detectStyle } from '../../src/ui/style.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProbeCache, runCheck, runChecks, summarise } from '../../src/doctor/run-checks.js';
import { renderHuman, toJson } from '../../src/doctor/render.js';
import { selectChecks } from '../../src/doctor/doctor.js';
import { result, type Check, type CheckContext } from '../../src/check/types.js';
import { createRunner, describeFailure, forgetHungProgramsForTests, hungPrograms } from '../../src/platform/process.js';
import type { PlatformFacts } from '../../src/platform/facts.js';

const platform: PlatformFacts = { os: 'linux', arch: 'x64', distro: { id: 'debian', idLike: [], name: 'Debian', version: '12' }, packageManager: 'apt', wsl: false, kernel: '6', homebrewPrefix: undefined };

function ctx(): CheckContext {
  return {
    env: {},
    paths: { home: '/h', duoConfig: '/h/c.json', stateDir: '/h/s', stateFile: '/h/s/state.json', awsConfig: '/h/.aws/config', awsCredentials: '/h/.aws/credentials', passwordStore: '/h/.password-store', localBin: '/h/.local/bin', policyFile: '/h/no-policy.json', cacheDir: '/h/.cache/duo-sso-setup' },
    runner: createRunner({ env: {} }),
    now: () => new Date('2026-11-26T00:00:00Z'),
    options: { json: false, yes: false, dryRun: false, verbose: false, color: false },
    io: { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false },
    platform,
    probe: createProbeCache(),
  };
}

const ok: Check = { id: 'a', title: 'A', run: async () => result.ok('fine') };
const throws: Check = { id: 'b', title: 'B', run: async () => { throw new Error('boom'); } };
const hangs: Check = { id: 'c', title: 'C', timeoutMs: 50, run: () => new Promise(() => {}) };
const macOnly: Check = { id: 'd', title: 'D', applies: (p) => p.os === 'darwin', run: async () => result.fail('never') };
const fails: Check = { id: 'e', title: 'E', run: async () => result.fail('broken', ['why'], { description: 'do it', commands: [['fix', 'it now']], automatic: true }) };

describe('runChecks', () => {
  it('turns a throw into a failed result and a hang into a timeout, and skips what does not apply', async () => {
    const outcomes = await runChecks([ok, throws, hangs, macOnly], ctx());
    expect(outcomes.map((o) => [o.check.id, o.result.status, o.result.summary])).toEqual([
      ['a', 'ok', 'fine'],
      ['b', 'fail', 'unexpected error while running the b check'],
      ['c', 'fail', 'timed out after 0.1 s'],
      ['d', 'skip', 'not applicable on this machine'],
    ]);
    expect(outcomes[1]!.result.details).toEqual(['boom']);
    // A check can hang on a file as well as on a command (config.json that is a named pipe).
    expect(outcomes[2]!.result.details).toEqual(['It did not finish in time: a command it ran, or a file it read (a pipe, a hung network mount), did not answer.']);
    expect(summarise(outcomes)).toEqual({ ok: 1, warn: 0, fail: 2, skip: 1, interrupted: 0 });
  });

  it('lets --timeout override a check\'s own longer timeout', async () => {
    const slowToTimeOut: Check = { id: 'p', title: 'P', timeoutMs: 60_000, run: () => new Promise(() => {}) };
    const [outcome] = await runChecks([slowToTimeOut], ctx(), 50);
    expect(outcome!.result.summary).toBe('timed out after 0.1 s');
  });

  it('runs checks concurrently', async () => {
    const slow = (id: string): Check => ({ id, title: id, run: () => new Promise((r) => setTimeout(() => r(result.ok(id)), 200)) });
    const started = performance.now();
    await runChecks([slow('x'), slow('y'), slow('z')], ctx());
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('memoises probes', async () => {
    const c = ctx();
    let calls = 0;
    const fn = async () => ++calls;
    expect(await Promise.all([c.probe('k', fn), c.probe('k', fn)])).toEqual([1, 1]);
  });
});

describe('render', () => {
  it('prints ASCII marks, details and quoted fix commands, and a summary', async () => {
    const outcomes = [await runCheck(ok, ctx()), await runCheck(fails, ctx()), await runCheck(macOnly, ctx())];
    expect(renderHuman(outcomes, { color: false, unicode: false })).toBe(
      '[ok] a  fine\n[x] e  broken\n    why\n    -> do it\n      $ fix \'it now\'\n\n1/2 checks passed: 1 failed (1 not applicable).\nRun `duo-sso-setup doctor --fix` to repair what can be repaired automatically.\n',
    );
  });

  it('after --fix, a fix it tried and that failed is not offered again; after --fix --dry-run, the footer says how to apply', async () => {
    const broken = await runCheck(fails, ctx());
    const footer = (text: string) => text.trimEnd().split('\n').at(-1);
    const failedFix = { ...broken, fixed: false, result: { ...broken.result, details: [...broken.result.details, 'fix failed: it exited 1'] } };
    expect(footer(renderHuman([failedFix], { color: false, unicode: false }))).toBe('0/1 checks passed: 1 failed.');
    const previewed = { ...broken, fixed: false, result: { ...broken.result, details: [...broken.result.details, 'dry run: the fix was not applied'] } };
    expect(footer(renderHuman([previewed], { color: false, unicode: false }, { dryRun: true })))
      .toBe('Dry run: nothing was changed. Run `duo-sso-setup doctor --fix` without --dry-run to apply the fixes above.');
    // A plain --dry-run (no --fix) tried nothing: the usual offer.
    expect(footer(renderHuman([broken], { color: false, unicode: false }, { dryRun: true }))).toBe('Run `duo-sso-setup doctor --fix` to repair what can be repaired automatically.');
  });

  it('emits the documented JSON shape', async () => {
    const json = toJson([await runCheck(fails, ctx())], platform);
    expect(json).toMatchObject({
      tool: { name: 'duo-sso-setup' },
      platform: { os: 'linux', arch: 'x64', distro: 'Debian', packageManager: 'apt', wsl: false },
      checks: [{ id: 'e', title: 'E', status: 'fail', summary: 'broken', details: ['why'], fix: { description: 'do it', commands: [['fix', 'it now']], automatic: true } }],
      summary: { ok: 0, warn: 0, fail: 1, skip: 0 },
    });
  });
});

describe('selectChecks', () => {
  it('keeps the registry order and rejects unknown ids', () => {
    expect(selectChecks([ok, throws, hangs], ['c', 'a']).map((c) => c.id)).toEqual(['a', 'c']);
    expect(() => selectChecks([ok], ['zz'])).toThrow(/unknown check: zz/);
  });
});

describe('runner', () => {
  it('captures output and exit codes without throwing, and reports a missing program', async () => {
    const runner = createRunner({ env: { PATH: '/usr/bin:/bin' } });
    const r = await runner.run('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
    const missing = await runner.run('/no/such/program', []);
    expect(missing.spawnError).toBe('not found');
    const dir = await mkdtemp(join(tmpdir(), 'runner-'));
    try {
      await writeFile(join(dir, 'not-executable'), '#!/bin/sh\necho hi\n', { mode: 0o644 });
      expect((await runner.run(join(dir, 'not-executable'), [])).spawnError).toBe('permission denied (not executable?)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const slow = await runner.run('sleep', ['5'], { timeoutMs: 100 });
    expect(slow.timedOut).toBe(true);
  });

  it('records instead of running changing commands in dry-run mode', async () => {
    const runner = createRunner({ env: { PATH: '/usr/bin:/bin' }, dryRun: true });
    const r = await runner.run('rm', ['-rf', '/tmp/should-not-matter'], { mutates: true });
    expect(r).toMatchObject({ exitCode: 0, dryRun: true });
    expect(runner.recorded).toEqual([['rm', '-rf', '/tmp/should-not-matter']]);
    const read = await runner.run('echo', ['hi']);
    expect(read.stdout).toBe('hi\n');
  });
});

describe('opt-in checks', () => {
  it('the network check runs only when asked for by id', async () => {
    const { checks } = await import('../../src/doctor/checks/index.js');
    expect(selectChecks(checks, undefined).map((c) => c.id)).not.toContain('network');
    expect(selectChecks(checks, ['network']).map((c) => c.id)).toEqual(['network']);
  });
});

// One cancellation (issue 20 Build 1): a Ctrl-C reaches every check through the run's AbortSignal.
// A check it reaches is "not run (interrupted)", never a failure or an "unexpected error".
const plainStyle = detectStyle({ NO_COLOR: '1', LANG: 'C.UTF-8' }, false, { noColor: true });
describe('checks under the run\'s cancellation', () => {
  afterEach(() => resetInterruptForTests());
  // An earlier test timed `sleep` out: this run's runner would not ask it again.
  beforeEach(() => forgetHungProgramsForTests());
  it('the signal is aborted, with an InterruptedError as its reason, when the run is interrupted', () => {
    const signal = interruptSignal();
    expect(signal.aborted).toBe(false);
    interrupt('SIGINT');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(InterruptedError);
  });

  it('finished checks keep their result; a hung one, one that throws the interruption and one whose child was stopped are "not run (interrupted)"', async () => {
    let started = 0;
    const ok: Check = { id: 'ok', title: 'ok', run: async () => result.ok('fine') };
    // Hangs on something that never asks whether the run was interrupted (a read of a pipe).
    const hangs: Check = { id: 'hangs', title: 'hangs', timeoutMs: 60_000, run: () => ((started++), new Promise(() => {})) };
    const stoppedChild: Check = {
      id: 'child', title: 'child', run: async (ctx) => {
        started++;
        const r = await ctx.runner.run('sleep', ['30']);
        return r.exitCode === 0 ? result.ok('slept') : result.fail('sleep failed');
      },
    };
    const reports: Check = { id: 'reports', title: 'reports', run: async () => ((started++), await new Promise((r) => setTimeout(r, 200)), result.fail('the tool was killed')) };
    const pending = runChecks([ok, hangs, stoppedChild, reports], ctx());
    setTimeout(() => interrupt('SIGINT'), 100);
    const t0 = Date.now();
    const outcomes = await pending;
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(started).toBe(3);
    expect(outcomes.map((o) => [o.check.id, o.result.status, o.result.summary])).toEqual([
      ['ok', 'ok', 'fine'],
      ['hangs', 'interrupted', 'not run (interrupted)'],
      ['child', 'interrupted', 'not run (interrupted)'],
      ['reports', 'interrupted', 'not run (interrupted)'],
    ]);
    expect(summarise(outcomes)).toEqual({ ok: 1, warn: 0, fail: 0, skip: 0, interrupted: 3 });
    const text = renderHuman(outcomes, plainStyle);
    expect(text).not.toMatch(/unexpected error|failed/);
    expect(text).toBe([
      '✓ ok       fine',
      '- hangs    not run (interrupted)',
      '- child    not run (interrupted)',
      '- reports  not run (interrupted)',
      '',
      '1/1 checks passed (3 not run: interrupted).',
      'Run `duo-sso-setup doctor` again for the checks that did not run.',
      '',
    ].join('\n'));
  });

  it('after the interruption no check starts', async () => {
    interrupt('SIGINT');
    let ran = false;
    const outcomes = await runChecks([{ id: 'late', title: 'late', run: async () => ((ran = true), result.ok('x')) }], ctx());
    expect(ran).toBe(false);
    expect(outcomes[0]!.result.status).toBe('interrupted');
  });
});


describe('doctor --fix ends with a fresh report', () => {
  it('every check runs again after the fixes: one fixed by another check\'s fix is reported as it is now', async () => {
    const { runDoctor } = await import('../../src/doctor/doctor.js');
    let repaired = false;
    const fixes: Check = {
      id: 'config', title: 'config', run: async () => (repaired ? result.ok('present') : result.fail('missing', [], { description: 'create it', commands: [], automatic: true })),
      fix: async () => void (repaired = true),
    };
    // No fix of its own: it only looks at what the other check's fix made.
    const follows: Check = { id: 'profiles', title: 'profiles', run: async () => (repaired ? result.ok('2 profiles') : result.warn('no config to read')) };
    let out = '';
    const base = ctx();
    const context = {
      ...base, style: plainStyle, canPrompt: false, hasTerminal: false, platform: async () => platform,
      options: { ...base.options, yes: true }, io: { ...base.io, out: (t: string) => void (out += t) },
    } as unknown as import('../../src/context.js').Context;
    const code = await runDoctor(context, { fix: true }, [fixes, follows]);
    expect(code).toBe(0);
    expect(out).toBe('✓ config    present (fixed)\n✓ profiles  2 profiles\n\n2/2 checks passed.\n');
  });
});

describe('a program that timed out is not asked again in the same run', () => {
  beforeEach(() => forgetHungProgramsForTests());
  afterEach(() => forgetHungProgramsForTests());

  it('the second call, with other arguments and from another runner, answers at once as hanging', async () => {
    const first = await createRunner({ env: { PATH: process.env.PATH } }).run('sleep', ['5'], { timeoutMs: 200 });
    expect(first).toMatchObject({ timedOut: true });
    expect(first.hung).toBeUndefined();
    const t0 = Date.now();
    const again = await createRunner({ env: { PATH: process.env.PATH } }).run('sleep', ['0'], { timeoutMs: 10_000 });
    expect(Date.now() - t0).toBeLessThan(100);
    expect(again).toMatchObject({ exitCode: null, timedOut: true, hung: true });
    expect(describeFailure(again)).toBe('sleep 0: hangs (it timed out earlier in this run, so it was not asked again)');
    expect(hungPrograms()).toEqual(['sleep']);
    // Another program is asked as usual.
    expect((await createRunner({ env: { PATH: process.env.PATH } }).run('true', [])).exitCode).toBe(0);
  });
});
