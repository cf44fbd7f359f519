// What a user reads when the file system refuses a write (a full disk, a read-only mount,
// permissions), and that the file is then exactly as it was with no temporary file left. The
// refusal is injected at the final rename, everything else is the real file system.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fault = vi.hoisted(() => ({
  rename: undefined as string | undefined,
  mkdir: undefined as string | undefined,
  openTemp: undefined as string | undefined,
  chmodDir: undefined as string | undefined,
  statOf: undefined as { path: string; code: string } | undefined,
  beforeRm: undefined as ((path: string) => Promise<void>) | undefined,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const rename: typeof real.rename = async (from, to) => {
    if (fault.rename && !String(to).endsWith('.bak')) throw Object.assign(new Error(`${fault.rename}: rename '${String(from)}' -> '${String(to)}'`), { code: fault.rename });
    return real.rename(from, to);
  };
  const mkdir = (async (path: Parameters<typeof real.mkdir>[0], opts?: Parameters<typeof real.mkdir>[1]) => {
    if (fault.mkdir) throw Object.assign(new Error(`${fault.mkdir}: mkdir '${String(path)}'`), { code: fault.mkdir });
    return real.mkdir(path, opts);
  }) as typeof real.mkdir;
  // The next content's temporary file (.NAME.tmp-PID-HEX) cannot be created.
  const open = (async (path: Parameters<typeof real.open>[0], ...rest: [Parameters<typeof real.open>[1], Parameters<typeof real.open>[2]]) => {
    if (fault.openTemp && /\/\.[^/]+\.tmp-\d+-[0-9a-f]{8}$/.test(String(path))) throw Object.assign(new Error(`${fault.openTemp}: open '${String(path)}'`), { code: fault.openTemp });
    return real.open(path, ...rest);
  }) as typeof real.open;
  // chmod of a folder (not of a file) is refused.
  const chmod = (async (path: Parameters<typeof real.chmod>[0], mode: Parameters<typeof real.chmod>[1]) => {
    if (fault.chmodDir && (await real.stat(path)).isDirectory()) throw Object.assign(new Error(`${fault.chmodDir}: chmod '${String(path)}'`), { code: fault.chmodDir });
    return real.chmod(path, mode);
  }) as typeof real.chmod;
  const stat = (async (path: Parameters<typeof real.stat>[0], opts?: Parameters<typeof real.stat>[1]) => {
    if (fault.statOf && String(path) === fault.statOf.path) throw Object.assign(new Error(`${fault.statOf.code}: stat '${String(path)}'`), { code: fault.statOf.code });
    return real.stat(path, opts);
  }) as typeof real.stat;
  const rm: typeof real.rm = async (path, opts) => {
    await fault.beforeRm?.(String(path));
    return real.rm(path, opts);
  };
  return { ...real, rename, mkdir, open, chmod, rm, stat, default: { ...real, rename, mkdir, open, chmod, rm, stat } };
});

const { ensureDir, safeWrite, updateFile, withLockedFiles } = await import('../../src/fs/safe-write.js');

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safe-write-faults-'));
  path = join(dir, 'credentials');
  await writeFile(path, 'old\n');
});
afterEach(async () => {
  fault.rename = undefined;
  fault.mkdir = undefined;
  fault.openTemp = undefined;
  fault.chmodDir = undefined;
  fault.statOf = undefined;
  fault.beforeRm = undefined;
  await rm(dir, { recursive: true, force: true });
});

const left = async () => (await readdir(dir)).filter((n) => !n.endsWith('.bak')).sort();

describe('another writer in the folder at the same moment', () => {
  it('temporary files it sweeps just before we do are no error (ours, and a killed writer\'s of another file)', async () => {
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(join(dir, `.credentials.tmp-${dead}-abcdef01`), 'keys');
    await writeFile(join(dir, `.config.tmp-${dead}-abcdef02`), 'keys');
    const swept: string[] = [];
    fault.beforeRm = async (p) => {
      if (!/\.tmp-\d+-[0-9a-f]{8}$/.test(p) || !(await readdir(dir)).includes(basename(p))) return;
      await unlink(p);
      swept.push(basename(p));
    };
    expect(await safeWrite(path, 'new\n', { backup: false })).toEqual({ path, changed: true, backup: undefined });
    expect(swept.sort()).toEqual([`.config.tmp-${dead}-abcdef02`, `.credentials.tmp-${dead}-abcdef01`]);
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect(await left()).toEqual(['credentials']);
  });
});

