import { describe, expect, it } from 'vitest';
import { executePlan as executeApproved, type ExecContext } from '../../src/install/execute.js';
import { approvePlans } from '../../src/install/approve.js';
import type { Plan, Step } from '../../src/install/types.js';
import { stepCommands } from '../../src/install/render-plan.js';
import type { RunOptions, RunResult, Runner } from '../../src/platform/process.js';
import { resolvePaths } from '../../src/platform/paths.js';
import { UserError } from '../../src/errors.js';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The executor takes only approved plans: approve as --yes at a terminal would. */
async function executePlan(c: ExecContext, p: Plan) {
  const [approved] = await approvePlans({ options: { ...c.options, yes: true }, canPrompt: false, hasTerminal: true }, [p]);
  return executeApproved(c, approved!);
}

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

function ctx(runner: Runner, isRoot: boolean, extra: { json?: boolean; PATH?: string; terminal?: boolean } = {}): ExecContext {
  return {
    runner, isRoot, env: { PATH: extra.PATH ?? '/usr/bin' }, paths: resolvePaths({ HOME: '/home/ann' }), now: () => new Date(), canPrompt: false,
    hasTerminal: extra.terminal ?? false,
    options: { json: extra.json ?? false, yes: true, dryRun: runner.dryRun, verbose: false, color: false },
    io: { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false },
    platform: { os: 'linux', arch: 'x64', distro: undefined, packageManager: 'dnf', wsl: false, kernel: '6', homebrewPrefix: undefined },
    approve: async () => true,
    askPassphrase: () => Promise.reject(new Error('unexpected passphrase question')),
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

  it('with --yes at a terminal, hands sudo the terminal for its password (our own questions are skipped, sudo\'s are not)', async () => {
    const { runner, calls } = fakeRunner({ 'sudo dnf install -y pass gnupg2': {}, 'pass --version': { stdout: '= v1.7.4 =' } });
    await executePlan(ctx(runner, false, { terminal: true }), plan(true));
    expect(calls[0]!.options.interactive).toBe(true);
    const again = fakeRunner({ 'sudo dnf install -y pass gnupg2': {}, 'pass --version': { stdout: '= v1.7.4 =' } });
    await executePlan(ctx(again.runner, false), plan(true));
    expect(again.calls[0]!.options.interactive).toBe(false);
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

describe('run steps', () => {
  it('get {work} replaced in their environment too (a path handed to a script without quoting)', async () => {
    const { runner, calls } = fakeRunner({ 'check-file': {} });
    await executePlan(ctx(runner, true), { component: 'aws-cli', method: 'msi', summary: '', notes: [], steps: [
      { kind: 'run', title: 'Check', argv: ['check-file'], env: { FILE: '{work}/x.msi' }, sudo: false, mutates: false },
    ] });
    expect(calls[0]!.options.env?.FILE).toMatch(/duo-sso-setup-aws-cli-[^/]+\/x\.msi$/);
  });
});

describe('a run step that must also say something (a package signer)', () => {
  const check = (stdout: string) => {
    const { runner } = fakeRunner({ 'pkgutil --check-signature p.pkg': { stdout } });
    return executePlan(ctx(runner, true), { component: 'aws-cli', method: 'pkg', summary: '', notes: [], steps: [
      { kind: 'run', title: 'Check the package is signed by Amazon', argv: ['pkgutil', '--check-signature', 'p.pkg'], sudo: false, mutates: false, expect: 'Developer ID Installer: Amazon' },
    ] });
  };

  it('passes when the output names the signer', async () => {
    const out = await check('Package "p.pkg":\n   Status: signed by a developer certificate issued by Apple for distribution\n    1. Developer ID Installer: Amazon.com Services LLC (94KV3E626L)\n');
    expect(out.steps[0]).toMatchObject({ status: 'done' });
  });

  it('stops when another developer signed it, though pkgutil exits 0', async () => {
    await expect(check('Package "p.pkg":\n   Status: signed by a developer certificate issued by Apple for distribution\n    1. Developer ID Installer: Evil Corp (ABCDE12345)\n'))
      .rejects.toThrow(/did not say "Developer ID Installer: Amazon"/);
  });
});

describe('a sudo install (--system as a normal user)', () => {
  it('runs exactly the commands the plan shows, with sudo, in that order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sudo-install-'));
    const from = join(dir, 'duo-sso');
    writeFileSync(from, '#!/bin/sh\necho "duo-sso v3.4.1"\n');
    const step: Step = { kind: 'install-binary', title: 'Install as /usr/local/bin/duo-sso', from, to: '/usr/local/bin/duo-sso', sudo: true, versionArgs: ['--version'] };
    const shown = stepCommands(step).map((argv) => argv.map((a) => a.replaceAll('$PID', String(process.pid))));
    const { runner, calls } = fakeRunner({
      [`${from} --version`]: { stdout: 'duo-sso v3.4.1\n' },
      ...Object.fromEntries(shown.slice(1).map((argv) => [argv.join(' '), {}])),
    });
    const out = await executePlan(ctx(runner, false), { component: 'duo-sso', method: 'release', summary: '', notes: [], steps: [step] });
    expect(calls.map((c) => c.argv)).toEqual(shown);
    expect(calls.slice(1).every((c) => c.options.mutates === true)).toBe(true);
    expect(out.steps).toEqual([{ title: step.title, kind: 'install-binary', status: 'done', detail: 'duo-sso v3.4.1' }]);
  });
});

describe('creating a gpg key with --json', () => {
  const keyPlan = (passphrase: boolean): Plan => ({
    component: 'pass-gpg', method: 'package', summary: '', notes: [],
    steps: [{ kind: 'gpg-key', title: 'Create a gpg key', name: 'Ann', email: 'ann@example.com', passphrase }],
  });

  it('refuses a passphrase-protected key, saying why and what to pass, before running gpg', async () => {
    const { runner, calls } = fakeRunner({});
    const error = await executePlan(ctx(runner, false, { json: true }), keyPlan(true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/^--json cannot create a passphrase-protected gpg key/);
    expect((error as UserError).opts.hint).toMatch(/--no-passphrase/);
    expect(calls).toEqual([]);
  });

  it('creates a key without a passphrase unattended, its output captured (never on our stdout)', async () => {
    // Only found on PATH, never run: the fake runner answers for it.
    const bin = mkdtempSync(join(tmpdir(), 'gpg-bin-'));
    writeFileSync(join(bin, 'gpg'), '#!/bin/sh\nexit 99\n');
    chmodSync(join(bin, 'gpg'), 0o755);
    const gpg = join(bin, 'gpg');
    const fpr = 'A'.repeat(40);
    let listed = 0;
    const { runner, calls } = fakeRunner({ [`${gpg} --batch --pinentry-mode loopback --passphrase  --quick-gen-key Ann <ann@example.com> future-default default never`]: { stdout: 'pub ed25519\n' } });
    const run = runner.run.bind(runner);
    runner.run = async (file, args, options) => {
      if (args.includes('--list-secret-keys')) {
        calls.push({ argv: [file, ...args], options: options ?? {} });
        const stdout = listed++ === 0 ? '' : `sec:u:255:22:${fpr.slice(-16)}:1700000000:::u:::scESC:::+:::ed25519:::0:\nfpr:::::::::${fpr}:\nuid:u::::1700000000::X::Ann <ann@example.com>::::::::::0:\nssb:u:255:18:BBBBBBBBBBBBBBBB:1700000000::::::e:::+:::cv25519::\nfpr:::::::::${'B'.repeat(40)}:\n`;
        return { argv: [file, ...args], exitCode: 0, stdout, stderr: '', timedOut: false };
      }
      return run(file, args, options);
    };
    const out = await executePlan(ctx(runner, false, { json: true, PATH: bin }), keyPlan(false));
    expect(out.steps).toEqual([{ title: 'Create a gpg key', kind: 'gpg-key', status: 'done', detail: `key ${fpr}` }]);
    const generate = calls.find((c) => c.argv.includes('--quick-gen-key'))!;
    expect(generate.options.interactive).toBeFalsy();
    expect(generate.options.mutates).toBe(true);
  });
});
