// The one way this tool writes a user's file (config.json, ~/.aws/credentials, shell
// profiles): under a lock, with a timestamped backup of the previous content, through a
// temp file in the same folder that is fsynced and renamed over the target. A process
// killed at any point leaves either the old or the new file complete, never a mix.
import { randomBytes } from 'node:crypto';
import { lstat, open, readFile, readdir, realpath, rename, rm, mkdir, stat, chmod, copyFile, link, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export interface SafeWriteOptions {
  /** File mode. Default: the existing file's mode, or 0o600 for a new file. Pass 0o600 where secrets live. */
  mode?: number;
  /** Mode for a folder we create. */
  dirMode?: number;
  /** Keep a backup of the previous content (default true). */
  backup?: boolean;
  /** How many backups to keep per file. */
  keepBackups?: number;
  /** Report what would happen, write nothing. */
  dryRun?: boolean;
  now?: () => Date;
}

export interface SafeWriteResult {
  path: string;
  changed: boolean;
  /** Where the previous content was saved, if there was any. */
  backup: string | undefined;
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

export function backupName(path: string, now: Date): string {
  return `${path}.${now.toISOString().replace(/[:.]/g, '-')}.bak`;
}

export async function listBackups(path: string): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(prefix) && /\.\d{4}-\d\d-\d\dT[\d-]+Z\.bak$/.test(n)).sort().map((n) => join(dir, n));
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates `lock` already holding our pid: the pid goes into a private file that is then
 * hard-linked into place (atomic, EEXIST if taken), so a process killed at any moment never
 * leaves a lock without an owner, which would block every later run until it went stale.
 */
async function createLock(lock: string): Promise<void> {
  const mine = `${lock}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(mine, String(process.pid), { mode: 0o600 });
  try {
    await link(mine, lock);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A filesystem without hard links: create and fill it in two steps.
    const handle = await open(lock, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
  } finally {
    await rm(mine, { force: true });
  }
}

/** Runs `fn` holding an exclusive lock file beside `path`, so two runs cannot interleave. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      await createLock(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if ((Number.isInteger(owner) && owner > 0 && !isAlive(owner)) || age > LOCK_STALE_MS) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new UserError(`${path} is locked by another duo-sso-setup process (pid ${owner || 'unknown'})`, {
          hint: `Wait for it to finish and run the command again; if none is running: rm ${lock}`,
        });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

export async function safeWrite(path: string, content: string | Uint8Array, opts: SafeWriteOptions = {}): Promise<SafeWriteResult> {
  return updateFile(path, () => content, opts);
}

/**
 * Read-modify-write under one lock: `change` gets the current text (undefined when the file
 * does not exist) and returns the new content, or undefined to leave the file alone.
 */
export async function updateFile(
  path: string,
  change: (current: string | undefined) => string | Uint8Array | undefined,
  opts: SafeWriteOptions = {},
): Promise<SafeWriteResult> {
  try {
    return await update(path, change, opts);
  } catch (error) {
    throw explained(error, path);
  }
}

/** What the user can do about a file system refusal; anything else stays a bug report. */
const FS_PROBLEMS: Record<string, { why: string; hint: (path: string) => string }> = {
  EISDIR: { why: 'it is a folder, not a file', hint: (p) => `Move the folder aside (mv ${p} ${p}.old), then run the command again.` },
  ENOTDIR: { why: 'a folder on its path is a file', hint: (p) => `Check each folder above it: ls -ld ${dirname(p)}` },
  EACCES: { why: 'permission denied', hint: (p) => `Check who owns it and its folder: ls -ld ${dirname(p)} ${p}` },
  EPERM: { why: 'operation not permitted', hint: (p) => `Check who owns it and its folder: ls -ld ${dirname(p)} ${p}` },
  EROFS: { why: 'the file system is read-only', hint: () => 'Run the command where that file system is writable.' },
  ENOSPC: { why: 'the disk is full', hint: () => 'Free some space, then run the command again.' },
};

function explained(error: unknown, path: string): unknown {
  const problem = FS_PROBLEMS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  return problem ? new UserError(`cannot update ${path}: ${problem.why}; it was left unchanged`, { hint: problem.hint(path) }) : error;
}

async function update(
  path: string,
  change: (current: string | undefined) => string | Uint8Array | undefined,
  opts: SafeWriteOptions,
): Promise<SafeWriteResult> {
  const now = opts.now ?? (() => new Date());
  // A symlinked file (a dotfile kept in a repository) is written where it points: renaming
  // over the link itself would silently cut it loose from the user's dotfiles.
  const file = await linkTarget(path);
  if (opts.dryRun) {
    const current = await readIfExists(file);
    const next = change(current?.toString('utf8'));
    const changed = next !== undefined && !(current && current.equals(toBuffer(next)));
    return { path, changed, backup: changed && current ? backupName(file, now()) : undefined };
  }
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: opts.dirMode ?? 0o700 });
  return withFileLock(file, async () => {
    await removeLeftovers(file);
    const current = await readIfExists(file);
    const next = change(current?.toString('utf8'));
    if (next === undefined) return { path, changed: false, backup: undefined };
    const data = toBuffer(next);
    if (current && current.equals(data)) return { path, changed: false, backup: undefined };
    const existingMode = current ? (await stat(file)).mode & 0o777 : undefined;
    const mode = opts.mode ?? existingMode ?? 0o600;
    let backup: string | undefined;
    if (current && opts.backup !== false) {
      backup = await freeBackupName(file, now());
      // Copied under a temporary name and renamed, so a kill mid-copy never leaves a partial backup.
      const copying = join(dir, `.${basename(backup)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
      await copyFile(file, copying);
      await chmod(copying, 0o600);
      await rename(copying, backup);
      await pruneBackups(file, opts.keepBackups ?? 5);
    }
    const tmp = join(dir, `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const handle = await open(tmp, 'wx', mode);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(tmp, mode);
      await rename(tmp, file);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await syncDir(dir);
    return { path, changed: true, backup };
  });
}

/**
 * Two writes of one file within a millisecond (login fixing two profiles in a row) would get
 * the same name, and the second backup would replace the first: the later free millisecond is
 * taken instead, which keeps the names in write order.
 */
async function freeBackupName(file: string, at: Date): Promise<string> {
  let t = at.getTime();
  while (await lstat(backupName(file, new Date(t))).then(() => true, () => false)) t++;
  return backupName(file, new Date(t));
}

/**
 * Temporary files of this file (its next content, or a backup being copied) left by a writer
 * that was killed. Every writer holds the lock while one exists, so under the lock they are all
 * stale; a left-over copy of ~/.aws/credentials may hold keys, so it must not stay behind.
 */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.includes('.tmp-')) await rm(join(dirname(file), name), { force: true });
  }
}

async function linkTarget(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  return info?.isSymbolicLink() ? realpath(path).catch(() => path) : path;
}

function toBuffer(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

async function pruneBackups(path: string, keep: number): Promise<void> {
  const backups = await listBackups(path);
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) await rm(old, { force: true });
}

/** Makes the rename durable. Not possible (nor needed) on Windows. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  }
}
