// The file at a path changes between the reader's check (lstat) and its open: someone swaps
// it for a link, a pipe or a folder, or removes it. The open itself (O_NOFOLLOW, O_NONBLOCK,
// then fstat) must refuse what the check would have refused, and never block.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const swap = vi.hoisted(() => ({ afterCheck: undefined as (() => Promise<void>) | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  // The swap happens once, right after the reader looked.
  const lstat = (async (...args: Parameters<typeof real.lstat>) => {
    const info = await real.lstat(...args);
    const run = swap.afterCheck;
    swap.afterCheck = undefined;
    await run?.();
    return info;
  }) as typeof real.lstat;
  return { ...real, lstat, default: { ...real, lstat } };
});

const { readOwnFile, readOwnText, UnsafeFileError } = await import('../../src/fs/safe-read.js');

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safe-read-swap-'));
  path = join(dir, 'state.json');
  await writeFile(path, '{"ours":true}\n');
});
afterEach(async () => {
  swap.afterCheck = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('a file swapped after the check', () => {
  it('reads the file when nothing changes', async () => {
    swap.afterCheck = async () => undefined;
    expect(await readOwnText(path)).toBe('{"ours":true}\n');
  });

  it('removed: reads as missing', async () => {
    swap.afterCheck = () => rm(path);
    expect(await readOwnFile(path)).toBeUndefined();
  });

  it('for a link: refused by name, the link\'s target never read', async () => {
    const secret = join(dir, 'secret');
    await writeFile(secret, 'not for us\n');
    swap.afterCheck = async () => {
      await rm(path);
      await symlink(secret, path);
    };
    const error = await readOwnFile(path).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeFileError);
    expect(error).toMatchObject({ path, why: 'it became a symbolic link while being read' });
  });

  it('for a named pipe with no writer: refused by name at once, never blocking', async () => {
    swap.afterCheck = async () => {
      await rm(path);
      execFileSync('mkfifo', [path]);
    };
    const t0 = Date.now();
    await expect(readOwnFile(path)).rejects.toMatchObject({ name: 'UnsafeFileError', path, why: 'it is a named pipe, not a regular file' });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('for a folder: refused by name', async () => {
    swap.afterCheck = async () => {
      await rename(path, join(dir, 'aside'));
      await mkdir(path);
    };
    await expect(readOwnFile(path)).rejects.toMatchObject({ name: 'UnsafeFileError', path, why: 'it is a folder, not a regular file' });
    expect(await readFile(join(dir, 'aside'), 'utf8')).toBe('{"ours":true}\n');
  });

  it('for a socket, which cannot be opened: the errno comes through', async () => {
    swap.afterCheck = async () => {
      await rm(path);
      execFileSync('python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path]);
    };
    await expect(readOwnFile(path)).rejects.toMatchObject({ code: 'ENXIO' });
  });
});
