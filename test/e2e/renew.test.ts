// Renewal through credential_process, end to end: `login --store pass` against the duo-sso
// simulator and the STS stand-in, 55 minutes ago (faketime moves the clock of the login, of
// gpg and of everything they start; the STS stand-in's clock moves with them), so that now the
// 1-hour credentials have 5 minutes left when the real AWS CLI asks for them. Moving the past
// rather than the future keeps our lock files' times and our clock in agreement. No process
// here has a terminal (setsid): renewal output goes to stderr; stdout carries only the JSON.
import { afterEach, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { CLI, REPO, Sandbox, createGpgKey, systemTool, type RunOutput } from '../support/sandbox.js';
import { RENEW_ACCOUNT, at, renewalDueMachine, renewalStandIns } from '../support/renewal-due.js';
import type { StsServer } from '../support/sts-server.js';
import { runInPty } from '../support/pty.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const ACCOUNT = RENEW_ACCOUNT;

/** Runs a program now, without a controlling terminal. */
function now(box: Sandbox, file: string, args: string[]): Promise<RunOutput> {
  return box.exec(systemTool('setsid')!, ['--wait', file, ...args], { timeoutMs: 120_000 });
}

const setup = (minutesAgo = 55) => renewalDueMachine(cleanups, minutesAgo);
const standIns = () => renewalStandIns(cleanups);

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

  it('duo-sso needing -interactive, 5 minutes left: the current keys are served, one line says why and names the command, no retry during the back-off', async () => {
    const { box, sim } = await setup();
    await sim.setKnobs({ firstRunCertificatePrompt: true });
    const before = JSON.parse((await box.read('.config/duo-sso-setup/state.json')));
    expect(before.storedCredentials.eticloud.expiration).toBeDefined();
    const r = await credentialProcess(box);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Version: 1, Expiration: before.storedCredentials.eticloud.expiration });
    expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^duo-sso-setup: could not renew the credentials of profile eticloud: .*; the current keys stay in use until \S+Z; next try after \S+Z, or run `duo-sso-setup login --profile eticloud --interactive`\n$/);
    expect(await sim.runs()).toHaveLength(2);
    // The back-off is in a file (no secrets): a new process sends no Duo push and says nothing more.
    const failed = JSON.parse(await box.read('.config/duo-sso-setup/renew-eticloud.failed'));
    expect(failed).toMatchObject({ message: expect.any(String), command: 'duo-sso-setup login --profile eticloud --interactive', key: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(failed.until - failed.at).toBe(600_000);
    const again = await credentialProcess(box);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).AccessKeyId).toBe(JSON.parse(r.stdout).AccessKeyId);
    expect(await sim.runs()).toHaveLength(2);
  });

  it('no Duo approval within the timeout: the current keys are served, one line, duo-sso stopped', async () => {
    const { box, sim } = await setup();
    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ ...state, renewal: { ...state.renewal, timeoutSeconds: 10 } }));
    await sim.setKnobs({ approvalDelayMs: 60_000 });
    const r = await credentialProcess(box);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Version: 1 });
    expect(r.stderr).toMatch(/^duo-sso-setup: could not renew the credentials of profile eticloud: it did not finish in time \(no Duo approval\?\); the current keys stay in use until \S+; next try after \S+, or run `duo-sso-setup login --profile eticloud`\n$/);
    // (Under heavy load login may not reach duo-sso within 10 s: then there is nothing to stop.)
    const pid = await readFile(`${sim.knobsPath}.pid`, 'utf8').catch(() => '');
    if (pid) await expectGone(Number(pid));
  });

  it('renewal fails 10 minutes before expiry: 20 real AWS CLI calls over the next 10 minutes all succeed with the old keys, one duo-sso run per back-off period; after expiry one error naming the fix', async () => {
    // Logged in an hour ago: the keys expire about now. The calls run at -10 min, -9.5 min, …
    // (faketime for the AWS CLI and everything it starts; the STS stand-in's clock moves along).
    const { sts, box, sim } = await setup(60);
    await sim.setKnobs({ firstRunCertificatePrompt: true });
    const expiration = JSON.parse(await box.read('.config/duo-sso-setup/state.json')).storedCredentials.eticloud.expiration as string;
    const leftNow = Date.parse(expiration) - Date.now();
    expect(leftNow).toBeLessThan(30_000);
    const oldKey = sts.actions('AssumeRoleWithSAML').length;
    expect(oldKey).toBe(1);
    const lines: string[] = [];
    for (let i = 0; i < 20; i++) {
      // Fake time = the expiry - 10 min + 30 s per call, whatever real time the calls took.
      const offset = Math.round((Date.parse(expiration) - 600_000 + i * 30_000 - Date.now()) / 1000);
      sts.dateSkewSeconds = offset;
      const r = await at(box, offset, join(box.bin, 'aws'), ['sts', 'get-caller-identity', '--profile', 'eticloud', '--endpoint-url', sts.url, '--region', 'us-east-1', '--output', 'json']);
      expect(r.exitCode, `call ${i}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).Account).toBe(ACCOUNT);
      lines.push(...r.stderr.split('\n').filter(Boolean));
    }
    sts.dateSkewSeconds = 0;
    // Every call signed with the keys of the first login: no renewal went through.
    const used = new Set(sts.actions('GetCallerIdentity').map((a) => a.accessKeyId));
    expect(used.size).toBe(1);
    // One duo-sso run in those 10 minutes (the default back-off is 10 minutes): the first call's.
    expect(await sim.runs()).toHaveLength(2);
    // (The AWS CLI swallows a successful credential_process's stderr; without a terminal the
    // one line went there, so the calls printed nothing.)
    expect(lines).toEqual([]);
    // Expired (2 minutes after the expiry; the back-off is over, so renewal is tried once more):
    // one clear line naming the one command that fixes it, nothing on stdout, exit 1.
    const late = Math.round((Date.parse(expiration) - Date.now()) / 1000) + 120;
    sts.dateSkewSeconds = late;
    const expired = await at(box, late, process.execPath, [CLI, 'credential-process', '--profile', 'eticloud']);
    sts.dateSkewSeconds = 0;
    expect(expired.exitCode).toBe(1);
    expect(expired.stdout).toBe('');
    expect(expired.stderr).toMatch(/^duo-sso-setup: the credentials of profile eticloud expired at \S+: could not renew them: .*; run `duo-sso-setup login --profile eticloud --interactive`\n$/);
    expect(await sim.runs()).toHaveLength(3);
    // Within the new back-off: the same line, and no duo-sso run.
    const again = await at(box, late + 30, process.execPath, [CLI, 'credential-process', '--profile', 'eticloud']);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toBe(expired.stderr);
    expect(await sim.runs()).toHaveLength(3);
  }, 400_000);

  it('a shorter back-off (3 minutes): over 10 minutes of calls, duo-sso runs once per back-off period', async () => {
    const { box, sim } = await setup(60);
    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ ...state, renewal: { ...state.renewal, backoffSeconds: 180 } }));
    await sim.setKnobs({ firstRunCertificatePrompt: true });
    const expiration = Date.parse(state.storedCredentials.eticloud.expiration);
    const tried: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await at(box, Math.round((expiration - 600_000 + i * 30_000 - Date.now()) / 1000), process.execPath, [CLI, 'credential-process', '--profile', 'eticloud']);
      expect(r.exitCode, `call ${i}: ${r.stderr}`).toBe(0);
      if (r.stderr !== '') {
        expect(r.stderr.split('\n').filter(Boolean), r.stderr).toHaveLength(1);
        tried.push(i);
      }
    }
    // One line per failure, one duo-sso run per failure; tries at least 3 minutes (6 calls) apart,
    // and the back-off does end: the first call, then about every 7th.
    expect(tried[0]).toBe(0);
    for (let k = 1; k < tried.length; k++) expect(tried[k]! - tried[k - 1]!).toBeGreaterThanOrEqual(6);
    expect(tried.length).toBeGreaterThanOrEqual(3);
    expect(await sim.runs()).toHaveLength(1 + tried.length);
  }, 300_000);

  it('status and doctor show the failed renewal, its reason and the command', async () => {
    const { box, sim } = await setup();
    await sim.setKnobs({ firstRunCertificatePrompt: true });
    expect((await credentialProcess(box)).exitCode).toBe(0);
    const status = await box.run(['status', '--json']);
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.json.profiles[0]).toMatchObject({ name: 'eticloud', state: 'valid', storedIn: 'pass', expirySource: 'login', renewal: { on: true, failed: { message: expect.any(String), command: 'duo-sso-setup login --profile eticloud --interactive' } } });
    const text = await box.run(['status']);
    expect(text.stdout).toMatch(/renewal failed at \S+: .* \(next try after \S+\)\n\s+\$ duo-sso-setup login --profile eticloud --interactive\n/);
    const doctor = await box.run(['doctor', '--json', '--only', 'secret-store']);
    const check = doctor.json.checks.find((c: { id: string }) => c.id === 'secret-store');
    expect(check).toMatchObject({ status: 'warn', summary: expect.stringContaining('the last renewal of eticloud failed'), fix: { commands: [['duo-sso-setup', 'login', '--profile', 'eticloud', '--interactive']] } });
    expect(check.details.join('\n')).toMatch(/eticloud: renewal failed at \S+: .*; run `duo-sso-setup login --profile eticloud --interactive`/);
    // A login by hand replaces the keys: the record no longer concerns them, status and doctor are clean.
    const login = await box.run(['login', '--profile', 'eticloud', '--interactive', '--yes', '--json']);
    expect(login.exitCode, login.stderr).toBe(0);
    const after = await box.run(['status', '--json']);
    expect(after.json.profiles[0].renewal).toEqual({ on: true });
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

/** duo-sso run by hand (the keys are in ~/.aws/credentials), pass ready: what `credentials migrate` starts from. */
async function loggedInByHand() {
  const { sts, box, sim } = await standIns();
  await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
  expect((await box.exec(join(box.bin, 'duo-sso'), [])).exitCode).toBe(0);
  return { box, sim, sts };
}

const renewalState = async (box: Sandbox) => JSON.parse(await box.read('.config/duo-sso-setup/state.json')).renewal;

describe('credentials migrate and renewal', () => {
  it('on by default for a profile duo-sso logs in (--yes takes the default), and said so; --no-renew refuses it', async () => {
    const { box } = await loggedInByHand();
    // The plan first: the launcher to write and renewal to turn on; nothing written.
    const dry = await box.run(['credentials', 'migrate', '--dry-run', '--json']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.json).toMatchObject({ launcher: { path: box.path('.local/bin/duo-sso-setup-launcher'), written: true }, profiles: [{ profile: 'eticloud', status: 'would-migrate', renewal: { on: true, changed: true, why: 'default' } }] });
    expect(existsSync(box.path('.local/bin/duo-sso-setup-launcher'))).toBe(false);
    expect(existsSync(box.path('.config/duo-sso-setup/state.json'))).toBe(false);
    const r = await box.run(['credentials', 'migrate', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ wrote \S+duo-sso-setup-launcher: the one command credential_process runs/);
    expect(r.stdout).toMatch(/eticloud: keys moved into the pass store [^;]*; .*; turned renewal on: credential_process logs in again before the keys expire \(the default for profiles duo-sso logs in; --no-renew turns it off\)\n/);
    expect(await renewalState(box)).toEqual({ profiles: { eticloud: true } });

    const other = await loggedInByHand();
    const off = await other.box.run(['credentials', 'migrate', '--yes', '--no-renew', '--json']);
    expect(off.exitCode, off.stderr).toBe(0);
    expect(off.json.profiles[0]).toMatchObject({ profile: 'eticloud', status: 'migrated', renewal: { on: false, changed: false, why: 'flag' } });
    expect(await renewalState(other.box)).toEqual({ profiles: { eticloud: false } });
  });

  it.runIf(process.getuid?.() === 0)('the organisation policy\'s autoRenew: false is honoured, and said', async () => {
    const { box } = await loggedInByHand();
    const policy = join(box.root, 'policy.json');
    await writeFile(policy, JSON.stringify({ autoRenew: false }));
    box.env.DUO_SSO_SETUP_POLICY = policy;
    const r = await box.run(['credentials', 'migrate', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/eticloud: keys moved into the pass store [^;]*; .*; renewal off \(the organisation policy's autoRenew\)\n/);
    expect(await renewalState(box)).toEqual({ profiles: { eticloud: false } });
  });

  it('--renew on a migrated profile: no "move the keys" question (nothing moves), says what it changes and changes only that', async () => {
    const { box } = await loggedInByHand();
    expect((await box.run(['credentials', 'migrate', '--yes', '--no-renew'])).exitCode).toBe(0);
    const files = { config: await box.read('.aws/config'), credentials: await box.read('.aws/credentials') };
    // No --yes and no terminal: before, this stopped at "Move the keys …?" ("not changing anything without a yes").
    const r = await box.run(['credentials', 'migrate', '--renew', '--profile', 'eticloud']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^✓ eticloud: already served from the pass store \S+ \(expiry unknown: not issued through duo-sso-setup login\); turned renewal on: credential_process logs in again before the keys expire\n$/);
    expect(await renewalState(box)).toEqual({ profiles: { eticloud: true } });
    expect(await box.read('.aws/config')).toBe(files.config);
    expect(await box.read('.aws/credentials')).toBe(files.credentials);
    // Again: nothing to change, and it says so.
    const again = await box.run(['credentials', 'migrate', '--renew', '--profile', 'eticloud']);
    expect(again.stdout).toMatch(/; renewal stays on\n$/);
  });

  it('at a terminal the question is shown and answerable: "n" leaves renewal off', async () => {
    const { box } = await loggedInByHand();
    const r = await runInPty(box, ['--no-color', 'credentials', 'migrate'], { steps: [{ waitFor: 'Move the keys', send: '\r' }, { waitFor: 'Renew the keys of eticloud before they expire', send: 'n' }] });
    expect(r.missed).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(0);
    // At a terminal the line wraps at its width (ui/wrap.ts): read it with its continuation joined.
    expect(r.screen.replace(/\n {2,}/g, ' ')).toMatch(/eticloud: keys moved into the pass store [^;]*; .*; renewal off \(as answered\)/);
    expect(await renewalState(box)).toEqual({ profiles: { eticloud: false } });
  });
});

describe('one stable credential_process command per machine', () => {
  /** The built CLI copied as a global npm install would lay it out (inside the repository, so its packages resolve). */
  async function globalInstall(): Promise<{ bin: string; dir: string }> {
    const dir = join(REPO, `dist-global-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    const pkg = join(dir, 'lib', 'node_modules', 'duo-sso-setup');
    await cp(dirname(CLI), join(pkg, 'dist'), { recursive: true });
    await mkdir(join(dir, 'bin'), { recursive: true });
    await symlink(join(pkg, 'dist', 'cli.js'), join(dir, 'bin', 'duo-sso-setup'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return { bin: join(dir, 'bin', 'duo-sso-setup'), dir };
  }

  type Runner = { name: string; run(box: Sandbox, args: string[]): Promise<RunOutput> };
  const node: Runner = { name: 'node', run: (box, args) => box.run(args) };
  const deno: Runner = { name: 'deno', run: (box, args) => box.run(args, { runtime: 'deno' }) };
  const global = (bin: string): Runner => ({ name: 'global install', run: (box, args) => box.exec(process.execPath, [bin, ...args]) });

  async function awsWorks(box: Sandbox, sts: StsServer): Promise<void> {
    const r = await box.exec(join(box.bin, 'aws'), ['sts', 'get-caller-identity', '--profile', 'eticloud', '--endpoint-url', sts.url, '--region', 'us-east-1', '--output', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).Account).toBe(ACCOUNT);
  }

  const backups = async (box: Sandbox) => (await readdir(box.path('.aws'))).filter((n) => n.startsWith('config.')).sort();

  async function switchRuntimes(order: (g: string) => Runner[]) {
    const { box, sts } = await loggedInByHand();
    const { bin, dir } = await globalInstall();
    const runners = order(bin);
    const first = await runners[0]!.run(box, ['credentials', 'migrate', '--yes']);
    expect(first.exitCode, first.stderr).toBe(0);
    const config = await box.read('.aws/config');
    expect(config).toMatch(new RegExp(`^credential_process = ${box.path('.local/bin/duo-sso-setup-launcher').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} credential-process --profile eticloud$`, 'm'));
    const bak = await backups(box);
    await awsWorks(box, sts);
    for (const r of runners.slice(1)) {
      // A new login (duo-sso writes the keys, login puts them back into pass), then migrate again.
      for (const args of [['login', '--yes', '--no-verify'], ['credentials', 'migrate', '--yes']]) {
        const out = await r.run(box, args);
        expect(out.exitCode, `${r.name} ${args.join(' ')}: ${out.stderr}`).toBe(0);
        expect(await box.read('.aws/config'), `${r.name} ${args.join(' ')}`).toBe(config);
      }
      expect(await backups(box)).toEqual(bak);
      await awsWorks(box, sts);
    }
    return { box, sts, config, dir };
  }

  it('Node → Deno → global install → Node: ~/.aws/config byte-identical after each, no new backups, the AWS CLI works after each', async () => {
    await switchRuntimes((g) => [node, deno, global(g), node]);
  }, 300_000);

  it('global install → Deno → Node, then the global install is removed: the launcher is rewritten, ~/.aws/config is not', async () => {
    const { box, sts, config, dir } = await switchRuntimes((g) => [global(g), deno, node]);
    // The launcher still runs the global install (it existed): remove it, as an uninstall would.
    expect(await box.read('.local/bin/duo-sso-setup-launcher')).toContain(dir);
    await rm(dir, { recursive: true, force: true });
    const doctor = await box.run(['doctor', '--only', 'secret-store', '--json']);
    expect(doctor.json.checks[0].details.join('\n')).toMatch(/eticloud: credential_process runs \S+duo-sso-setup-launcher, which runs .*, which no longer exists?/);
    const again = await box.run(['credentials', 'migrate', '--yes']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(await box.read('.local/bin/duo-sso-setup-launcher')).toContain(CLI);
    expect(await box.read('.aws/config')).toBe(config);
    await awsWorks(box, sts);
  }, 300_000);
});
