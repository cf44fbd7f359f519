// Renewal through credential_process (renewCredentials) with a stand-in for `duo-sso-setup
// login`: the tool runs itself again (selfArgv: this runtime and process.argv[1]), so the
// stand-in is a small script put at argv[1]. It records each run, says something on stderr,
// and then stores fresh keys, reports a problem, exits, or hangs. These tests run without a
// controlling terminal (as under the AWS CLI in CI): what the user is told goes to stderr.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { openSync, closeSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixCommand, renewCredentials, renewFiles } from '../../src/credentials/renew.js';
import { serialiseOwner } from '../../src/fs/lock.js';
import { hostname } from 'node:os';
import type { RenewRequest } from '../../src/credentials/renew-request.js';
import type { StoredEntry } from '../../src/credentials/entry.js';
import { writeFailure } from '../../src/credentials/renew-failure.js';
import { keyFingerprint } from '../../src/state/sessions.js';
import { openPseudoTerminal } from '../support/pseudo-terminal.js';

const hasTerminal = (() => {
  try {
    closeSync(openSync('/dev/tty', 'r+'));
    return true;
  } catch {
    return false;
  }
})();

const T = Date.parse('2026-11-26T10:00:00Z');
const MIN = 60_000;
const entry = (id: string, expiresInMs: number): StoredEntry => ({
  Version: 1, AccessKeyId: id, SecretAccessKey: 'secret', SessionToken: 'token', Expiration: new Date(T + expiresInMs).toISOString(), duoSsoSetup: { profile: 'dev' },
} as StoredEntry);

const LOGIN = `
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
const { FAKE_LOGIN: mode, FAKE_DIR: dir, FAKE_FRESH: fresh } = process.env;
appendFileSync(dir + '/runs', process.argv.slice(2).join(' ') + '\\n');
// Whether login got the user's terminal to ask on (stdin) and to speak on (stderr).
writeFileSync(dir + '/tty', String(Boolean(process.stdin.isTTY)) + ' ' + String(Boolean(process.stderr.isTTY)));
process.stderr.write('approve the push on your phone\\n');
if (mode === 'ok') {
  writeFileSync(dir + '/entry.json', fresh);
  process.stdout.write(JSON.stringify({ ok: true }));
} else if (mode === 'ok-after-stdin') {
  // Reads its input to the end first, as a prompt would: it must get an end at once.
  process.stdin.resume().on('end', () => {
    writeFileSync(dir + '/entry.json', fresh);
    process.stdout.write(JSON.stringify({ ok: true }));
  });
} else if (mode === 'ok-exit1') {
  writeFileSync(dir + '/entry.json', fresh);
  process.stdout.write(JSON.stringify({ ok: true }));
  process.exitCode = 1;
} else if (mode === 'stored-no-report') {
  writeFileSync(dir + '/entry.json', fresh);
} else if (mode === 'ok-but-nothing-stored') {
  process.stdout.write(JSON.stringify({ ok: true }));
} else if (mode === 'problem') {
  process.stdout.write(JSON.stringify({ ok: false, problem: { id: 'first-run-certificate', message: 'needs a certificate\\nsecond line', commands: [['duo-sso-setup', 'login', '--interactive']] } }));
  process.exitCode = 1;
} else if (mode === 'problem-without-message') {
  process.stdout.write(JSON.stringify({ ok: false, problem: { id: 'unknown' } }));
  process.exitCode = 4;
} else if (mode === 'exit3') {
  process.exitCode = 3;
} else if (mode === 'hang' || mode === 'hang-exit1-on-term') {
  // What duo-sso does while it waits for the approval: a process of its own (the browser).
  const helper = spawn('sleep', ['30'], { stdio: 'ignore' });
  if (mode === 'hang-exit1-on-term') process.on('SIGTERM', () => process.exit(1));
  setInterval(() => {}, 1000);
  writeFileSync(dir + '/pids', process.pid + ' ' + helper.pid);
}
writeFileSync(dir + '/pid', String(process.pid));
`;

let dir: string;
let argv1: string | undefined;
let told: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'renew-'));
  await writeFile(join(dir, 'login.mjs'), LOGIN);
  argv1 = process.argv[1];
  process.argv[1] = join(dir, 'login.mjs');
  told = [];
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  process.argv[1] = argv1!;
  // A login a failing test left running, and what it started.
  for (const pid of (await readFile(join(dir, 'pids'), 'utf8').catch(() => '')).split(' ').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone, as it should be.
    }
  }
  await rm(dir, { recursive: true, force: true });
});

