// The one way this tool writes a user's file (config.json, ~/.aws/credentials, shell
// profiles): under a lock, with a timestamped backup of the previous content, through a
// temp file in the same folder that is fsynced and renamed over the target. A process
// killed at any point leaves either the old or the new file complete, never a mix.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, rename, rm, mkdir, stat, chmod, copyFile } from 'node:fs/promises';
import { basename, dirname, join, parse } from 'node:path';
import { UserError } from '../errors.js';
import { withFileLock } from './lock.js';
import { readOwnFile, resolveOwnFile, UnsafeFileError, type LinkPolicy } from './safe-read.js';
import { euid, refuseOthersPlace } from '../platform/root-home.js';

export { withFileLock };

export interface SafeWriteOptions {
  /** File mode. Default: the existing file's mode, or 0o600 for a new file. Pass 0o600 where secrets live. */
  mode?: number;
  /** Mode for a folder we create (set explicitly, whatever the umask). Default 0o700. */
  dirMode?: number;
  /**
   * A symlink at `path`: 'owned' (default, a user's dotfile kept in a repository) is written
   * where it points when link and target belong to the same user; 'never' (state.json,
   * duo-sso's config.json: files that are ours) refuses it.
   */
  follow?: LinkPolicy;
  /** Text that is not UTF-8 is refused (left unchanged), never handed over with U+FFFD in place of its bytes. */
  strict?: boolean;
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

export function backupName(path: string, now: Date): string {
  return `${path}.${now.toISOString().replace(/[:.]/g, '-')}.bak`;
}

export async function listBackups(path: string): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up name in an unreadable folder's place is not a backup name either
  const names = await readdir(dir).catch(() => [] as string[]);
  const backups = names.filter((n) => n.startsWith(prefix) && /\.\d{4}-\d\d-\d\dT[\d-]+Z\.bak$/.test(n));
  // Stryker disable next-line MethodExpression: equivalent under Node, whose readdir (libuv's scandir) answers sorted already; Deno's does not, so the sort stays
  return backups.sort().map((n) => join(dir, n));
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
  if (error instanceof UnsafeFileError) {
    // The lock beside the file, or the link's target, is named when it is the one at fault.
    const why = error.path === path ? error.why : `${error.path}: ${error.why}`;
    return new UserError(`cannot update ${path}: ${why}; it was left unchanged`, { hint: `Move it aside (mv ${error.path} ${error.path}.old) and run the command again, or remove it if it is not yours.` });
  }
  // Stryker disable next-line StringLiteral: equivalent, no errno is named like any made-up key either
  const problem = FS_PROBLEMS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  return problem ? new UserError(`cannot update ${path}: ${problem.why}; it was left unchanged`, { hint: problem.hint(path) }) : error;
}

async function update(
  path: string,
  change: (current: string | undefined) => string | Uint8Array | undefined,
  opts: SafeWriteOptions,
): Promise<SafeWriteResult> {
  const now = opts.now ?? (() => new Date());
  if (opts.dryRun) {
    const file = (await resolveOwnFile(path, opts.follow ?? 'owned')) ?? path;
    // Stryker disable next-line StringLiteral: equivalent, `file` is already where a link led, so no policy follows anything further
    const current = await readOwnFile(file, 'never');
    const next = change(decoded(path, current, opts));
    const changed = next !== undefined && !(current && current.equals(toBuffer(next)));
    return { path, changed, backup: changed && current ? backupName(file, now()) : undefined };
  }
  return withLockedFiles([{ path, opts }], async ([file]) => {
    const next = change(decoded(path, await file!.read(), opts));
    return next === undefined ? { path, changed: false, backup: undefined } : file!.write(next);
  });
}

function decoded(path: string, bytes: Buffer | undefined, opts: SafeWriteOptions): string | undefined {
  if (bytes === undefined || !opts.strict) return bytes?.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserError(`${path} is not UTF-8 text; it was left unchanged`, { hint: `Save ${path} as UTF-8, then run the command again.` });
  }
}