describe('a write the file system refuses', () => {
  it.each([
    ['EACCES', 'permission denied', `Check who owns it and its folder: ls -ld DIR PATH`],
    ['EPERM', 'operation not permitted', `Check who owns it and its folder: ls -ld DIR PATH`],
    ['EROFS', 'the file system is read-only', 'Run the command where that file system is writable.'],
    ['ENOSPC', 'the disk is full', 'Free some space, then run the command again.'],
    ['EISDIR', 'it is a folder, not a file', 'Move the folder aside (mv PATH PATH.old), then run the command again.'],
    ['ENOTDIR', 'a folder on its path is a file', 'Check each folder above it: ls -ld DIR'],
  ])('%s: says why and what to do, and leaves the file as it was', async (code, why, hint) => {
    fault.rename = code;
    await expect(safeWrite(path, 'new\n')).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${path}: ${why}; it was left unchanged`,
      opts: { hint: hint.replace(/DIR/g, dirname(path)).replace(/PATH/g, path) },
    });
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await left()).toEqual(['credentials']);
  });

  it('a temporary file that cannot be created: the refusal is explained (not hidden by the cleanup), the file as it was', async () => {
    fault.openTemp = 'ENOSPC';
    await expect(safeWrite(path, 'new\n', { backup: false })).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${path}: the disk is full; it was left unchanged`,
    });
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await left()).toEqual(['credentials']);
  });

  it('anything else stays the error it is (a bug report, not advice)', async () => {
    fault.rename = 'EIO';
    const error = await safeWrite(path, 'new\n').then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'Error', code: 'EIO', message: expect.stringMatching(/^EIO: rename /) });
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await left()).toEqual(['credentials']);
  });

  it('a refusal inside withLockedFiles is explained for the file as the caller named it', async () => {
    fault.rename = 'ENOSPC';
    const link = join(dir, 'link');
    await symlink(path, link);
    await expect(withLockedFiles([{ path: link }], async ([f]) => f!.write('new\n'))).rejects.toMatchObject({ message: `cannot update ${link}: the disk is full; it was left unchanged` });
    expect(await readFile(path, 'utf8')).toBe('old\n');
  });
});

describe('refusals found before writing', () => {
  it('a folder that cannot be looked at (EIO) is an error, not a missing folder to make and set the mode of', async () => {
    const sub = join(dir, 'shared');
    await mkdir(sub);
    await chmod(sub, 0o755);
    fault.statOf = { path: sub, code: 'EIO' };
    await expect(ensureDir(sub, 0o700)).rejects.toMatchObject({ code: 'EIO', message: `EIO: stat '${sub}'` });
    fault.statOf = undefined;
    expect((await stat(sub)).mode & 0o777).toBe(0o755);
  });

  it('a folder made while its mode cannot be set is still no more open than asked (made with it, not opened and narrowed later)', async () => {
    fault.chmodDir = 'EPERM';
    const p = join(dir, 'sub', 'config');
    await expect(safeWrite(p, 'x')).rejects.toMatchObject({ name: 'UserError', message: `cannot update ${p}: operation not permitted; it was left unchanged` });
    // mkdir's mode passes through the umask, which only takes bits away.
    expect((await stat(join(dir, 'sub'))).mode & 0o077).toBe(0);
  });

  it('withLockedFiles explains a folder it cannot make, before running anything', async () => {
    fault.mkdir = 'EACCES';
    const p = join(dir, 'sub', 'config');
    let ran = false;
    await expect(withLockedFiles([{ path: p }], async () => (ran = true))).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${p}: permission denied; it was left unchanged`,
      opts: { hint: `Check who owns it and its folder: ls -ld ${join(dir, 'sub')} ${p}` },
    });
    expect(ran).toBe(false);
    expect(await left()).toEqual(['credentials']);
  });

  it('withLockedFiles explains a file it must not touch, naming it as the caller did', async () => {
    const p = join(dir, 'config');
    execFileSync('mkfifo', [p]);
    let ran = false;
    await expect(withLockedFiles([{ path: p }], async () => (ran = true))).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${p}: it is a named pipe, not a regular file; it was left unchanged`,
    });
    expect(ran).toBe(false);
    expect(await left()).toEqual(['config', 'credentials']);
  });

  it('a folder on the path that is a file', async () => {
    const p = join(dir, 'credentials', 'nested');
    await expect(updateFile(p, () => 'x')).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${p}: a folder on its path is a file; it was left unchanged`,
      opts: { hint: `Check each folder above it: ls -ld ${join(dir, 'credentials')}` },
    });
  });

  it('a named pipe at the file names the file once', async () => {
    const p = join(dir, 'config');
    execFileSync('mkfifo', [p]);
    await expect(safeWrite(p, 'x')).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${p}: it is a named pipe, not a regular file; it was left unchanged`,
      opts: { hint: `Move it aside (mv ${p} ${p}.old) and run the command again, or remove it if it is not yours.` },
    });
  });

  it('a named pipe at its lock names the lock', async () => {
    execFileSync('mkfifo', [`${path}.lock`]);
    await expect(safeWrite(path, 'x')).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${path}: ${path}.lock: it is a named pipe, not a lock duo-sso-setup made; it was left unchanged`,
      opts: { hint: `Move it aside (mv ${path}.lock ${path}.lock.old) and run the command again, or remove it if it is not yours.` },
    });
    expect(await readFile(path, 'utf8')).toBe('old\n');
  });
});