function request(mode: string, current: StoredEntry, over: Partial<RenewRequest> = {}): RenewRequest {
  return {
    profile: 'dev',
    env: { HOME: dir, PATH: process.env.PATH, FAKE_LOGIN: mode, FAKE_DIR: dir, FAKE_FRESH: JSON.stringify(entry('ASIANEW', 60 * MIN)) },
    io: { out: () => undefined, err: (t: string) => void told.push(t) },
    now: () => new Date(T),
    renewal: { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 20_000, backoffMs: 10 * MIN },
    current,
    read: async () => readFile(join(dir, 'entry.json'), 'utf8').then((t) => JSON.parse(t) as StoredEntry, () => undefined),
    ...over,
  };
}
const runs = async () => (await readFile(join(dir, 'runs'), 'utf8').catch(() => '')).split('\n').filter(Boolean);
const stateDir = () => join(dir, '.config', 'duo-sso-setup');

/** Waits (briefly) until `ready` holds; false if it never did. */
async function until(ready: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
  // performance.now: some tests fake Date.
  for (const end = performance.now() + ms; performance.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    if (await ready()) return true;
  }
  return false;
}
/** Gone: no such process, or a zombie nobody reaped (PID 1 here may not reap orphans). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}
/** The login's pid and that of the process it started, once both are running. */
async function loginPids(): Promise<[number, number]> {
  // Both numbers, not just the file: the stand-in creates it before it writes them.
  const pids = () => readFile(join(dir, 'pids'), 'utf8').catch(() => '');
  expect(await until(async () => /^\d+ \d+$/.test(await pids()))).toBe(true);
  const [login, helper] = (await pids()).split(' ').map(Number);
  expect(login).toBeGreaterThan(0);
  expect(helper).toBeGreaterThan(0);
  return [login!, helper!];
}
const signalListeners = () => ({ ...Object.fromEntries((['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, process.listeners(s).length])), exit: process.listeners('exit').length });
const ANNOUNCE = 'duo-sso-setup: the credentials of profile dev are about to expire; logging in again (approve the Duo push)\n';

describe('fixCommand', () => {
  it('login\'s own advice for this profile; any other advice or none: log in again', () => {
    expect(fixCommand('eti', { commands: [['duo-sso-setup', 'login', '--profile', 'other', '--interactive']] })).toBe('duo-sso-setup login --profile other --interactive');
    expect(fixCommand('eti', { commands: [['duo-sso-setup', 'doctor'], ['duo-sso-setup', 'login', '--interactive']] })).toBe('duo-sso-setup login --profile eti --interactive');
    expect(fixCommand('eti', { commands: [['duo-sso-setup', 'doctor'], ['duo', 'login']] })).toBe('duo-sso-setup login --profile eti');
    expect(fixCommand('eti', { commands: [['aws', 'login', '--interactive']] })).toBe('duo-sso-setup login --profile eti');
    expect(fixCommand('eti', {})).toBe('duo-sso-setup login --profile eti');
    expect(fixCommand('eti', undefined)).toBe('duo-sso-setup login --profile eti');
  });
});

describe.skipIf(hasTerminal)('renewCredentials', () => {
  it('logs the profile in once and serves the fresh keys; what login said reaches stderr', async () => {
    const r = await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)));
    expect(r).toEqual({ ok: true, entry: entry('ASIANEW', 60 * MIN) });
    expect(await runs()).toEqual(['login --profile dev --yes --json --no-verify']);
    expect(told.join('')).toBe(`${ANNOUNCE}approve the push on your phone\n`);
  });

  it('keys another caller renewed meanwhile are served without a login', async () => {
    await writeFile(join(dir, 'entry.json'), JSON.stringify(entry('ASIANEW', 60 * MIN)));
    expect(await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: true, entry: entry('ASIANEW', 60 * MIN) });
    expect(await runs()).toEqual([]);
    expect(told).toEqual([]);
  });

  it('two callers at once: one login, both get the fresh keys', async () => {
    const both = await Promise.all([renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN))), renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)))]);
    expect(both).toEqual([{ ok: true, entry: entry('ASIANEW', 60 * MIN) }, { ok: true, entry: entry('ASIANEW', 60 * MIN) }]);
    expect(await runs()).toHaveLength(1);
  });

  it('a login that fails: login\'s first line and its fix, said once with until when the keys serve; no new login during the back-off', async () => {
    const current = entry('ASIAOLD', 5 * MIN);
    const failed = { ok: false, message: 'needs a certificate', command: 'duo-sso-setup login --profile dev --interactive' };
    expect(await renewCredentials(request('problem', current))).toEqual(failed);
    expect(told).toEqual([
      'duo-sso-setup: could not renew the credentials of profile dev: needs a certificate; the current keys stay in use until 2026-11-26T10:05:00Z; next try after 2026-11-26T10:10:00Z, or run `duo-sso-setup login --profile dev --interactive`\n',
    ]);
    // Within the back-off: the recorded failure, no Duo push, nothing said again.
    expect(await renewCredentials(request('problem', current, { now: () => new Date(T + 9 * MIN) }))).toEqual(failed);
    expect(await runs()).toHaveLength(1);
    expect(told).toHaveLength(1);
    // After it, one more try.
    expect(await renewCredentials(request('ok', current, { now: () => new Date(T + 10 * MIN) }))).toEqual({ ok: true, entry: entry('ASIANEW', 60 * MIN) });
    expect(await runs()).toHaveLength(2);
    // The record is gone once a renewal succeeded.
    await expect(stat(renewFiles(join(dir, '.config', 'duo-sso-setup'), 'dev').failed)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a failure recorded for other keys (a login replaced them since) does not hold back these', async () => {
    expect((await renewCredentials(request('exit3', entry('ASIAOLD', 5 * MIN)))).ok).toBe(false);
    expect(await renewCredentials(request('ok', entry('ASIAOTHER', 5 * MIN)))).toEqual({ ok: true, entry: entry('ASIANEW', 60 * MIN) });
    expect(await runs()).toHaveLength(2);
  });

  it('expired keys fail without the "stay in use" line (the caller reports the error)', async () => {
    expect(await renewCredentials(request('exit3', entry('ASIAOLD', -MIN)))).toEqual({ ok: false, message: 'login exited 3', command: 'duo-sso-setup login --profile dev' });
    expect(told).toEqual([]);
  });

  it('a login that says ok but stored nothing fresh is a failure', async () => {
    expect(await renewCredentials(request('ok-but-nothing-stored', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message: 'login exited 0', command: 'duo-sso-setup login --profile dev' });
  });

  it('a login that reports ok but exits non-zero, or stores keys that are not fresh, is a failure', async () => {
    expect(await renewCredentials(request('ok-exit1', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message: 'login exited 1', command: 'duo-sso-setup login --profile dev' });
    await rm(join(dir, 'entry.json'));
    await rm(renewFiles(join(dir, '.config', 'duo-sso-setup'), 'dev').failed);
    const stale = request('ok', entry('ASIAOLD', 5 * MIN));
    expect(await renewCredentials({ ...stale, env: { ...stale.env, FAKE_FRESH: JSON.stringify(entry('ASIASTALE', 5 * MIN)) } })).toEqual({ ok: false, message: 'login exited 0', command: 'duo-sso-setup login --profile dev' });
  });

  it('a renewal that failed while this caller waited for the lock is not tried again, back-off or not', async () => {
    const noBackoff = { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 20_000, backoffMs: 0 };
    const both = await Promise.all([
      renewCredentials(request('problem', entry('ASIAOLD', 5 * MIN), { renewal: noBackoff })),
      renewCredentials(request('problem', entry('ASIAOLD', 5 * MIN), { renewal: noBackoff })),
    ]);
    const failed = { ok: false, message: 'needs a certificate', command: 'duo-sso-setup login --profile dev --interactive' };
    expect(both).toEqual([failed, failed]);
    expect(await runs()).toHaveLength(1);
  });

  describe('while another process holds the renewal lock past the lock\'s wait', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    async function heldElsewhere(): Promise<void> {
      const { lock } = renewFiles(join(dir, '.config', 'duo-sso-setup'), 'dev');
      execFileSync('mkdir', ['-p', join(dir, '.config', 'duo-sso-setup')]);
      await writeFile(`${lock}.lock`, serialiseOwner({ pid: process.pid, host: hostname(), token: '0123456789abcdef' }));
    }

    it('serves the keys the holder renewed, without a login of its own', async () => {
      await heldElsewhere();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(T);
      const renewing = renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)));
      await new Promise((r) => setTimeout(r, 300));
      await writeFile(join(dir, 'entry.json'), JSON.stringify(entry('ASIAHOLDER', 60 * MIN)));
      vi.setSystemTime(T + 15_001);
      expect(await renewing).toEqual({ ok: true, entry: entry('ASIAHOLDER', 60 * MIN) });
      expect(await runs()).toEqual([]);
    });

    it('gives up once the renewal itself would have timed out, and says which command to run', async () => {
      await heldElsewhere();
      let clock = T;
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(T);
      const renewing = renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN), { now: () => new Date(clock) }));
      await new Promise((r) => setTimeout(r, 300));
      clock = T + 20_000 + 30_001;
      vi.setSystemTime(T + 15_001);
      expect(await renewing).toEqual({ ok: false, message: 'another renewal of profile dev did not finish in time', command: 'duo-sso-setup login --profile dev' });
      expect(await runs()).toEqual([]);
    });

    it('keeps waiting while that renewal may still be under way (its timeout + 30 s), then serves what it renewed', async () => {
      await heldElsewhere();
      let clock = T;
      let looks = 0;
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(T);
      const base = request('ok', entry('ASIAOLD', 5 * MIN), { now: () => new Date(clock) });
      const renewing = renewCredentials({ ...base, read: async () => base.read().finally(() => looks++) });
      await new Promise((r) => setTimeout(r, 300));
      // The lock's own wait runs out exactly at that deadline (20 s + 30 s after we started): not past it yet.
      clock = T + 20_000 + 30_000;
      vi.setSystemTime(T + 15_001);
      expect(await until(() => looks === 1)).toBe(true);
      // The holder finishes: fresh keys, lock released.
      await writeFile(join(dir, 'entry.json'), JSON.stringify(entry('ASIAHOLDER', 60 * MIN)));
      await rm(`${renewFiles(stateDir(), 'dev').lock}.lock`);
      expect(await renewing).toEqual({ ok: true, entry: entry('ASIAHOLDER', 60 * MIN) });
      expect(await runs()).toEqual([]);
    });

    it('serves the failure the holder recorded meanwhile, without a login (a Duo push) of its own', async () => {
      await heldElsewhere();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(T);
      const renewing = renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN), { renewal: { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 20_000, backoffMs: 0 } }));
      await new Promise((r) => setTimeout(r, 300));
      // No back-off (0): it applies because it failed after this caller started.
      await writeFailure({ stateDir: stateDir() }, 'dev', { at: T, until: T, message: 'needs a certificate', command: 'duo-sso-setup login --profile dev --interactive', key: keyFingerprint('ASIAOLD') });
      vi.setSystemTime(T + 15_001);
      expect(await renewing).toEqual({ ok: false, message: 'needs a certificate', command: 'duo-sso-setup login --profile dev --interactive' });
      expect(await runs()).toEqual([]);
    });

    it('during a back-off it answers at once, without waiting for the lock', async () => {
      await heldElsewhere();
      await writeFailure({ stateDir: stateDir() }, 'dev', { at: T - MIN, until: T + 9 * MIN, message: 'needs a certificate', command: 'duo-sso-setup login --profile dev --interactive', key: keyFingerprint('ASIAOLD') });
      const answer = await Promise.race([
        renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN))),
        new Promise((r) => setTimeout(() => r('still waiting for the lock'), 3_000)),
      ]);
      expect(answer).toEqual({ ok: false, message: 'needs a certificate', command: 'duo-sso-setup login --profile dev --interactive' });
      expect(await runs()).toEqual([]);
    });
  });

  it('a login that never finishes is stopped at the timeout with everything it started; its lock kept alive meanwhile, and no longer after', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const lock = `${renewFiles(stateDir(), 'dev').lock}.lock`;
    const renewing = renewCredentials(request('hang', entry('ASIAOLD', 5 * MIN), { renewal: { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 2_500, backoffMs: 10 * MIN } }));
    const [login, helper] = await loginPids();
    // A beat every 2 s (waiters take a lock untouched for long as stale).
    const old = new Date('2026-01-01T00:00:00Z');
    await utimes(lock, old, old);
    vi.advanceTimersByTime(2_000);
    expect((await stat(lock)).mtimeMs).toBeGreaterThan(old.getTime());
    expect(await renewing).toEqual({ ok: false, message: 'it did not finish in time (no Duo approval?)', command: 'duo-sso-setup login --profile dev' });
    expect(await runs()).toHaveLength(1);
    // Stopped, not left waiting for an approval nobody will give: login and what it started.
    expect(await until(() => gone(login) && gone(helper), 3_000)).toBe(true);
    // The beat stops with the renewal: a later holder's lock is not touched by it.
    await writeFile(lock, 'another holder');
    await utimes(lock, old, old);
    vi.advanceTimersByTime(6_000);
    expect((await stat(lock)).mtimeMs).toBe(old.getTime());
  }, 20_000);

  it('a login that ends on its own when stopped at the timeout still did not finish in time', async () => {
    const renewing = renewCredentials(request('hang-exit1-on-term', entry('ASIAOLD', 5 * MIN), { renewal: { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 2_500, backoffMs: 10 * MIN } }));
    const [login] = await loginPids();
    expect(await renewing).toEqual({ ok: false, message: 'it did not finish in time (no Duo approval?)', command: 'duo-sso-setup login --profile dev' });
    expect(gone(login)).toBe(true);
  }, 20_000);

  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s while login waits for the approval: login and what it started are stopped, we exit %i, no handler is left behind', async (signal, code) => {
    const before = process.listeners(signal);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const renewing = renewCredentials(request('hang', entry('ASIAOLD', 5 * MIN)));
    const [login, helper] = await loginPids();
    // The signal as it reaches this process: to the handlers installed since.
    const added = process.listeners(signal).filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    (added[0] as (s: NodeJS.Signals) => void)(signal);
    expect(exit).toHaveBeenCalledWith(code);
    expect(await until(() => gone(login) && gone(helper), 3_000)).toBe(true);
    // (process.exit is a stand-in here: the renewal carries on to its end.)
    expect((await renewing).ok).toBe(false);
    expect(process.listeners(signal)).toEqual(before);
  }, 20_000);

  it('this process ending while login waits (the AWS CLI gave up on us) stops login and what it started', async () => {
    const before = process.listeners('exit');
    const renewing = renewCredentials(request('hang', entry('ASIAOLD', 5 * MIN)));
    const [login, helper] = await loginPids();
    const added = process.listeners('exit').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    (added[0] as (code: number) => void)(0);
    expect(await until(() => gone(login) && gone(helper), 3_000)).toBe(true);
    expect(await renewing).toEqual({ ok: false, message: 'it did not finish in time (no Duo approval?)', command: 'duo-sso-setup login --profile dev' });
    expect(process.listeners('exit')).toEqual(before);
  }, 20_000);

  it('a renewal, successful or not, leaves no signal or exit handler behind', async () => {
    const before = signalListeners();
    expect((await renewCredentials(request('exit3', entry('ASIAOLD', 5 * MIN)))).ok).toBe(false);
    expect((await renewCredentials(request('ok', entry('ASIAOTHER', 5 * MIN)))).ok).toBe(true);
    expect(signalListeners()).toEqual(before);
  });

  it('login gets no input to wait for: its stdin ends at once', async () => {
    const r = await renewCredentials(request('ok-after-stdin', entry('ASIAOLD', 5 * MIN), { renewal: { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 5_000, backoffMs: 10 * MIN } }));
    expect(r).toEqual({ ok: true, entry: entry('ASIANEW', 60 * MIN) });
    expect(await readFile(join(dir, 'tty'), 'utf8')).toBe('false false');
  });

  it('a login that stored fresh keys but reported nothing is a failure', async () => {
    expect(await renewCredentials(request('stored-no-report', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message: 'login exited 0', command: 'duo-sso-setup login --profile dev' });
  });

  it('a problem reported without a message: why is the exit code', async () => {
    expect(await renewCredentials(request('problem-without-message', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message: 'login exited 4', command: 'duo-sso-setup login --profile dev' });
    expect(told).toEqual(['duo-sso-setup: could not renew the credentials of profile dev: login exited 4; the current keys stay in use until 2026-11-26T10:05:00Z; next try after 2026-11-26T10:10:00Z, or run `duo-sso-setup login --profile dev`\n']);
  });

  it('a login that cannot even start (the runtime is gone: an upgrade removed it) is a failure', async () => {
    const execPath = process.execPath;
    process.execPath = join(dir, 'no-such-runtime');
    try {
      expect(await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message: 'login exited 1', command: 'duo-sso-setup login --profile dev' });
    } finally {
      process.execPath = execPath;
    }
    expect(await runs()).toEqual([]);
  });

  it('an error reading the store is the caller\'s to report, not a reason to log in', async () => {
    const failure = new Error('the keychain is locked');
    let reads = 0;
    const read = async () => {
      if (++reads === 1) throw failure;
      return undefined;
    };
    await expect(renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN), { read }))).rejects.toBe(failure);
    expect(await runs()).toEqual([]);
  });

  it('a named pipe planted at the failure record: refused by name, said once, no login', async () => {
    const files = renewFiles(join(dir, '.config', 'duo-sso-setup'), 'dev');
    execFileSync('mkdir', ['-p', join(dir, '.config', 'duo-sso-setup')]);
    execFileSync('mkfifo', [files.failed]);
    const message = `${files.failed}: it is a named pipe, not a regular file; duo-sso-setup keeps its own data there and will not use it: remove it (rm '${files.failed}') and run the command again`;
    expect(await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message, command: `rm '${files.failed}'` });
    expect(told).toEqual([`duo-sso-setup: cannot renew the credentials of profile dev: ${message}\n`]);
    expect(await runs()).toEqual([]);
  });

  it('the command that clears a planted pipe works from a shell, whatever the folder\'s name', async () => {
    const home = join(dir, "it's home");
    const failed = renewFiles(join(home, '.config', 'duo-sso-setup'), 'dev').failed;
    await mkdir(join(home, '.config', 'duo-sso-setup'), { recursive: true });
    execFileSync('mkfifo', [failed]);
    const base = request('ok', entry('ASIAOLD', 5 * MIN));
    const r = await renewCredentials({ ...base, env: { ...base.env, HOME: home } });
    expect(r).toMatchObject({ ok: false, command: `rm '${join(dir, "it'\\''s home", '.config', 'duo-sso-setup', 'renew-dev.failed')}'` });
    execFileSync('/bin/sh', ['-c', (r as { command: string }).command]);
    await expect(stat(failed)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  describe('with a terminal (the user\'s, where the AWS CLI does not capture what is said)', () => {
    /** The descriptors this process has open on `path`. */
    const openOn = (path: string) => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });

    it('login runs on it and speaks on it; nothing goes to stderr; it is closed afterwards', async () => {
      const tty = await openPseudoTerminal();
      const r = await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN), { terminal: tty.path }));
      expect(r).toEqual({ ok: true, entry: entry('ASIANEW', 60 * MIN) });
      expect(await readFile(join(dir, 'tty'), 'utf8')).toBe('true true');
      expect(openOn(tty.path)).toEqual([]);
      expect(await tty.screen()).toBe(`${ANNOUNCE}approve the push on your phone\n`);
      expect(told).toEqual([]);
    });

    it('a failure is said there, once', async () => {
      const tty = await openPseudoTerminal();
      expect(await renewCredentials(request('exit3', entry('ASIAOLD', 5 * MIN), { terminal: tty.path }))).toEqual({ ok: false, message: 'login exited 3', command: 'duo-sso-setup login --profile dev' });
      expect(openOn(tty.path)).toEqual([]);
      expect(await tty.screen()).toBe(`${ANNOUNCE}approve the push on your phone\nduo-sso-setup: could not renew the credentials of profile dev: login exited 3; the current keys stay in use until 2026-11-26T10:05:00Z; next try after 2026-11-26T10:10:00Z, or run \`duo-sso-setup login --profile dev\`\n`);
      expect(told).toEqual([]);
    });

    it('a pipe planted at the failure record is refused there', async () => {
      const tty = await openPseudoTerminal();
      const { failed } = renewFiles(stateDir(), 'dev');
      await mkdir(stateDir(), { recursive: true });
      execFileSync('mkfifo', [failed]);
      expect(await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN), { terminal: tty.path }))).toMatchObject({ ok: false, command: `rm '${failed}'` });
      expect(openOn(tty.path)).toEqual([]);
      expect(await tty.screen()).toBe(`duo-sso-setup: cannot renew the credentials of profile dev: ${failed}: it is a named pipe, not a regular file; duo-sso-setup keeps its own data there and will not use it: remove it (rm '${failed}') and run the command again\n`);
      expect(told).toEqual([]);
    });
  });
});
