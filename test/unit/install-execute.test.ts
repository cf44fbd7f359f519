import { describe, expect, it } from 'vitest';
import { executePlan, type ExecContext } from '../../src/install/execute.js';
import type { Plan } from '../../src/install/types.js';
import type { RunOptions, RunResult, Runner } from '../../src/platform/process.js';
import { resolvePaths } from '../../src/platform/paths.js';
import { UserError } from '../../src/errors.js';

/** A runner that answers from a table and fails the test on any command it was not told about. */
function fakeRunner(answers: Record<string, Partial<RunResult>>, dryRun = false) {
  const calls: { argv: string[]; options: RunOptions }[] = [];
  const runner: Runner = {
    dryRun,
    recorded: [],
    async run(file, args, options = {}) {
      const argv = [file, ...args];
      calls.push({ argv, options });
      const answer = answers[argv.join(' ')];
      if (!answer) throw new Error(`unexpected command: ${argv.join(' ')}`);
      return { argv, exitCode: 0, stdout: '', stderr: '', timedOut: false, ...answer };
    },
  };
  return { runner, calls };
}

function ctx(runner: Runner, isRoot: boolean): ExecContext {
  return {
    runner, isRoot, env: { PATH: '/usr/bin' }, paths: resolvePaths({ HOME: '/home/ann' }), now: () => new Date(), canPrompt: false,
    options: { json: false, yes: true, dryRun: runner.dryRun, verbose: false, color: false },
    io: { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false },
    platform: { os: 'linux', arch: 'x64', distro: undefined, packageManager: 'dnf', wsl: false, kernel: '6', homebrewPrefix: undefined },
    approve: async () => true,
  };
}

const plan = (sudo: boolean): Plan => ({
  component: 'pass-gpg', method: 'package', summary: '', notes: [],
  steps: [
    { kind: 'run', title: 'Install pass gnupg2 with dnf', argv: ['dnf', 'install', '-y', 'pass', 'gnupg2'], sudo, mutates: true },
    { kind: 'verify', title: 'Check pass', argv: ['pass', '--version'], expect: 'v1.7' },
  ],
});

describe('executePlan', () => {
  it('prefixes sudo only when not root, marks changes as mutating, and checks the result', async () => {
    const { runner, calls } = fakeRunner({ 'sudo dnf install -y pass gnupg2': {}, 'pass --version': { stdout: '= v1.7.4 =' } });
    const out = await executePlan(ctx(runner, false), plan(true));
    expect(calls.map((c) => c.argv.join(' '))).toEqual(['sudo dnf install -y pass gnupg2', 'pass --version']);
    expect(calls[0]!.options.mutates).toBe(true);
    expect(calls[1]!.options.mutates).toBeFalsy();
    expect(out.steps.map((s) => s.status)).toEqual(['done', 'done']);
  });

  it('as root runs the package manager directly', async () => {
    const { runner, calls } = fakeRunner({ 'dnf install -y pass gnupg2': {}, 'pass --version': { stdout: 'v1.7.4' } });
    await executePlan(ctx(runner, true), plan(true));
    expect(calls[0]!.argv[0]).toBe('dnf');
  });

  it('a failing step stops the plan with what failed and how to see more', async () => {
    const { runner, calls } = fakeRunner({ 'dnf install -y pass gnupg2': { exitCode: 1, stderr: 'Error: Unable to find a match: pass' } });
    const error = await executePlan(ctx(runner, true), plan(false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('Install pass gnupg2 with dnf failed: dnf install -y pass gnupg2 exited 1: Error: Unable to find a match: pass');
    expect((error as UserError).opts.hint).toContain('dnf install -y pass gnupg2');
    expect(calls).toHaveLength(1);
  });

  it('a check that finds the wrong thing is an error', async () => {
    const { runner } = fakeRunner({ 'dnf install -y pass gnupg2': {}, 'pass --version': { stdout: 'something else' } });
    await expect(executePlan(ctx(runner, true), plan(false))).rejects.toThrow(/printed "something else", expected "v1.7"/);
  });

  it('refuses to run in dry-run mode (plans are printed, not executed)', async () => {
    const { runner } = fakeRunner({}, true);
    await expect(executePlan(ctx(runner, true), plan(false))).rejects.toThrow(/dry-run/);
  });
});