/** A file held under its lock (inside withLockedFiles): what it holds now, and the only ways to change it. */
export interface LockedFile {
  /** As the caller named it. */
  readonly path: string;
  /** The file written: a symlinked dotfile's target. */
  readonly file: string;
  /** Its bytes now, refusing a link or pipe swapped in since; undefined when there is no file. */
  read(): Promise<Buffer | undefined>;
  /** Atomic replace (backup, temp file, fsync, rename); nothing happens when it already holds `content`. */
  write(content: string | Uint8Array): Promise<SafeWriteResult>;
  remove(): Promise<void>;
}

export interface LockTarget {
  path: string;
  opts?: Omit<SafeWriteOptions, 'dryRun'>;
}

/**
 * Runs `fn` holding the locks of all `targets`, so that it computes each new content from what
 * it reads under them (the one rule for every read-modify-write of a shared file: text read
 * before the lock may already be stale, and writing it would undo another run's write). Several
 * files (migrate and restore change ~/.aws/config and ~/.aws/credentials together) are locked
 * in one fixed order, sorted by path, so two runs that need the same pair never deadlock.
 */
export async function withLockedFiles<T>(targets: readonly LockTarget[], fn: (files: LockedFile[]) => Promise<T>): Promise<T> {
  const files: LockedFile[] = [];
  for (const { path, opts = {} } of targets) {
    // A symlinked dotfile (kept in a repository) is written where it points: renaming over the
    // link itself would silently cut it loose from the user's dotfiles. Our own files never.
    const file = (await resolveOwnFile(path, opts.follow ?? 'owned').catch((error: unknown) => Promise.reject(explained(error, path)))) ?? path;
    // Before any folder, lock, backup or temp file is made (src/platform/root-home.ts).
    refuseOthersPlace(file);
    await ensureDir(dirname(file), opts.dirMode ?? 0o700).catch((error: unknown) => Promise.reject(explained(error, path)));
    files.push(lockedFile(path, file, opts));
  }
  const order = [...new Set(files.map((f) => f.file))].sort();
  const holding = async (i: number): Promise<T> => {
    if (i === order.length) return fn(files);
    return withFileLock(order[i]!, async () => {
      await removeLeftovers(order[i]!);
      await removeDeadWritersTemps(dirname(order[i]!));
      return holding(i + 1);
    });
  };
  return holding(0);
}

