import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A filesystem without hard links (some network and FAT mounts): link() fails with the errno
// such a filesystem gives, everything else is the real filesystem.
const linkError = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const link: typeof real.link = async (from, to) => {
    if (linkError.code) throw Object.assign(new Error(`${linkError.code}: link '${String(from)}' -> '${String(to)}'`), { code: linkError.code });
    return real.link(from, to);
  };
  return { ...real, link, default: { ...real, link } };
});

const { withFileLock } = await import('../../src/fs/lock.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-nolinks-'));
});
afterEach(async () => {
  linkError.code = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('withFileLock where hard links are refused', () => {
  it.each(['EPERM', 'ENOTSUP', 'ENOSYS'])('takes the lock in two steps when link() fails with %s, and leaves nothing behind', async (code) => {
    linkError.code = code;
    const file = join(dir, 'state.json');
    const inside = await withFileLock(file, async () => ({ lock: await readFile(`${file}.lock`, 'utf8'), names: (await readdir(dir)).sort() }));
    expect(JSON.parse(inside.lock)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(inside.lock).toMatch(/^\{.*\}\n$/);
    // The private file the lock would have been linked from is gone before the work starts.
    expect(inside.names).toEqual(['state.json.lock']);
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
