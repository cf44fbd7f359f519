// The one way to read a file we own or were asked to edit: never blocks on a named pipe or
// reads a device for ever (a FIFO planted at state.json or ~/.aws/credentials hung
// credential-process, status and doctor), and never follows a symlink unless the caller says
// the path is a user dotfile and the link leads to a regular file owned by the same user.
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readFileSync, writeSync, type Stats } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';

/**
 * How a symlink at the path is treated.
 * - 'never': our private files (state.json, locks, backups, duo-sso's config.json): a link is refused.
 * - 'owned': a user's dotfile (~/.aws/*, shell profiles) kept in a repository: followed when the
 *   link and its target belong to the same user (and to us, unless we are root), else refused.
 */
export type LinkPolicy = 'never' | 'owned';

export class UnsafeFileError extends Error {
  readonly code = 'EUNSAFE';
  constructor(readonly path: string, readonly why: string) {
    super(why);
    this.name = 'UnsafeFileError';
  }
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export function describeKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const euid = (): number | undefined => (typeof process.geteuid === 'function' ? process.geteuid() : undefined);

/**
 * Where reading or writing `path` really happens: the path itself, or (policy 'owned') the
 * target of a symlink we may follow. Undefined when nothing exists there. Throws
 * UnsafeFileError for a link we must not follow or anything that is not a regular file.
 */
export async function resolveOwnFile(path: string, policy: LinkPolicy): Promise<string | undefined> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return undefined;
  if (info.isSymbolicLink()) {
    if (policy === 'never') throw new UnsafeFileError(path, 'it is a symbolic link, and duo-sso-setup never reads or writes this file through a link');
    const target = await realpath(path).catch(() => undefined);
    const to = target ? await stat(target).catch(() => undefined) : undefined;
    // Stryker disable next-line LogicalOperator: equivalent, realpath() answers only for a path that exists, so target and to are there or missing together
    if (!target || !to) throw new UnsafeFileError(path, 'it is a symbolic link to nothing');
    if (!to.isFile()) throw new UnsafeFileError(path, `it is a symbolic link to ${describeKind(to)}`);
    const me = euid();
    // A link planted by someone else (or leading to someone else's file) must not make us
    // write there: both ends belong to one user, and that user is us unless we are root.
    if (me !== undefined && (info.uid !== to.uid || (me !== 0 && to.uid !== me))) {
      throw new UnsafeFileError(path, `it is a symbolic link to ${target}, which belongs to another user`);
    }
    return target;
  }
  // A folder keeps the errno callers already explain ("move the folder aside").
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, '${path}'`), { code: 'EISDIR', path });
  if (!info.isFile()) throw new UnsafeFileError(path, `it is ${describeKind(info)}, not a regular file`);
  return path;
}

/**
 * Reads a regular file; undefined when it does not exist. The final open is O_NOFOLLOW and
 * O_NONBLOCK and checked with fstat, so a file swapped for a link or pipe after the check
 * is refused too.
 */
export async function readOwnFile(path: string, policy: LinkPolicy = 'never'): Promise<Buffer | undefined> {
  const real = await resolveOwnFile(path, policy);
  if (real === undefined) return undefined;
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw new UnsafeFileError(path, 'it became a symbolic link while being read');
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnsafeFileError(path, `it is ${describeKind(info)}, not a regular file`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function readOwnText(path: string, policy: LinkPolicy = 'never'): Promise<string | undefined> {
  return (await readOwnFile(path, policy))?.toString('utf8');
}

/**
 * The synchronous reader for one-shot fast paths (credential-process): the same refusals, no
 * symlink followed at all. Undefined when missing; throws UnsafeFileError for a link, pipe, device.
 */
export function readOwnFileSync(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw new UnsafeFileError(path, 'it is a symbolic link, and duo-sso-setup never reads this file through a link');
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafeFileError(path, `it is ${describeKind(info)}, not a regular file`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readOwnTextSync(path: string): string | undefined {
  return readOwnFileSync(path)?.toString('utf8');
}

/**
 * What the user reads when one of our own files is a trap (a pipe, a link, a device): which
 * file, what it is, and the fix. Nothing of ours belongs there but a regular file.
 */
export function ownFileRefusal(error: UnsafeFileError): string {
  return `${error.path}: ${error.why}; duo-sso-setup keeps its own data there and will not use it: remove it (rm '${error.path.replace(/'/g, "'\\''")}') and run the command again`;
}

/**
 * Writes a small file of ours (a marker) in place, synchronously: never through a link (the
 * open is O_NOFOLLOW, so a link planted at the name does not make us overwrite its target),
 * never blocking on a pipe (O_NONBLOCK: a pipe without a reader fails with ENXIO), and only
 * into a regular file (fstat after open, before anything is truncated or written).
 */
export function writeOwnFileSync(path: string, data: string | Uint8Array, mode = 0o600): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | NONBLOCK, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UnsafeFileError(path, 'it is a symbolic link, and duo-sso-setup never writes this file through a link');
    if (code === 'ENXIO') throw new UnsafeFileError(path, 'it is a named pipe, not a regular file');
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafeFileError(path, `it is ${describeKind(info)}, not a regular file`);
    ftruncateSync(fd, 0);
    // Stryker disable next-line StringLiteral: equivalent, Buffer.from(text, '') reads it as UTF-8 too
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, at);
  } finally {
    closeSync(fd);
  }
}

/** A shell profile or dotfile we may edit, for a "is the line there" test: '' when missing or unsafe (the write refuses it by name). */
export async function readProfileText(path: string): Promise<string> {
  return readOwnText(path, 'owned').then((t) => t ?? '', () => '');
}
