import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, readlink, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A filesystem without hard links (some network and FAT mounts): link() fails with the errno
// such a filesystem gives, everything else is the real filesystem.
// `only` limits the failure to links made at matching names, `times` to that many calls.
const linkError = vi.hoisted(() => ({
  code: undefined as string | undefined,
  only: undefined as RegExp | undefined,
  times: Infinity,
  beforeRm: undefined as { name: RegExp; then: () => Promise<void> } | undefined,
  beforeLink: undefined as { name: RegExp; then: () => Promise<void> } | undefined,
  onRm: undefined as ((path: string) => Promise<void>) | undefined,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const link: typeof real.link = async (from, to) => {
    const run = linkError.beforeLink;
    if (run && run.name.test(String(to))) {
      linkError.beforeLink = undefined;
      await run.then();
    }
    if (linkError.code && linkError.times > 0 && (!linkError.only || linkError.only.test(String(to)))) {
      linkError.times--;
      throw Object.assign(new Error(`${linkError.code}: link '${String(from)}' -> '${String(to)}'`), { code: linkError.code });
    }
    return real.link(from, to);
  };
  // Runs `beforeRm` once, just before a file named like it is removed.
  const rm: typeof real.rm = async (path, opts) => {
    await linkError.onRm?.(String(path));
    const run = linkError.beforeRm;
    if (run && run.name.test(String(path))) {
      linkError.beforeRm = undefined;
      await run.then();
    }
    return real.rm(path, opts);
  };
  return { ...real, link, rm, default: { ...real, link, rm } };
});

const { processStart, serialiseOwner, withFileLock } = await import('../../src/fs/lock.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-nolinks-'));
});
afterEach(async () => {
  Object.assign(linkError, { code: undefined, only: undefined, times: Infinity, beforeRm: undefined, beforeLink: undefined, onRm: undefined });
  await rm(dir, { recursive: true, force: true });
});

/** What this process has open in the test's folder (a removed file reads "… (deleted)"). */
async function openHere(): Promise<string[]> {
  const fds = await readdir('/proc/self/fd');
  expect(fds.length).toBeGreaterThan(2);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((t) => t.startsWith(dir));
}

