// The one place that turns a file system refusal into words: which path, why (read-only,
// full, no permission, a file where a folder should be), and a fix that can work there (no
// chmod advice for a read-only file system). Used by the error printer for any errno error
// that reaches it, and by the doctor's HOME check. Only a failure none of these explain is
// left to be reported as a bug.
import { constants } from 'node:fs';
import { access, lstat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';

export const FS_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'ENOENT'] as const;
export type FsCode = (typeof FS_CODES)[number];

export interface FsProblem {
  code: FsCode;
  /** The path the problem is really about (e.g. the read-only folder, not the file below it). */
  path: string;
  /** In words, one line. */
  cause: string;
  /** What to do; always something that can work for this cause. */
  fix: string;
}

function user(): string {
  try {
    return userInfo().username;
  } catch {
    return '$USER';
  }
}

/** Words and a fix for a code at a path. Pure. */
export function describeFsProblem(code: FsCode, path: string, who = user()): FsProblem {
  const words = ((): Omit<FsProblem, 'code' | 'path'> => {
    switch (code) {
      case 'EROFS': return { cause: 'it is on a read-only file system', fix: 'Permissions cannot change that: remount it read-write, or set HOME (or --config) to a folder on a writable file system.' };
      case 'EACCES':
      case 'EPERM': return { cause: `permission denied for ${who}`, fix: `See who owns it with \`ls -ld ${path}\`; give it back to ${who} (sudo chown ${who} ${path}) or set HOME to your own folder.` };
      case 'ENOSPC': return { cause: 'no space is left on its file system', fix: `Free some space there (\`df -h ${path}\` shows how much is left), then run the command again.` };
      case 'EDQUOT': return { cause: 'your disk quota on its file system is used up', fix: 'Delete files you no longer need there (`quota -s` shows your limit), then run the command again.' };
      case 'ENOTDIR': return { cause: 'it is a file where a folder is needed', fix: `Move it aside (mv ${path} ${path}.old), or set HOME to your home folder.` };
      case 'EISDIR': return { cause: 'it is a folder where a file is needed', fix: `Move the folder aside (mv ${path} ${path}.old), then run the command again.` };
      case 'ENOENT': return { cause: 'it does not exist', fix: 'Check the path, or create the folder it should be in.' };
    }
  })();
  return { code, path, ...words };
}

function errno(error: unknown): { code: FsCode; path: string } | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!e || typeof e.code !== 'string' || typeof e.path !== 'string') return undefined;
  // mkdir of a folder where a file already is: the file is in the way.
  if (e.code === 'EEXIST' && e.syscall === 'mkdir') return { code: 'ENOTDIR', path: e.path };
  // copyfile, rename and link name the source as `path`: a full or read-only target is `dest`.
  const path = (e as { dest?: unknown }).dest;
  return (FS_CODES as readonly string[]).includes(e.code) ? { code: e.code as FsCode, path: typeof path === 'string' && e.code !== 'ENOENT' ? path : e.path } : undefined;
}

/**
 * The real cause behind a refusal. Node's recursive mkdir reports ENOENT when a folder above
 * cannot be written (a read-only HOME), and ENOTDIR names the whole path, not the file in
 * the way: look at the nearest existing folder above to say what is really wrong.
 */
export async function diagnose(code: FsCode, path: string): Promise<FsProblem> {
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return describeFsProblem(code, path);
  for (let p = path; ; p = dirname(p)) {
    const info = await lstat(p).catch(() => undefined);
    if (info) {
      if (!info.isDirectory() && (p !== path || code === 'ENOTDIR')) return describeFsProblem('ENOTDIR', p);
      if (p === path) return describeFsProblem(code, path);
      const refused = await access(p, constants.W_OK).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
      if (refused === 'EROFS' || refused === 'EACCES' || refused === 'EPERM') return describeFsProblem(refused, p);
      return describeFsProblem(code, path);
    }
    if (dirname(p) === p) return describeFsProblem(code, path);
  }
}

/** A user error for a file system refusal, or undefined when `error` is not one. */
export async function fsUserError(error: unknown): Promise<UserError | undefined> {
  const e = errno(error);
  if (!e) return undefined;
  const problem = await diagnose(e.code, e.path);
  return new UserError(`${problem.path}: ${problem.cause}`, { hint: problem.fix });
}
