import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { heldLocks, ownerGone, parseOwner, processStart, serialiseOwner, withFileLock } from '../../src/fs/lock.js';
import { DENO, REPO } from '../support/sandbox.js';

let dir: string;
// The exit hooks others installed before any lock of this module: ours is the one added after.
const exitHooksBefore = new Set(process.listeners('exit'));
let driver: string;
let driverDir: string;

// The lock module bundled as a small program, so real processes (Node and Deno) can take a
// lock, exit in the middle of it, or be killed.
beforeAll(async () => {
  driverDir = await mkdtemp(join(tmpdir(), 'lock-driver-'));
  const entry = join(driverDir, 'driver.ts');
  await writeFile(entry, `
import { readFileSync, writeFileSync } from 'node:fs';
import { withFileLock } from ${JSON.stringify(join(REPO, 'src/fs/lock.ts'))};
const [mode, file] = process.argv.slice(-2);
if (mode.startsWith('count:')) {
  // Adds one to the number in the file N times, each a read-wait-write that two unlocked runs would interleave.
  for (let i = 0; i < Number(mode.slice(6)); i++) {
    await withFileLock(file, async () => {
      const n = Number(readFileSync(file, 'utf8'));
      await new Promise((r) => setTimeout(r, 1));
      writeFileSync(file, String(n + 1));
    });
  }
  process.stdout.write('counted\\n');
} else {
  await withFileLock(file, async () => {
    process.stdout.write('locked\\n');
    if (mode === 'exit') process.exit(7);
    await new Promise((r) => setTimeout(r, 60_000));
  });
}
`);
  driver = join(driverDir, 'driver.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: driver, logLevel: 'silent' });
});
afterAll(async () => {
  await rm(driverDir, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** When pid 1 started, in seconds since the epoch (ps rounds down to the second). */
function pid1Start(): number {
  const t = Date.parse(spawnSync('ps', ['-o', 'lstart=', '-p', '1'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' } }).stdout.trim() + ' UTC') / 1000;
  expect(t).toBeGreaterThan(0);
  return t;
}

function deadPid(): number {
  return spawnSync('/bin/true').pid!;
}

const lockNames = async () => (await readdir(dir)).filter((n) => n.includes('.lock')).sort();

describe('withFileLock', () => {
  it.each(['node', 'deno'] as const)('a process.exit() inside the lock (a Ctrl-C handler) still releases it (%s)', async (runtime) => {
    const file = join(dir, 'config.json');
    const [cmd, ...pre] = runtime === 'node' ? [process.execPath] : [DENO, 'run', '-A'];
    const r = spawnSync(cmd!, [...pre, driver, 'exit', file], { encoding: 'utf8', env: { ...process.env, DENO_NO_UPDATE_CHECK: '1' }, timeout: 60_000 });
    expect(r.stdout, `${r.error}\n${r.stderr}`).toBe('locked\n');
    expect(r.status).toBe(7);
    expect(await lockNames()).toEqual([]);
  });

  it('a lock whose owner was killed (kill -9) is taken over, and its leftovers are removed', async () => {
    const file = join(dir, 'state.json');
    const child = spawn(process.execPath, [driver, 'hold', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // A lock held by a live process is never broken, however old.
    expect(ownerGone(parseOwner(await readFile(`${file}.lock`, 'utf8')) as never)).toBe(false);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // What a breaker killed inside its guard and a creator killed before its link leave behind.
    const dead = deadPid();
    await writeFile(`${file}.lock.${dead}-0badf00d`, JSON.stringify({ pid: dead, token: '0123456789abcdef' }));
    const owner = parseOwner(await readFile(`${file}.lock`, 'utf8'))!;
    await writeFile(`${file}.lock.break-${owner.token}`, JSON.stringify({ pid: dead, host: hostname(), token: 'fedcba9876543210' }));
    const ran = await withFileLock(file, async () => {
      expect(parseOwner(await readFile(`${file}.lock`, 'utf8'))?.pid).toBe(process.pid);
      return 'ran';
    });
    expect(ran).toBe('ran');
    expect(await lockNames()).toEqual([]);
  });

  it('a lock planted as a symlink is never followed: refused at once by name (never a lock we made), its target untouched', async () => {
    const file = join(dir, 'state.json');
    const target = join(dir, 'elsewhere');
    // The target reads as a live owner's lock: a reader that followed the link would wait 15 s
    // and then blame "another duo-sso-setup process" instead of naming the link.
    const planted = serialiseOwner({ pid: process.pid, start: processStart(process.pid), host: hostname(), token: 'abcdef0123456789' });
    await writeFile(target, planted);
    await symlink(target, `${file}.lock`);
    const t0 = Date.now();
    await expect(withFileLock(file, async () => 'ran')).rejects.toMatchObject({ name: 'UnsafeFileError', path: `${file}.lock`, why: 'it is a symbolic link, not a lock duo-sso-setup made' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await readFile(target, 'utf8')).toBe(planted);
    expect(await readlink(`${file}.lock`)).toBe(target);
    expect(await lockNames()).toEqual(['state.json.lock']);
  });

  it.each([
    ['a named pipe', (path: string) => void spawnSync('mkfifo', [path])],
    ['a folder', (path: string) => void spawnSync('mkdir', [path])],
  ])('%s at the lock\'s name is refused at once by name, without blocking on it', async (kind, plant) => {
    const file = join(dir, 'state.json');
    plant(`${file}.lock`);
    const t0 = Date.now();
    await expect(withFileLock(file, async () => 'ran')).rejects.toMatchObject({ name: 'UnsafeFileError', path: `${file}.lock`, why: `it is ${kind}, not a lock duo-sso-setup made` });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await lockNames()).toEqual(['state.json.lock']);
  });

  it('two processes adding one each under the lock, starting from a killed owner\'s lock, lose no update', async () => {
    const file = join(dir, 'counter');
    await writeFile(file, '0');
    await writeFile(`${file}.lock`, serialiseOwner({ pid: deadPid(), host: hostname(), token: '00000000deadbeef' }));
    const child = spawn(process.execPath, [driver, 'count:40', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childOut = new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', () => resolve(out));
    });
    for (let i = 0; i < 40; i++) {
      await withFileLock(file, async () => {
        const n = Number(await readFile(file, 'utf8'));
        await new Promise((r) => setTimeout(r, 1));
        await writeFile(file, String(n + 1));
      });
    }
    expect(await childOut).toBe('counted\n');
    expect(await readFile(file, 'utf8')).toBe('80');
    expect(await lockNames()).toEqual([]);
  });

  it('a lock holds one line naming its owner (pid, start, host, a fresh token), private to the user, and is gone afterwards', async () => {
    const file = join(dir, 'state.json');
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      await withFileLock(file, async () => {
        const text = await readFile(`${file}.lock`, 'utf8');
        const owner = JSON.parse(text) as Record<string, unknown>;
        expect(text).toBe(`${JSON.stringify(owner)}\n`);
        expect(Object.keys(owner)).toEqual(['pid', 'start', 'host', 'token']);
        expect(owner).toMatchObject({ pid: process.pid, start: processStart(process.pid), host: hostname() });
        expect(owner.token).toMatch(/^[0-9a-f]{16}$/);
        tokens.push(owner.token as string);
        expect((await stat(`${file}.lock`)).mode & 0o777).toBe(0o600);
        expect(heldLocks()).toEqual([`${file}.lock`]);
        expect(await lockNames()).toEqual(['state.json.lock']);
      });
      expect(heldLocks()).toEqual([]);
      expect(await lockNames()).toEqual([]);
    }
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it.runIf(process.platform === 'linux')('leaves no file of the lock open once the work runs (a handle closed only by the garbage collector is a warning users see)', async () => {
    const file = join(dir, 'state.json');
    /** What this process has open in the test's folder (a removed file reads "… (deleted)"). */
    const openHere = async () => {
      const fds = await readdir('/proc/self/fd');
      expect(fds.length).toBeGreaterThan(2);
      const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((t) => t.startsWith(dir));
    };
    expect(await withFileLock(file, openHere)).toEqual([]);
  });

  it('what the locked work returns or throws comes out unchanged, and the lock is released either way', async () => {
    const file = join(dir, 'state.json');
    expect(await withFileLock(file, async () => ({ wrote: 3 }))).toEqual({ wrote: 3 });
    const failure = new Error('disk full');
    await expect(withFileLock(file, async () => { throw failure; })).rejects.toBe(failure);
    expect(await lockNames()).toEqual([]);
    expect(heldLocks()).toEqual([]);
  });

  it('a lock someone removed during the work: the work\'s result still comes out', async () => {
    const file = join(dir, 'state.json');
    expect(await withFileLock(file, async () => {
      await rm(`${file}.lock`);
      return 'done';
    })).toBe('done');
    expect(await lockNames()).toEqual([]);
  });

  it('a lock that is no longer ours when the work ends (someone broke it and took it) is left to its new owner', async () => {
    const file = join(dir, 'state.json');
    const theirs = serialiseOwner({ pid: process.pid, host: hostname(), token: 'feedfacecafebeef' });
    await withFileLock(file, async () => {
      await rm(`${file}.lock`);
      await writeFile(`${file}.lock`, theirs);
    });
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(theirs);
  });

  it('a process that exits while holding a lock releases it from its one exit hook', async () => {
    const file = join(dir, 'state.json');
    await withFileLock(join(dir, 'first'), async () => 'once');
    await withFileLock(file, async () => {
      await withFileLock(join(dir, 'other'), async () => {
        const hooks = process.listeners('exit').filter((l) => !exitHooksBefore.has(l));
        // One hook however many locks were taken: a hook per lock would leak listeners.
        expect(hooks).toHaveLength(1);
        expect((await lockNames()).sort()).toEqual(['other.lock', 'state.json.lock']);
        hooks[0]!(0);
        expect(await lockNames()).toEqual([]);
        expect(heldLocks()).toEqual([]);
      });
    });
  });
});

describe('a lock that is in the way', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Frozen at a whole second (file times then compare exactly); only Date is fake, timers run. */
  function freezeClock(): number {
    const now = Math.floor(Date.now() / 1000) * 1000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    return now;
  }

  /** Settles within `ms`? */
  const settles = (p: Promise<unknown>, ms = 300) =>
    Promise.race([p.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  it('a live process\'s lock is waited for 15 seconds, then refused naming that process', async () => {
    const file = join(dir, 'state.json');
    const child = spawn(process.execPath, [driver, 'hold', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const held = await readFile(`${file}.lock`, 'utf8');
      const t0 = freezeClock();
      let ran = false;
      const attempt = withFileLock(file, async () => (ran = true));
      expect(await settles(attempt)).toBe(false);
      vi.setSystemTime(t0 + 15_000);
      expect(await settles(attempt)).toBe(false);
      vi.setSystemTime(t0 + 15_001);
      await expect(attempt).rejects.toMatchObject({
        name: 'UserError',
        message: `${file} is locked by another duo-sso-setup process (pid ${child.pid})`,
        opts: { hint: `Wait for it to finish and run the command again; if none is running: rm ${file}.lock` },
      });
      expect(ran).toBe(false);
      expect(await readFile(`${file}.lock`, 'utf8')).toBe(held);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each([
    ['an older version\'s lock of a live process (a bare pid)', () => '1\n', '(pid 1)'],
    ['a live process that recorded no start time', () => serialiseOwner({ pid: process.pid, host: hostname(), token: '0123456789abcdef' }), `(pid ${process.pid})`],
    ['a live process with its start time', () => serialiseOwner({ pid: process.pid, start: processStart(process.pid), host: hostname(), token: '0123456789abcdef' }), `(pid ${process.pid})`],
    ['a process on another host (a shared home)', () => serialiseOwner({ pid: deadPid(), host: 'nfs-peer', token: '0123456789abcdef' }), `(pid ${deadPid()} on nfs-peer)`],
  ])('%s is never broken', async (_, content, who) => {
    const file = join(dir, 'state.json');
    const planted = content();
    await writeFile(`${file}.lock`, planted);
    const t0 = freezeClock();
    const attempt = withFileLock(file, async () => 'ran');
    expect(await settles(attempt)).toBe(false);
    vi.setSystemTime(t0 + 15_001);
    const error = await attempt.then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message.replace(/\(pid \d+ on nfs-peer\)$/, '(pid N on nfs-peer)')).toBe(
      `${file} is locked by another duo-sso-setup process ${who.replace(/\(pid \d+ on nfs-peer\)$/, '(pid N on nfs-peer)')}`,
    );
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(planted);
  });

  it('a lock nobody can parse yet (half-written, junk) and dated in the future names no owner', async () => {
    const file = join(dir, 'state.json');
    await writeFile(`${file}.lock`, '');
    const t0 = freezeClock();
    await utimes(`${file}.lock`, (t0 + 60_000) / 1000, (t0 + 60_000) / 1000);
    const attempt = withFileLock(file, async () => 'ran');
    expect(await settles(attempt)).toBe(false);
    vi.setSystemTime(t0 + 15_001);
    await expect(attempt).rejects.toThrow(`${file} is locked by another duo-sso-setup process (pid unknown)`);
  });

  it('a lock whose pid now belongs to a later process (pid reuse) is broken', async () => {
    const file = join(dir, 'state.json');
    const start = processStart(process.pid);
    expect(start).toMatch(/^\d+$/);
    await writeFile(`${file}.lock`, serialiseOwner({ pid: process.pid, start: String(Number(start) - 1), host: hostname(), token: '0123456789abcdef' }));
    expect(await withFileLock(file, async () => parseOwner(await readFile(`${file}.lock`, 'utf8'))?.token)).toMatch(/^[0-9a-f]{16}$/);
    expect(await lockNames()).toEqual([]);
  });

  it.each([
    ['empty (half-written)', async (path: string) => writeFile(path, '')],
    ['junk', async (path: string) => writeFile(path, 'half a {"pid":')],
    ['a long line of junk (longer than a file name may be)', async (path: string) => writeFile(path, `${'junk '.repeat(100)}\n`)],
    ['a killed older version\'s bare pid', async (path: string) => writeFile(path, `${deadPid()}\n`)],
    ['a socket (which cannot be opened)', async (path: string) => void spawnSync('python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path])],
  ])('a lock without a live owner, %s, is broken once it is more than 10 seconds old', async (kind, plant) => {
    const file = join(dir, 'state.json');
    await plant(`${file}.lock`);
    const t0 = freezeClock();
    await utimes(`${file}.lock`, (t0 - 10_000) / 1000, (t0 - 10_000) / 1000);
    const attempt = withFileLock(file, async () => parseOwner(await readFile(`${file}.lock`, 'utf8'))?.pid);
    if (kind.includes('bare pid')) {
      // A dead owner needs no waiting.
      expect(await attempt).toBe(process.pid);
    } else {
      expect(await settles(attempt)).toBe(false);
      vi.setSystemTime(t0 + 1);
      expect(await attempt).toBe(process.pid);
    }
    expect(await lockNames()).toEqual([]);
  });

  it('a stale lock another process is breaking (its live guard) is left to that process', async () => {
    const file = join(dir, 'state.json');
    const stale = serialiseOwner({ pid: deadPid(), host: hostname(), token: '00000000deadbeef' });
    await writeFile(`${file}.lock`, stale);
    const guard = `${file}.lock.break-00000000deadbeef`;
    await writeFile(guard, serialiseOwner({ pid: process.pid, start: processStart(process.pid), host: hostname(), token: '1111111122222222' }));
    const attempt = withFileLock(file, async () => 'ran');
    expect(await settles(attempt, 500)).toBe(false);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(stale);
    await rm(guard);
    expect(await attempt).toBe('ran');
    expect(await lockNames()).toEqual([]);
  });

  /** A stale lock with `depth` guards on it, each left by a breaker killed inside it. */
  async function guardChain(file: string, depth: number): Promise<string[]> {
    const dead = deadPid();
    let path = `${file}.lock`;
    const paths: string[] = [];
    for (let i = 0; i <= depth; i++) {
      const token = `${i}`.repeat(16);
      await writeFile(path, serialiseOwner({ pid: dead, host: hostname(), token }));
      paths.push(path);
      path = `${path}.break-${token}`;
    }
    return paths;
  }

  it('guards left by four breakers killed in a row are broken in turn', async () => {
    const file = join(dir, 'state.json');
    expect(await guardChain(file, 4)).toHaveLength(5);
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
    expect(await lockNames()).toEqual([]);
  });

  it('five guards in a row are not a race but a bug, and say so', async () => {
    const file = join(dir, 'state.json');
    const paths = await guardChain(file, 5);
    await expect(withFileLock(file, async () => 'ran')).rejects.toThrow(`too many stale lock guards at ${paths[5]}`);
  });

  it('removes only its own leftovers: private files and guards of processes that are gone', async () => {
    const file = join(dir, 'state.json');
    const dead = deadPid();
    const live = serialiseOwner({ pid: process.pid, start: processStart(process.pid), host: hostname(), token: 'aaaaaaaaaaaaaaaa' });
    const gone = serialiseOwner({ pid: dead, host: hostname(), token: 'bbbbbbbbbbbbbbbb' });
    const plant = {
      [`state.json.lock.${dead}-0badf00d`]: { content: gone, removed: true },
      // pid 1 is alive but started long before 1970-01-02: the file cannot be its own.
      [`state.json.lock.1-0badf00d`]: { content: gone, removed: true, mtime: 86_400 },
      [`state.json.lock.1-0badf00e`]: { content: gone, removed: false },
      // Around the moment pid 1 started (ps tells it to the second): a file from 2 s before
      // cannot be its own, one from within the second after may be (a second of slack).
      [`state.json.lock.1-0badf0a1`]: { content: gone, removed: true, mtime: pid1Start() - 2 },
      [`state.json.lock.1-0badf0a2`]: { content: gone, removed: false, mtime: pid1Start() + 0.5 },
      [`state.json.lock.${process.pid}-0badf00d`]: { content: gone, removed: false },
      [`state.json.lock.${dead}-0BADF00D`]: { content: gone, removed: false },
      [`state.json.lock.${dead}-0badf00`]: { content: gone, removed: false },
      [`state.json.lock.${dead}-0badf00dd`]: { content: gone, removed: false },
      [`other.json.lock.${dead}-0badf00d`]: { content: gone, removed: false },
      [`xstate.json.lock.${dead}-0badf00d`]: { content: gone, removed: false },
      [`state.json.lock.break-cccccccccccccccc`]: { content: gone, removed: true },
      [`state.json.lock.break-dddddddddddddddd`]: { content: live, removed: false },
      [`state.json.lock.break-DDDD`]: { content: gone, removed: false },
      [`state.json.lock.break-eeeeeeeeeeeeeeee.txt`]: { content: gone, removed: false },
    };
    for (const [name, { content, mtime }] of Object.entries(plant) as [string, { content: string; mtime?: number }][]) {
      await writeFile(join(dir, name), content);
      if (mtime !== undefined) await utimes(join(dir, name), mtime, mtime);
    }
    await withFileLock(file, async () => 'ran');
    const expected = Object.entries(plant).filter(([, v]) => !v.removed).map(([k]) => k).sort();
    expect(expected).toHaveLength(11);
    expect(await lockNames()).toEqual(expected);
  });
});

describe('who owns a lock', () => {
  it.runIf(process.platform === 'linux')('tells a dead pid, a reused pid and another host apart', () => {
    const start = processStart(process.pid);
    expect(start).toMatch(/^\d+$/);
    expect(ownerGone({ pid: process.pid, start, host: hostname() })).toBe(false);
    expect(ownerGone({ pid: process.pid, host: hostname() })).toBe(false);
    expect(ownerGone({ pid: process.pid })).toBe(false);
    expect(ownerGone({ pid: 1, host: hostname() })).toBe(false);
    expect(ownerGone({ pid: deadPid(), host: hostname() })).toBe(true);
    expect(ownerGone({ pid: deadPid() })).toBe(true);
    expect(ownerGone({ pid: process.pid, start: `${Number(start) - 1}`, host: hostname() })).toBe(true);
    // Another machine sharing the folder (NFS home): its pids mean nothing here.
    expect(ownerGone({ pid: deadPid(), host: 'some-other-host' })).toBe(false);
    expect(ownerGone({ pid: process.pid, start: `${Number(start) - 1}`, host: 'some-other-host' })).toBe(false);
  });

  it.runIf(process.platform === 'linux')('knows no start time on a platform other than Linux (a /proc there, if any, is not Linux\'s)', () => {
    expect(processStart(process.pid)).toMatch(/^\d+$/);
    const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...real, value: 'freebsd' });
    try {
      expect(processStart(process.pid)).toBeUndefined();
    } finally {
      Object.defineProperty(process, 'platform', real);
    }
  });

  it('a live process of another user (signals refused with EPERM) is not gone; only ESRCH means gone', () => {
    const theirs = deadPid();
    const kill = vi.spyOn(process, 'kill').mockImplementation((pid) => {
      throw Object.assign(new Error('kill'), { code: pid === theirs ? 'EPERM' : 'ESRCH' });
    });
    try {
      expect(ownerGone({ pid: theirs, host: hostname() })).toBe(false);
      expect(ownerGone({ pid: theirs + 1, host: hostname() })).toBe(true);
    } finally {
      kill.mockRestore();
    }
  });

  it.runIf(process.platform === 'linux')('knows when a process started, whatever its command name, and nothing for a dead pid', async () => {
    // A name with spaces and ')' shifts every field for a parser that splits the whole line.
    const odd = join(dir, 'a) b c (d');
    await symlink('/bin/sleep', odd);
    const child = spawn(odd, ['10'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 50));
      const [mine, theirs] = [processStart(process.pid), processStart(child.pid!)];
      expect(mine).toMatch(/^\d+$/);
      expect(theirs).toMatch(/^\d+$/);
      // Clock ticks since boot: the child started after us, and before now.
      const uptimeTicks = Number((await readFile('/proc/uptime', 'utf8')).split(' ')[0]) * 100;
      expect(Number(theirs)).toBeGreaterThanOrEqual(Number(mine));
      expect(Number(theirs)).toBeLessThanOrEqual(uptimeTicks + 1);
      expect(Number(theirs)).toBeGreaterThan(uptimeTicks - 500);
    } finally {
      child.kill('SIGKILL');
    }
    expect(processStart(deadPid())).toBeUndefined();
  });

  it('reads an older version\'s bare pid and refuses junk', () => {
    expect(parseOwner('1234\n')).toEqual({ pid: 1234 });
    expect(parseOwner(' 1234 ')).toEqual({ pid: 1234 });
    expect(parseOwner('12a')).toBeUndefined();
    expect(parseOwner('a12')).toBeUndefined();
    expect(parseOwner('{"pid":"x","token":"ab"}')).toBeUndefined();
    expect(parseOwner('')).toBeUndefined();
    expect(parseOwner('{"pid":12,')).toBeUndefined();
  });

  it.each([
    [{ pid: 12, token: '0123abcd' }, { pid: 12, token: '0123abcd' }],
    [{ pid: 12, token: 'a'.repeat(64), start: '345', host: 'h' }, { pid: 12, token: 'a'.repeat(64), start: '345', host: 'h' }],
    [{ pid: 12, token: '0123abcd', start: 345, host: 7 }, { pid: 12, token: '0123abcd' }],
    [{ pid: 12, token: '0123abc' }, undefined],
    [{ pid: 12, token: 'a'.repeat(65) }, undefined],
    [{ pid: 12, token: '0123ABCD' }, undefined],
    [{ pid: 12, token: 'x0123abcd' }, undefined],
    [{ pid: 12, token: '0123abcdx' }, undefined],
    [{ pid: 12 }, undefined],
    [{ pid: 12, token: 12345678 }, undefined],
    [{ pid: 0, token: '0123abcd' }, undefined],
    [{ pid: -3, token: '0123abcd' }, undefined],
    [{ pid: 1.5, token: '0123abcd' }, undefined],
    [{ pid: '12', token: '0123abcd' }, undefined],
  ])('reads the lock line %j as %j', (line, owner) => {
    expect(parseOwner(serialiseOwner(line as never))).toEqual(owner);
  });
});