describe('withFileLock where hard links are refused', () => {
  it.each(['EPERM', 'ENOTSUP', 'ENOSYS'])('takes the lock in two steps when link() fails with %s, and leaves nothing behind', async (code) => {
    linkError.code = code;
    const file = join(dir, 'state.json');
    const inside = await withFileLock(file, async () => ({ lock: await readFile(`${file}.lock`, 'utf8'), names: (await readdir(dir)).sort(), open: await openHere() }));
    expect(JSON.parse(inside.lock)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(inside.lock).toMatch(/^\{.*\}\n$/);
    // The private file the lock would have been linked from is gone before the work starts.
    expect(inside.names).toEqual(['state.json.lock']);
    expect(inside.open).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('still waits for a lock that is taken', async () => {
    linkError.code = 'EPERM';
    const file = join(dir, 'state.json');
    const order: string[] = [];
    await Promise.all([
      withFileLock(file, async () => {
        order.push('a in');
        await new Promise((r) => setTimeout(r, 200));
        order.push('a out');
      }),
      new Promise((r) => setTimeout(r, 50)).then(() => withFileLock(file, async () => void order.push('b'))),
    ]);
    expect(order).toEqual(['a in', 'a out', 'b']);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each(['EXDEV', 'EIO'])('gives up on any other link() failure (%s), leaving nothing behind', async (code) => {
    linkError.code = code;
    const file = join(dir, 'state.json');
    await writeFile(file, 'kept');
    let ran = false;
    await expect(withFileLock(file, async () => (ran = true))).rejects.toMatchObject({ code });
    expect(ran).toBe(false);
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});

describe('withFileLock between other processes\' steps', () => {
  it('a lock that was released between our attempt and our look at it is taken on the next attempt, at once', async () => {
    // link() says "taken", and by the time we read the lock its owner has released it.
    Object.assign(linkError, { code: 'EEXIST', only: /state\.json\.lock$/, times: 1 });
    const file = join(dir, 'state.json');
    const t0 = Date.now();
    expect(await withFileLock(file, async () => JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid)).toBe(process.pid);
    expect(linkError.times).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a failure to make the guard that breaking a stale lock needs comes out as it is, not retried for ever', async () => {
    Object.assign(linkError, { code: 'EIO', only: /\.break-/ });
    const file = join(dir, 'state.json');
    const dead = spawnSync('/bin/true').pid!;
    const stale = serialiseOwner({ pid: dead, host: hostname(), token: '00000000deadbeef' });
    await writeFile(`${file}.lock`, stale);
    let ran = false;
    const t0 = Date.now();
    await expect(withFileLock(file, async () => (ran = true))).rejects.toMatchObject({ code: 'EIO', message: expect.stringMatching(/^EIO: link .*state\.json\.lock\.break-00000000deadbeef'$/) });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(ran).toBe(false);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(stale);
    expect(await readdir(dir)).toEqual(['state.json.lock']);
  }, 10_000);
});

describe('a process that exits in the middle of breaking a stale lock', () => {
  it('removes its guard on the way out, so the next process need not wait for it', async () => {
    // A module that has taken no lock yet in this process (so no exit hook of its own so far).
    vi.resetModules();
    const before = new Set(process.listeners('exit'));
    const fresh = await import('../../src/fs/lock.js');
    const file = join(dir, 'state.json');
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(`${file}.lock`, fresh.serialiseOwner({ pid: dead, host: hostname(), token: '00000000deadbeef' }));
    let atExit: string[] = [];
    let whileBreaking: string[] = [];
    // process.exit() (a Ctrl-C handler) just as the stale lock is about to be removed: what the
    // exit hooks run, and what they leave.
    linkError.beforeRm = {
      name: /state\.json\.lock$/,
      then: async () => {
        whileBreaking = (await readdir(dir)).sort();
        for (const hook of process.listeners('exit').filter((l) => !before.has(l))) hook(130);
        atExit = (await readdir(dir)).sort();
      },
    };
    expect(await fresh.withFileLock(file, async () => 'ran')).toBe('ran');
    expect(whileBreaking).toEqual(['state.json.lock', 'state.json.lock.break-00000000deadbeef']);
    expect(atExit).toEqual(['state.json.lock']);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a breaker killed right after it removed a lock nobody could read', () => {
  it.each([
    ['junk', (path: string) => writeFile(path, 'half a {"pid":')],
    ['a socket, which cannot be opened', async (path: string) => void spawnSync('python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path])],
  ])('(%s) leaves a guard that the next holder of the lock removes', async (_, plant) => {
    const file = join(dir, 'state.json');
    await plant(`${file}.lock`);
    await utimes(`${file}.lock`, 1, 1);
    // The guard as it is while the junk lock is being removed: what a kill -9 right after leaves.
    let guard: { name: string; content: string } | undefined;
    linkError.beforeRm = {
      name: /state\.json\.lock$/,
      then: async () => {
        const names = (await readdir(dir)).filter((n) => n.includes('.break-'));
        expect(names).toHaveLength(1);
        guard = { name: names[0]!, content: await readFile(join(dir, names[0]!), 'utf8') };
      },
    };
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
    expect(guard).toBeDefined();
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(join(dir, guard!.name), guard!.content.replace(/"pid":\d+/, `"pid":${dead}`));
    expect(await readdir(dir)).toEqual([guard!.name]);
    expect(await withFileLock(file, async () => (await readdir(dir)).sort())).toEqual(['state.json.lock']);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('two processes breaking one stale lock', () => {
  /** Settles within `ms`? */
  const settles = (p: Promise<unknown>, ms = 500) =>
    Promise.race([p.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  it('the other broke it first and holds the lock now: its lock is left alone and waited for', async () => {
    const file = join(dir, 'state.json');
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(`${file}.lock`, serialiseOwner({ pid: dead, host: hostname(), token: '00000000deadbeef' }));
    // Between our look at the stale lock and our guard, the other process broke it (its guard
    // is gone again) and took the lock.
    const theirs = serialiseOwner({ pid: process.pid, start: processStart(process.pid), host: hostname(), token: 'cccccccccccccccc' });
    let tookIt!: () => void;
    const taken = new Promise<void>((r) => (tookIt = r));
    linkError.beforeLink = {
      name: /\.break-00000000deadbeef$/,
      then: async () => {
        await rm(`${file}.lock`);
        await writeFile(`${file}.lock`, theirs);
        tookIt();
      },
    };
    const attempt = withFileLock(file, async () => 'ran');
    await taken;
    expect(await settles(attempt)).toBe(false);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(theirs);
    await rm(`${file}.lock`);
    expect(await attempt).toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('what is there under our guard is another stale instance: only that instance\'s own guard holder removes it', async () => {
    const file = join(dir, 'state.json');
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(`${file}.lock`, serialiseOwner({ pid: dead, host: hostname(), token: '00000000deadbeef' }));
    // Before our guard: the instance we judged was broken, and a third process's lock, whose
    // owner died too, is there now.
    linkError.beforeLink = {
      name: /\.break-00000000deadbeef$/,
      then: async () => {
        await unlink(`${file}.lock`);
        await writeFile(`${file}.lock`, serialiseOwner({ pid: dead, host: hostname(), token: 'dddddddddddddddd' }));
      },
    };
    // The protocol's rule, checked at every removal of the lock: its instance's guard exists
    // (held by the remover), so no one removes an instance someone else may be replacing.
    const unguarded: string[] = [];
    linkError.onRm = async (path) => {
      if (path !== `${file}.lock`) return;
      const token = (JSON.parse(await readFile(path, 'utf8')) as { token: string }).token;
      if (!(await readdir(dir)).includes(`state.json.lock.break-${token}`)) unguarded.push(token);
    };
    expect(await withFileLock(file, async () => 'ran')).toBe('ran');
    expect(linkError.beforeLink).toBeUndefined();
    expect(unguarded).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('the other broke it first and is done already: the lock is taken at once', async () => {
    const file = join(dir, 'state.json');
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(`${file}.lock`, serialiseOwner({ pid: dead, host: hostname(), token: '00000000deadbeef' }));
    linkError.beforeLink = { name: /\.break-00000000deadbeef$/, then: () => rm(`${file}.lock`) };
    expect(await withFileLock(file, async () => JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid)).toBe(process.pid);
    expect(linkError.beforeLink).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });
});
