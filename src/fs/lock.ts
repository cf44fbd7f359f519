// Exclusive lock files beside the files we rewrite (`X.lock`), safe against crashes and races:
//
// - A lock is created complete, in one step: our identity goes into a private file that is
//   hard-linked into place (EEXIST when taken), so a kill at any moment never leaves a lock
//   without an owner.
// - A lock is stale only when its owner is verifiably gone: its pid is dead on this host, or
//   the pid now belongs to a process that started later (pid reuse). A live owner is never
//   broken, however long it holds the lock (a gpg prompt may take minutes).
// - Breaking a stale lock is itself exclusive: the lock file's name is reused, so "read it,
//   see it is stale, remove it" could remove a fresh lock another process made in between
//   (two runs both breaking one stale lock lost 13 of 200 updates). Each lock carries a unique
//   token; only the process that creates `X.lock.break-TOKEN` (O_EXCL) may remove the lock
//   instance with that token, and removes it only after reading the token again. A breaker
//   killed inside that section leaves a guard that is itself a lock, broken the same way.
// - Released on every exit path: `finally`, and a synchronous process 'exit' hook for a
//   process.exit() (Ctrl-C) that skips `finally`. kill -9 leaves a lock whose pid is dead.
// - Our own leftovers (`X.lock.PID-RAND` private files and guards of processes that are gone)
//   are removed by the next process that holds the lock.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { link, open, readdir, rm, lstat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { describeKind, UnsafeFileError } from './safe-read.js';

const LOCK_WAIT_MS = 15_000;
/** A lock file we cannot parse (a half-written one on a filesystem without hard links, junk) counts as stale after this long. */
const UNREADABLE_STALE_MS = 10_000;
/** Guards of guards: more than this many breakers killed in a row is not a race, it is a bug. */
const MAX_BREAK_DEPTH = 4;

export interface LockOwner {
  pid: number;
  /** When the process started (Linux: clock ticks since boot from /proc), to tell a reused pid. */
  start?: string;
  host?: string;
  /** Unique per lock instance. */
  token: string;
}

interface Observed {
  owner: LockOwner | undefined;
  /** Identity of this instance: the owner's token, or derived from the file for one we cannot parse. */
  token: string;
  mtimeMs: number;
  /** A link, pipe or device at the lock's name: never a lock we made (we make regular files), so refused by name. */
  unsafe?: string;
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** This process's start time as the kernel tells it, so a later process with our pid is told apart. */
export function processStart(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counted after the command name, which may hold spaces and ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch /* Stryker disable next-line BlockStatement: equivalent, an empty catch returns undefined too */ {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is this process gone (or its pid now used by a different process)? Unknowable for another host: no. */
export function ownerGone(owner: Pick<LockOwner, 'pid' | 'start' | 'host'>): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return false;
  if (!pidAlive(owner.pid)) return true;
  if (owner.start === undefined) return false;
  const now = processStart(owner.pid);
  return now !== undefined && now !== owner.start;
}

export function serialiseOwner(owner: LockOwner): string {
  return `${JSON.stringify(owner)}\n`;
}

/** Our format, or an older version's bare pid. */
export function parseOwner(text: string): Omit<LockOwner, 'token'> & { token?: string } | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t) };
  try {
    const v = JSON.parse(t) as Partial<LockOwner>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.token === 'string' && /^[0-9a-f]{8,64}$/.test(v.token)) {
      return { pid: v.pid, token: v.token, ...(typeof v.start === 'string' ? { start: v.start } : {}), ...(typeof v.host === 'string' ? { host: v.host } : {}) };
    }
  } catch {
    // not ours
  }
  return undefined;
}

