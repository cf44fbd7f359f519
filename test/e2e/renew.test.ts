// Renewal through credential_process, end to end: `login --store pass` against the duo-sso
// simulator and the STS stand-in, 55 minutes ago (test/support/renewal-due.ts), so that now the
// 1-hour credentials have 5 minutes left when the real AWS CLI asks for them. Moving the past
// rather than the future keeps our lock files' times and our clock in agreement. No process
// here has a terminal (setsid): renewal output goes to stderr; stdout carries only the JSON.
import { afterEach, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { CLI, REPO, Sandbox, systemTool, type RunOutput } from '../support/sandbox.js';
import { RENEW_ACCOUNT, renewalDueMachine } from '../support/renewal-due.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const ACCOUNT = RENEW_ACCOUNT;

/** Runs a program now, without a controlling terminal. */
function now(box: Sandbox, file: string, args: string[]): Promise<RunOutput> {
  return box.exec(systemTool('setsid')!, ['--wait', file, ...args], { timeoutMs: 120_000 });
}

const setup = () => renewalDueMachine(cleanups);

/** The process ends within a few seconds (a process group being stopped takes a moment). */
async function expectGone(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(alive(), `process ${pid} still running`).toBe(false);
}

const credentialProcess = (box: Sandbox) => now(box, process.execPath, [CLI, 'credential-process', '--profile', 'eticloud']);

describe('renewal through credential_process', () => {
  it('55 minutes after a 1-hour login, the real AWS CLI succeeds after one duo-sso run', async () => {
    const { sts, box, sim } = await setup();
    const aws = await now(box, join(box.bin, 'aws'), ['sts', 'get-caller-identity', '--profile', 'eticloud', '--endpoint-url', sts.url, '--region', 'us-east-1', '--output', 'json']);
    expect(aws.exitCode, aws.stderr).toBe(0);
    expect(JSON.parse(aws.stdout).Account).toBe(ACCOUNT);
    const runs = await sim.runs();
    expect(runs).toHaveLength(2);
    // config.json has one profile: duo-sso's own default (every profile) is that one.
    expect(runs[1]!.saved.map((x) => x.profile)).toEqual(['eticloud']);
    // The renewed keys are what the AWS CLI signed with; they expire an hour after the renewal,
    // so the next call needs no duo-sso run.
    const after = await credentialProcess(box);
    expect(after.exitCode, after.stderr).toBe(0);
    const keys = JSON.parse(after.stdout);
    expect(sts.actions('GetCallerIdentity').at(-1)?.accessKeyId).toBe(keys.AccessKeyId);
    expect(Date.parse(keys.Expiration) - Date.now()).toBeGreaterThan(50 * 60 * 1000);
    expect(await sim.runs()).toHaveLength(2);
    // And nothing of them in plaintext: login moved them back into pass.
    expect(await box.read('.aws/credentials')).not.toMatch(/aws_secret_access_key/);
    // Valid keys never load the renewal code: a build without dist/renew.cjs still answers.
    const bare = join(REPO, `dist-no-renew-${process.pid}`);
    await cp(dirname(CLI), bare, { recursive: true });
    try {
      await rm(join(bare, 'renew.cjs'));
      const valid = await now(box, process.execPath, [join(bare, 'cli.js'), 'credential-process', '--profile', 'eticloud']);
      expect(valid.exitCode, valid.stderr).toBe(0);
      expect(JSON.parse(valid.stdout).AccessKeyId).toBe(keys.AccessKeyId);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('exec renews first too: the real AWS CLI run through exec gets the renewed keys', async () => {
    const { sts, box, sim } = await setup();
    const r = await now(box, process.execPath, [CLI, 'exec', '--profile', 'eticloud', '--', join(box.bin, 'aws'), 'sts', 'get-caller-identity', '--endpoint-url', sts.url, '--region', 'us-east-1', '--output', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).Account).toBe(ACCOUNT);
    expect(await sim.runs()).toHaveLength(2);
  });

  it('with a terminal, login\'s output goes to it (/dev/tty), not to the stderr the AWS CLI captures; stdout is only the JSON', async () => {
    const { box, sim } = await setup();
    const out = join(box.root, 'out.json');
    const err = join(box.root, 'err.txt');
    // A pseudo-terminal as the controlling terminal; stdout and stderr redirected to files, as
    // botocore's pipes would be.
    const script = [
      'import os, pty, sys',
      'pid, fd = pty.fork()',
      'if pid == 0: os.execv("/bin/sh", ["sh", "-c", sys.argv[1]])',
      'seen = b""',
      'while True:',
      '    try: chunk = os.read(fd, 4096)',
      '    except OSError: break',
      '    if not chunk: break',
      '    seen += chunk',
      'sys.stdout.buffer.write(seen)',
      'sys.exit(os.waitpid(pid, 0)[1] >> 8)',
    ].join('\n');
    const command = `'${process.execPath}' '${CLI}' credential-process --profile eticloud >'${out}' 2>'${err}'`;
    const r = await box.exec(systemTool('python3')!, ['-c', script, command], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('the credentials of profile eticloud are about to expire; logging in again');
    expect(await readFile(err, 'utf8')).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(await sim.runs()).toHaveLength(2);
  });

  it('8 concurrent calls: exactly one duo-sso run, every call gets the fresh keys', async () => {
    const { box, sim } = await setup();
    const results = await Promise.all(Array.from({ length: 8 }, () => credentialProcess(box)));
    for (const r of results) expect(r.exitCode, r.stderr).toBe(0);
    const keys = new Set(results.map((r) => JSON.parse(r.stdout).AccessKeyId));
    expect(keys.size).toBe(1);
    expect(await sim.runs()).toHaveLength(2);
  });

  it('duo-sso needing -interactive: one line on stderr with the command, exit 1, stdout empty', async () => {
    const { box, sim } = await setup();
    await sim.setKnobs({ firstRunCertificatePrompt: true });
    const r = await credentialProcess(box);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^duo-sso-setup: could not renew the credentials of profile eticloud: .*; run `duo-sso-setup login --profile eticloud --interactive`\n$/);
  });

  it('no Duo approval within the timeout: one line, exit 1, duo-sso stopped', async () => {
    const { box, sim } = await setup();
    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ ...state, renewal: { ...state.renewal, timeoutSeconds: 10 } }));
    await sim.setKnobs({ approvalDelayMs: 60_000 });
    const r = await credentialProcess(box);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('duo-sso-setup: could not renew the credentials of profile eticloud: it did not finish in time (no Duo approval?); run `duo-sso-setup login --profile eticloud`\n');
    // (Under heavy load login may not reach duo-sso within 10 s: then there is nothing to stop.)
    const pid = await readFile(`${sim.knobsPath}.pid`, 'utf8').catch(() => '');
    if (pid) await expectGone(Number(pid));
  });

  it('killed while waiting for the approval: login and duo-sso stop with it', async () => {
    const { box, sim } = await setup();
    await sim.setKnobs({ approvalDelayMs: 60_000 });
    const child = spawn(process.execPath, [CLI, 'credential-process', '--profile', 'eticloud'], { env: box.env, cwd: box.home, stdio: 'ignore', detached: true });
    const pidFile = `${sim.knobsPath}.pid`;
    // The simulator writes its pid once it waits for the approval (read until it is all there).
    let simPid = 0;
    for (let i = 0; i < 600 && !(simPid > 0); i++) {
      simPid = existsSync(pidFile) ? Number(await readFile(pidFile, 'utf8')) : 0;
      if (!(simPid > 0)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(simPid).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(143);
    await expectGone(simPid);
  });

  it('credentials migrate --no-renew switches it off for the profile, --renew on again, --refresh-before moves the window', async () => {
    const { box, sim } = await setup();
    const off = await box.run(['credentials', 'migrate', '--profile', 'eticloud', '--no-renew', '--yes']);
    expect(off.exitCode, off.stderr).toBe(0);
    expect(JSON.parse(await box.read('.config/duo-sso-setup/state.json')).renewal).toEqual({ profiles: { eticloud: false } });
    expect((await credentialProcess(box)).exitCode).toBe(0);
    expect(await sim.runs()).toHaveLength(1);
    // On again, but renewing only with 2 minutes left: 5 minutes left is not yet due.
    const on = await box.run(['credentials', 'migrate', '--profile', 'eticloud', '--renew', '--refresh-before', '2', '--yes']);
    expect(on.exitCode, on.stderr).toBe(0);
    expect(JSON.parse(await box.read('.config/duo-sso-setup/state.json')).renewal).toEqual({ profiles: { eticloud: true }, refreshBeforeSeconds: 120 });
    expect((await credentialProcess(box)).exitCode).toBe(0);
    expect(await sim.runs()).toHaveLength(1);
  });

  it('renewal switched off in state: the keys (5 minutes left) are handed out as they are, no duo-sso run', async () => {
    const { box, sim } = await setup();
    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ ...state, renewal: { ...state.renewal, off: true } }));
    const off = await credentialProcess(box);
    expect(off.exitCode, off.stderr).toBe(0);
    expect(Date.parse(JSON.parse(off.stdout).Expiration) - Date.now()).toBeLessThan(6 * 60 * 1000);
    expect(await sim.runs()).toHaveLength(1);
  });
});
