// The one reader of our own files and the user's dotfiles, against real files in a temp dir:
// what each kind of path reads as (missing, regular, link, pipe, socket, device, folder), the
// exact refusal a user sees, and that nothing blocks or is read through a link it must not follow.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { chmod, lchown, chown, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeKind, readOwnFile, readOwnFileSync, readOwnText, readOwnTextSync, readProfileText, resolveOwnFile, UnsafeFileError, writeOwnFileSync,
} from '../../src/fs/safe-read.js';

const isRoot = process.geteuid?.() === 0;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safe-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(run: () => Promise<unknown>): Promise<UnsafeFileError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UnsafeFileError);
  return error as UnsafeFileError;
}
function refusalSync(run: () => unknown): UnsafeFileError {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UnsafeFileError);
  return error as UnsafeFileError;
}
async function fifo(name: string): Promise<string> {
  const p = join(dir, name);
  execFileSync('mkfifo', [p]);
  return p;
}
async function listening(p: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(p, done));
  return server;
}

describe('a regular file', () => {
  it('reads its exact bytes, sync and async, and as UTF-8 text', async () => {
    const p = join(dir, 'credentials');
    const bytes = Buffer.from('[default]\naws_access_key_id = é\n\u0000\xff', 'latin1');
    await writeFile(p, bytes);
    expect(await readOwnFile(p)).toEqual(bytes);
    expect(readOwnFileSync(p)).toEqual(bytes);
    await writeFile(p, 'région = eu\n');
    expect(await readOwnText(p)).toBe('région = eu\n');
    expect(readOwnTextSync(p)).toBe('région = eu\n');
    expect(await readOwnText(p, 'owned')).toBe('région = eu\n');
    expect(await resolveOwnFile(p, 'never')).toBe(p);
  });

  it('reads a large file whole (several MiB) and an empty one as empty', async () => {
    const p = join(dir, 'big');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7, 0);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    await writeFile(p, bytes);
    expect((await readOwnFile(p))!.equals(bytes)).toBe(true);
    expect(readOwnFileSync(p)!.equals(bytes)).toBe(true);
    await writeFile(p, '');
    expect(await readOwnText(p)).toBe('');
    expect(readOwnTextSync(p)).toBe('');
  });

  it('a missing file, or one under a file, is undefined (and "" for a profile)', async () => {
    const missing = join(dir, 'missing');
    expect(await readOwnFile(missing)).toBeUndefined();
    expect(await readOwnText(missing)).toBeUndefined();
    expect(await resolveOwnFile(missing, 'owned')).toBeUndefined();
    expect(readOwnFileSync(missing)).toBeUndefined();
    expect(readOwnTextSync(missing)).toBeUndefined();
    expect(await readProfileText(missing)).toBe('');
    await writeFile(join(dir, 'file'), 'x');
    expect(readOwnFileSync(join(dir, 'file', 'under'))).toBeUndefined();
  });

  it('a file under a file is an error with its errno (async), not undefined', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(readOwnFile(join(dir, 'file', 'under'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.skipIf(isRoot)('an unreadable file is an error with its errno, not undefined', async () => {
    const p = join(dir, 'secret');
    await writeFile(p, 'x');
    await chmod(p, 0o000);
    await expect(readOwnFile(p)).rejects.toMatchObject({ code: 'EACCES' });
    expect(() => readOwnFileSync(p)).toThrow(expect.objectContaining({ code: 'EACCES' }));
  });

  it('a name too long for the filesystem is an error with its errno, reading and writing', async () => {
    const p = join(dir, 'x'.repeat(300));
    await expect(readOwnFile(p)).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
    expect(() => readOwnFileSync(p)).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
    expect(() => writeOwnFileSync(p, 'x')).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
    expect(await readProfileText(p)).toBe('');
  });
});

describe('things that are not regular files are refused at once, by name', () => {
  it('a named pipe (no writer needed: never blocks)', async () => {
    const p = await fifo('state.json');
    const t0 = Date.now();
    const e = await refusal(() => readOwnFile(p));
    expect(e.path).toBe(p);
    expect(e.why).toBe('it is a named pipe, not a regular file');
    expect(e.message).toBe('it is a named pipe, not a regular file');
    expect(e.code).toBe('EUNSAFE');
    expect(e.name).toBe('UnsafeFileError');
    expect(refusalSync(() => readOwnFileSync(p)).why).toBe('it is a named pipe, not a regular file');
    expect(await readProfileText(p)).toBe('');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a socket and a device', async () => {
    const sock = join(dir, 'sock');
    const server = await listening(sock);
    try {
      expect((await refusal(() => readOwnFile(sock))).why).toBe('it is a socket, not a regular file');
      expect(describeKind(lstatSync(sock))).toBe('a socket');
    } finally {
      server.close();
    }
    expect((await refusal(() => readOwnFile('/dev/null'))).why).toBe('it is a device, not a regular file');
    expect(refusalSync(() => readOwnFileSync('/dev/null')).why).toBe('it is a device, not a regular file');
    expect(refusalSync(() => readOwnFileSync('/dev/zero')).why).toBe('it is a device, not a regular file');
    expect(describeKind(statSync('/dev/null'))).toBe('a device');
  });

  it('a folder keeps EISDIR (async) and is "a folder" to the sync reader', async () => {
    const folder = join(dir, 'config.json');
    await mkdir(folder);
    const e = await readOwnFile(folder).then(() => undefined, (x: NodeJS.ErrnoException) => x);
    expect(e).not.toBeInstanceOf(UnsafeFileError);
    expect(e).toMatchObject({ code: 'EISDIR', path: folder, message: `EISDIR: illegal operation on a directory, '${folder}'` });
    expect(refusalSync(() => readOwnFileSync(folder)).why).toBe('it is a folder, not a regular file');
    expect(describeKind(statSync(folder))).toBe('a folder');
  });

  it.skipIf(!existsSync('/dev/loop0'))('a block device is a device too', () => {
    expect(describeKind(statSync('/dev/loop0'))).toBe('a device');
    expect(refusalSync(() => readOwnFileSync('/dev/loop0')).why).toBe('it is a device, not a regular file');
  });

  it('describeKind has a last word for a kind it does not name', async () => {
    await writeFile(join(dir, 'plain'), '');
    expect(describeKind(statSync(join(dir, 'plain')))).toBe('not a regular file');
  });

  it('describeKind names a link seen by lstat', async () => {
    const link = join(dir, 'link');
    await symlink('/nowhere', link);
    expect(describeKind(lstatSync(link))).toBe('a symbolic link');
  });
});

describe('symbolic links', () => {
  it("policy 'never' (the default) refuses a link to a regular file without reading it", async () => {
    const target = join(dir, 'target');
    await writeFile(target, 'secret\n');
    const link = join(dir, 'state.json');
    await symlink(target, link);
    for (const read of [() => readOwnFile(link), () => readOwnText(link, 'never'), () => resolveOwnFile(link, 'never')]) {
      const e = await refusal(read);
      expect(e.path).toBe(link);
      expect(e.why).toBe('it is a symbolic link, and duo-sso-setup never reads or writes this file through a link');
    }
    expect(refusalSync(() => readOwnFileSync(link)).why).toBe('it is a symbolic link, and duo-sso-setup never reads this file through a link');
    expect(refusalSync(() => readOwnTextSync(link)).path).toBe(link);
  });

  it("policy 'owned' follows a link (and a chain) to a regular file of the same owner, to its real path", async () => {
    const real = join(dir, 'dotfiles', 'credentials');
    await mkdir(join(dir, 'dotfiles'));
    await writeFile(real, '[default]\n');
    const link = join(dir, 'credentials');
    await symlink(real, link);
    const chain = join(dir, 'chain');
    await symlink(link, chain);
    expect(await resolveOwnFile(link, 'owned')).toBe(real);
    expect(await resolveOwnFile(chain, 'owned')).toBe(real);
    expect(await readOwnText(link, 'owned')).toBe('[default]\n');
    expect(await readOwnText(chain, 'owned')).toBe('[default]\n');
    expect(await readProfileText(link)).toBe('[default]\n');
  });

  it("policy 'owned' refuses a dangling link, a loop, and a link to a folder, pipe or device", async () => {
    const dangling = join(dir, 'dangling');
    await symlink(join(dir, 'nowhere'), dangling);
    expect((await refusal(() => resolveOwnFile(dangling, 'owned'))).why).toBe('it is a symbolic link to nothing');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await symlink(b, a);
    await symlink(a, b);
    expect((await refusal(() => readOwnFile(a, 'owned'))).why).toBe('it is a symbolic link to nothing');
    await mkdir(join(dir, 'folder'));
    await symlink(join(dir, 'folder'), join(dir, 'to-folder'));
    expect((await refusal(() => readOwnFile(join(dir, 'to-folder'), 'owned'))).why).toBe('it is a symbolic link to a folder');
    const pipe = await fifo('pipe');
    await symlink(pipe, join(dir, 'to-pipe'));
    const t0 = Date.now();
    const e = await refusal(() => readOwnFile(join(dir, 'to-pipe'), 'owned'));
    expect(e.why).toBe('it is a symbolic link to a named pipe');
    expect(e.path).toBe(join(dir, 'to-pipe'));
    expect(Date.now() - t0).toBeLessThan(2000);
    await symlink('/dev/null', join(dir, 'to-null'));
    expect((await refusal(() => readOwnFile(join(dir, 'to-null'), 'owned'))).why).toBe('it is a symbolic link to a device');
    expect(await readProfileText(join(dir, 'to-null'))).toBe('');
  });

  it.skipIf(!isRoot)("policy 'owned' (as root): refused when the link and its target belong to different users, followed when both are one user's", async () => {
    const target = join(dir, 'credentials.real');
    await writeFile(target, 'theirs\n');
    const link = join(dir, 'credentials');
    await symlink(target, link);
    await chown(target, 4242, 4242);
    const e = await refusal(() => readOwnFile(link, 'owned'));
    expect(e.why).toBe(`it is a symbolic link to ${target}, which belongs to another user`);
    expect(e.path).toBe(link);
    expect(await readProfileText(link)).toBe('');
    // The user's own link to the user's own file: root acting for them follows it.
    await lchown(link, 4242, 4242);
    expect((await lstat(link)).uid).toBe(4242);
    expect(await readOwnText(link, 'owned')).toBe('theirs\n');
    // A link of theirs to root's file is not followed.
    await chown(target, 0, 0);
    expect((await refusal(() => readOwnFile(link, 'owned'))).why).toBe(`it is a symbolic link to ${target}, which belongs to another user`);
  });
});

describe("policy 'owned' for a user who is not root", () => {
  // The tests run as root on CI machines: the user's identity is what geteuid() says.
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function linkTo(linkUid: number, targetUid: number): Promise<[string, string]> {
    const target = join(dir, 'credentials.real');
    await writeFile(target, 'keys\n');
    const link = join(dir, 'credentials');
    await symlink(target, link);
    await chown(target, targetUid, targetUid);
    await lchown(link, linkUid, linkUid);
    return [link, target];
  }

  it.runIf(isRoot)('follows the user\'s own link to the user\'s own file', async () => {
    vi.spyOn(process, 'geteuid').mockReturnValue(1000);
    const [link, target] = await linkTo(1000, 1000);
    expect(await resolveOwnFile(link, 'owned')).toBe(target);
    expect(await readOwnText(link, 'owned')).toBe('keys\n');
  });

  it.runIf(isRoot)('refuses a link and target that are one user\'s, but not this user\'s', async () => {
    vi.spyOn(process, 'geteuid').mockReturnValue(1000);
    const [link, target] = await linkTo(4242, 4242);
    expect((await refusal(() => readOwnFile(link, 'owned'))).why).toBe(`it is a symbolic link to ${target}, which belongs to another user`);
  });

  it.runIf(isRoot)("refuses the user's link to another user's file", async () => {
    vi.spyOn(process, 'geteuid').mockReturnValue(1000);
    const [link, target] = await linkTo(1000, 0);
    expect((await refusal(() => readOwnFile(link, 'owned'))).why).toBe(`it is a symbolic link to ${target}, which belongs to another user`);
  });

  it.runIf(isRoot)('follows any link to a regular file where the platform has no user ids', async () => {
    const [link] = await linkTo(4242, 0);
    const real = process.geteuid;
    Object.defineProperty(process, 'geteuid', { value: undefined, configurable: true, writable: true });
    try {
      expect(await readOwnText(link, 'owned')).toBe('keys\n');
    } finally {
      Object.defineProperty(process, 'geteuid', { value: real, configurable: true, writable: true });
    }
  });
});

describe.runIf(process.platform === 'linux')('open files', () => {
  /** What this process has open in the test's folder (other tests' threads open other files, /dev/null among them). */
  async function openHere(): Promise<string[]> {
    const fds = await readdir('/proc/self/fd');
    expect(fds.length).toBeGreaterThan(2);
    const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
    return targets.filter((t) => t.startsWith(dir));
  }

  it('none is left open after reading, writing or refusing a pipe (a handle left to the garbage collector is a warning users see)', async () => {
    const p = join(dir, 'state.json');
    await writeFile(p, '{}');
    expect(await readOwnText(p)).toBe('{}');
    expect(readOwnTextSync(p)).toBe('{}');
    writeOwnFileSync(p, '{"a":1}');
    // Opened, then refused for what it is.
    const pipe = await fifo('pipe');
    await refusal(() => readOwnFile(pipe));
    refusalSync(() => readOwnFileSync(pipe));
    expect(await openHere()).toEqual([]);
  });
});

describe('writeOwnFileSync', () => {
  it('creates with the mode asked for (0600 by default) and writes bytes exactly, however large', async () => {
    const p = join(dir, 'marker');
    writeOwnFileSync(p, 'x');
    expect((await lstat(p)).mode & 0o777).toBe(0o600);
    const q = join(dir, 'marker-644');
    writeOwnFileSync(q, new Uint8Array([0, 1, 2, 255]), 0o640);
    expect((await lstat(q)).mode & 0o777).toBe(0o640);
    expect(await readFile(q)).toEqual(Buffer.from([0, 1, 2, 255]));
    const big = Buffer.alloc(5 * 1024 * 1024 + 3);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 13)) & 0xff;
    writeOwnFileSync(q, big);
    expect((await readFile(q)).equals(big)).toBe(true);
    writeOwnFileSync(q, 'é');
    expect(await readFile(q)).toEqual(Buffer.from('é', 'utf8'));
  });

  it('the refusals say what the path is', async () => {
    const target = join(dir, 'target');
    await writeFile(target, 'mine\n');
    await symlink(target, join(dir, 'link'));
    expect(refusalSync(() => writeOwnFileSync(join(dir, 'link'), 'x')).why).toBe('it is a symbolic link, and duo-sso-setup never writes this file through a link');
    expect(await readFile(target, 'utf8')).toBe('mine\n');
    const pipe = await fifo('pipe');
    expect(refusalSync(() => writeOwnFileSync(pipe, 'x')).why).toBe('it is a named pipe, not a regular file');
    expect(refusalSync(() => writeOwnFileSync('/dev/null', 'x')).why).toBe('it is a device, not a regular file');
    await mkdir(join(dir, 'folder'));
    expect(() => writeOwnFileSync(join(dir, 'folder'), 'x')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