function lockedFile(path: string, file: string, opts: Omit<SafeWriteOptions, 'dryRun'>): LockedFile {
  const now = opts.now ?? (() => new Date());
  const dir = dirname(file);
  const guarded = <A extends unknown[], R>(op: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await op(...args);
    } catch (error) {
      throw explained(error, path);
    }
  };
  return {
    path,
    file,
    read: guarded(() => readOwnFile(file, 'never')),
    remove: guarded(async () => {
      await rm(file, { force: true });
      await syncDir(dir);
    }),
    write: guarded(async (content: string | Uint8Array): Promise<SafeWriteResult> => {
      const current = await readOwnFile(file, 'never');
      const data = toBuffer(content);
      if (current && current.equals(data)) return { path, changed: false, backup: undefined };
      const existing = current ? await lstat(file) : undefined;
      const mode = opts.mode ?? (existing ? existing.mode & 0o777 : 0o600);
      let backup: string | undefined;
      // A second write by this run over its own first one backs up nothing new: the first backup
      // already holds what was there before us (setup edits ~/.bashrc twice; login, the config).
      if (current && opts.backup !== false && !ourLastWrite(file, current)) {
        backup = await freeBackupName(file, now());
        // Copied under a temporary name and renamed, so a kill mid-copy never leaves a partial backup.
        const copying = join(dir, `.${basename(backup)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
        await copyFile(file, copying, constants.COPYFILE_EXCL);
        await chmod(copying, 0o600);
        await rename(copying, backup);
        await pruneBackups(file, opts.keepBackups ?? keptBackups());
      }
      const tmp = join(dir, `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        const handle = await open(tmp, 'wx', mode);
        try {
          await handle.writeFile(data);
          await handle.sync();
          // A rewrite keeps the file's owner and group (root rewriting a user's file must not
          // make it root's); a non-root user may only keep a group they are in, so best effort.
          if (existing) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
        } finally {
          await handle.close();
        }
        await chmod(tmp, mode);
        await rename(tmp, file);
        writtenByUs.set(file, digest(data));
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      await syncDir(dir);
      return { path, changed: true, backup };
    }),
  };
}

/**
 * Creates `dir` and any missing parents with exactly `mode` (mkdir's mode passes through the
 * umask: under umask 000 ~/.local/bin came out 0777, letting anyone replace duo-sso). Folders
 * that exist keep their mode. Returns the first folder created, if any.
 */
export async function ensureDir(dir: string, mode: number): Promise<string | undefined> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const info = await stat(d).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info) break;
    missing.unshift(d);
    // Stryker disable next-line all: equivalent, the root always exists, so stat() ends the walk there before this test can matter
    if (d === parse(d).root || dirname(d) === d) break;
  }
  // As root, never a folder of ours inside another user's place.
  if (missing.length > 0) refuseOthersPlace(missing[0]!);
  for (const d of missing) {
    try {
      await mkdir(d, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await chmod(d, mode);
  }
  // Like mkdir's recursive answer: the first folder made, so a caller can undo what it made.
  return missing[0];
}

/**
 * Two writes of one file within a millisecond (login fixing two profiles in a row) would get
 * the same name, and the second backup would replace the first: the later free millisecond is
 * taken instead, which keeps the names in write order.
 */
async function freeBackupName(file: string, at: Date): Promise<string> {
  let t = at.getTime();
  while (
    await lstat(backupName(file, new Date(t))).then(
      () => true,
      // Stryker disable next-line ArrowFunction: equivalent, undefined ends the loop as false does
      () => false,
    )
  ) t++;
  return backupName(file, new Date(t));
}

/**
 * Temporary files of this file (its next content, or a backup being copied) left by a writer
 * that was killed. Every writer holds the lock while one exists, so under the lock they are all
 * stale; a left-over copy of ~/.aws/credentials may hold keys, so it must not stay behind.
 */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up name in an unreadable folder's place is not a temporary name either
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.includes('.tmp-')) await rm(join(dirname(file), name), { force: true });
  }
}

/** Our temporary names: `.NAME.tmp-PID-HEX8` (the next content, or a backup being copied). */
const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

/** False only when no process `pid` exists (ESRCH); another user's process (EPERM) is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Temporary files of *any* file in `dir` whose writer was killed (kill -9, a crash): the next
 * write of that same file would remove them, but it may never come, and a copy of
 * ~/.aws/credentials holds keys. Only names of ours, regular files of our own user, and only
 * when the process named in them is gone: a live writer's file is its own business.
 */
async function removeDeadWritersTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    // alive() answers true for our own pid, for 0 (our process group) and for a number too large
    // to be a pid (kill() refuses it), so only a file whose writer is gone is swept.
    if (alive(Number(match[1]))) continue;
    const info = await lstat(join(dir, name)).catch(() => undefined);
    if (info?.isFile() && info.uid === (euid() ?? info.uid)) await rm(join(dir, name), { force: true });
  }
}

function toBuffer(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

/** What this process last wrote to each file: the same bytes found there again are ours, not the user's. */
const writtenByUs = new Map<string, string>();
const digest = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
function ourLastWrite(file: string, current: Buffer): boolean {
  return writtenByUs.get(file) === digest(current);
}

export const DEFAULT_KEPT_BACKUPS = 5;
/** How many backups each file keeps: DUO_SSO_SETUP_KEEP_BACKUPS (1–100), else 5 (docs/backups.md). */
export function keptBackups(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DUO_SSO_SETUP_KEEP_BACKUPS);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : DEFAULT_KEPT_BACKUPS;
}

async function pruneBackups(path: string, keep: number): Promise<void> {
  const backups = await listBackups(path);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, under the file's lock nobody else prunes its backups between our listing and rm
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) await rm(old, { force: true });
}

/** Makes the rename durable. Not possible (nor needed) on Windows. */
// Stryker disable all: equivalent for every test, an fsync of the folder only matters across a power cut
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
// Stryker restore all
