// Renewal through credential_process (renewCredentials) with a stand-in for `duo-sso-setup
// login`: the tool runs itself again (selfArgv: this runtime and process.argv[1]), so the
// stand-in is a small script put at argv[1]. It records each run, says something on stderr,
// and then stores fresh keys, reports a problem, exits, or hangs. These tests run without a
// controlling terminal (as under the AWS CLI in CI): what the user is told goes to stderr.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixCommand, renewCredentials, renewFiles } from '../../src/credentials/renew.js';
import { serialiseOwner } from '../../src/fs/lock.js';
import { hostname } from 'node:os';
import type { RenewRequest } from '../../src/credentials/renew-request.js';
import type { StoredEntry } from '../../src/credentials/entry.js';

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
import { appendFileSync, writeFileSync } from 'node:fs';
const { FAKE_LOGIN: mode, FAKE_DIR: dir, FAKE_FRESH: fresh } = process.env;
appendFileSync(dir + '/runs', process.argv.slice(2).join(' ') + '\\n');
writeFileSync(dir + '/pid', String(process.pid));
process.stderr.write('approve the push on your phone\\n');
if (mode === 'ok') {
  writeFileSync(dir + '/entry.json', fresh);
  process.stdout.write(JSON.stringify({ ok: true }));
} else if (mode === 'ok-exit1') {
  writeFileSync(dir + '/entry.json', fresh);
  process.stdout.write(JSON.stringify({ ok: true }));
  process.exitCode = 1;
} else if (mode === 'ok-but-nothing-stored') {
  process.stdout.write(JSON.stringify({ ok: true }));
} else if (mode === 'problem') {
  process.stdout.write(JSON.stringify({ ok: false, problem: { id: 'first-run-certificate', message: 'needs a certificate\\nsecond line', commands: [['duo-sso-setup', 'login', '--interactive']] } }));
  process.exitCode = 1;
} else if (mode === 'exit3') {
  process.exitCode = 3;
} else if (mode === 'hang') {
  setInterval(() => {}, 1000);
}
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
  process.argv[1] = argv1!;
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
const ANNOUNCE = 'duo-sso-setup: the credentials of profile dev are about to expire; logging in again (approve the Duo push)\n';

describe('fixCommand', () => {
  it('login\'s own advice for this profile; any other advice or none: log in again', () => {
    expect(fixCommand('eti', { commands: [['duo-sso-setup', 'login', '--profile', 'other', '--interactive']] })).toBe('duo-sso-setup login --profile other --interactive');
    expect(fixCommand('eti', { commands: [['duo-sso-setup', 'doctor'], ['duo-sso-setup', 'login', '--interactive']] })).toBe('duo-sso-setup login --profile eti --interactive');
    expect(fixCommand('eti', { commands: [['duo-sso-setup', 'doctor'], ['duo', 'login']] })).toBe('duo-sso-setup login --profile eti');
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
  });

  it('a login that never finishes is stopped at the timeout, its lock kept alive meanwhile', async () => {
    const files = renewFiles(join(dir, '.config', 'duo-sso-setup'), 'dev');
    const renewing = renewCredentials(request('hang', entry('ASIAOLD', 5 * MIN), { renewal: { enabled: true, refreshBeforeMs: 15 * MIN, timeoutMs: 4_000, backoffMs: 10 * MIN } }));
    await new Promise((r) => setTimeout(r, 300));
    const first = (await stat(`${files.lock}.lock`)).mtimeMs;
    // A beat every 2 s: one has come by 3.3 s, even on a loaded machine.
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await stat(`${files.lock}.lock`)).mtimeMs).toBeGreaterThan(first);
    expect(await renewing).toEqual({ ok: false, message: 'it did not finish in time (no Duo approval?)', command: 'duo-sso-setup login --profile dev' });
    expect(await runs()).toHaveLength(1);
    // Stopped, not left waiting for an approval nobody will give.
    const pid = Number(await readFile(join(dir, 'pid'), 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }, 20_000);

  it('a named pipe planted at the failure record: refused by name, said once, no login', async () => {
    const files = renewFiles(join(dir, '.config', 'duo-sso-setup'), 'dev');
    execFileSync('mkdir', ['-p', join(dir, '.config', 'duo-sso-setup')]);
    execFileSync('mkfifo', [files.failed]);
    const message = `${files.failed}: it is a named pipe, not a regular file; duo-sso-setup keeps its own data there and will not use it: remove it (rm '${files.failed}') and run the command again`;
    expect(await renewCredentials(request('ok', entry('ASIAOLD', 5 * MIN)))).toEqual({ ok: false, message, command: `rm '${files.failed}'` });
    expect(told).toEqual([`duo-sso-setup: cannot renew the credentials of profile dev: ${message}\n`]);
    expect(await runs()).toEqual([]);
  });
});