/** Reads a lock without following a link or blocking on a pipe planted in its place. */
function readLockSync(path: string): Observed | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (error) {
    // Stryker disable next-line StringLiteral: equivalent, for a missing lock the lstat below answers undefined too
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const unsafe = (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is a symbolic link, not a lock duo-sso-setup made' : undefined;
    // A symlink (ELOOP) or something we may not read: judged by its age alone.
    const info = (() => {
      try {
        return lstatSync(path);
      } catch /* Stryker disable next-line BlockStatement: equivalent, an empty catch returns undefined too */ {
        return undefined;
      }
    })();
    if (!info) return undefined;
    // Stryker disable next-line ConditionalExpression: equivalent, an unsafe key holding undefined is no reason
    return { owner: undefined, token: `u${info.ino}m${Math.floor(info.mtimeMs)}`, mtimeMs: info.mtimeMs, ...(unsafe ? { unsafe } : {}) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) {
      const unsafe = `it is ${describeKind(info)}, not a lock duo-sso-setup made`;
      // Stryker disable next-line StringLiteral: equivalent, a lock refused by name is never broken, so its token is never used
      return { owner: undefined, token: `k${info.ino}`, mtimeMs: info.mtimeMs, unsafe };
    }
    // Stryker disable next-line MethodExpression: equivalent, a lock line is far shorter than 4096 bytes, so reading all of a longer file changes nothing
    const buf = Buffer.alloc(Math.min(info.size, 4096));
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    const parsed = parseOwner(text);
    if (parsed?.token) return { owner: parsed as LockOwner, token: parsed.token, mtimeMs: info.mtimeMs };
    // An older version's bare pid, or junk: the inode and content name this instance.
    // Stryker disable next-line LogicalOperator,ConditionalExpression,StringLiteral: equivalent, any token that stays the same while the file does names this instance
    const digest = Buffer.from(text).toString('hex').slice(0, 12) || 'empty';
    // Stryker disable next-line StringLiteral: equivalent, a bare pid's owner token is never read (the instance's token is below)
    const owner = parsed ? { ...parsed, token: '' } : undefined;
    return { owner, token: `l${info.ino}-${digest}`, mtimeMs: info.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

function isStale(seen: Observed, now = Date.now()): boolean {
  if (seen.owner) return ownerGone(seen.owner);
  return now - seen.mtimeMs > UNREADABLE_STALE_MS;
}

/** Locks (and guards) this process holds, released by the exit hook if `finally` never runs. */
const held = new Map<string, string>();
let hooked = false;

function releaseSync(path: string, token: string): void {
  const seen = readLockSync(path);
  if (seen?.token === token) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  held.delete(path);
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const [path, token] of [...held]) releaseSync(path, token);
  });
}

function me(): LockOwner {
  const start = processStart(process.pid);
  // Stryker disable next-line ConditionalExpression: equivalent, JSON.stringify leaves an undefined start out anyway
  return { pid: process.pid, ...(start ? { start } : {}), host: hostname(), token: randomBytes(8).toString('hex') };
}

/** Creates `path` holding `owner`, complete or not at all. EEXIST when it is taken. */
async function createExclusive(path: string, owner: LockOwner): Promise<void> {
  const mine = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  // 'wx' is O_CREAT|O_EXCL: a planted symlink at this name fails instead of being followed.
  const handle = await open(mine, 'wx', 0o600);
  try {
    await handle.writeFile(serialiseOwner(owner));
  } finally {
    await handle.close();
  }
  try {
    await link(mine, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A filesystem without hard links: create and fill it in two steps (a reader of the
    // half-written file waits UNREADABLE_STALE_MS before calling it stale).
    const h = await open(path, 'wx', 0o600);
    try {
      await h.writeFile(serialiseOwner(owner));
    } finally {
      await h.close();
    }
  } finally {
    await rm(mine, { force: true });
  }
}

/**
 * Removes the lock instance `seen` at `path`, if we win the right to: see the header. Returns
 * without doing anything when another process is breaking it (the caller just tries again).
 */
async function breakStale(path: string, seen: Observed, depth: number): Promise<void> {
  if (depth > MAX_BREAK_DEPTH) throw new Error(`too many stale lock guards at ${path}`);
  const guard = `${path}.break-${seen.token}`;
  const owner = me();
  try {
    await createExclusive(guard, owner);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const g = readLockSync(guard);
    if (g && isStale(g)) await breakStale(guard, g, depth + 1);
    return;
  }
  held.set(guard, owner.token);
  hookExit();
  try {
    // Under the guard nobody else may remove this instance, so if the token still matches,
    // the file at `path` is the very one we judged stale.
    const again = readLockSync(path);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, under its guard nobody else removes the instance with this token between our read and rm
    if (again && again.token === seen.token && isStale(again)) await rm(path, { force: true });
  } finally {
    releaseSync(guard, owner.token);
  }
}

/** Removes our leftovers beside `lock`: private files and guards whose process is gone. */
async function removeLeftovers(lock: string): Promise<void> {
  const dir = dirname(lock);
  const prefix = `${basename(lock)}.`;
  // Stryker disable next-line ArrayDeclaration,ArrowFunction: equivalent, only for an unreadable folder, and withFileLock ignores a failed cleanup
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dir, name);
    const priv = /\.(\d+)-[0-9a-f]{8}$/.exec(name);
    if (priv) {
      // A private file is made and removed within one call: one whose maker is gone, or older
      // than the process that now has that pid, is a leftover.
      const pid = Number(priv[1]);
      const info = await lstat(path).catch(() => undefined);
      if (info && (pid === process.pid ? false : !pidAlive(pid) || startedAfter(pid, info.mtimeMs))) {
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, under the lock nobody else removes a gone process's leftover between our lstat and rm
        await rm(path, { force: true });
      }
    } else if (/\.break-[0-9a-z-]+$/.test(name)) {
      const seen = readLockSync(path);
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, under the lock nobody else removes a gone breaker's guard between our read and rm
      if (seen && isStale(seen)) await rm(path, { force: true });
    }
  }
}

/** Did the process with this pid start after `ms` (so a file from then is not its own)? */
function startedAfter(pid: number, ms: number): boolean {
  const start = processStart(pid);
  if (start === undefined) return false;
  try {
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Clock ticks are 100 per second on every Linux we run on; one second of slack.
    return Number.isFinite(btime) && (btime + Number(start) / 100) * 1000 > ms + 1000;
    // Stryker disable next-line BlockStatement: equivalent, /proc/stat is always readable where processStart answered
  } catch {
    // Stryker disable next-line BooleanLiteral: equivalent, /proc/stat is always readable where processStart answered
    return false;
  }
}

/** Runs `fn` holding an exclusive lock file beside `path` (`path.lock`), so two runs cannot interleave. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const owner = await acquire(lock, path);
  try {
    await removeLeftovers(lock).catch(() => undefined);
    return await fn();
  } finally {
    releaseSync(lock, owner.token);
  }
}

async function acquire(lock: string, path: string): Promise<LockOwner> {
  const owner = me();
  const started = Date.now();
  let wait = 20;
  for (;;) {
    try {
      await createExclusive(lock, owner);
      held.set(lock, owner.token);
      hookExit();
      return owner;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = readLockSync(lock);
    if (!seen) continue;
    if (seen.unsafe) throw new UnsafeFileError(lock, seen.unsafe);
    if (isStale(seen)) {
      await breakStale(lock, seen, 0);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      const pid = seen.owner?.pid;
      const where = seen.owner?.host && seen.owner.host !== hostname() ? ` on ${seen.owner.host}` : '';
      throw new UserError(`${path} is locked by another duo-sso-setup process (pid ${pid ?? 'unknown'}${where})`, {
        hint: `Wait for it to finish and run the command again; if none is running: rm ${lock}`,
      });
    }
    // Stryker disable next-line ArithmeticOperator: pacing only, how long a waiter sleeps changes when, not whether, it gets the lock
    await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    // Stryker disable next-line MethodExpression,ArithmeticOperator: pacing only, how long a waiter sleeps changes when, not whether, it gets the lock
    wait = Math.min(wait * 2, 200);
  }
}

/** For tests and doctor: the locks this process holds now. */
export function heldLocks(): string[] {
  return [...held.keys()];
}
