// The helpers behind "our own files are never traps" and "nothing of another user's becomes
// root's": the marker writer and the lock refuse links and pipes at once (never block, never
// write through), and the root rule finds the owner of the nearest folder that exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chown, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOwnTextSync, UnsafeFileError, writeOwnFileSync, ownFileRefusal } from '../../src/fs/safe-read.js';
import { withFileLock } from '../../src/fs/lock.js';
import { safeWrite } from '../../src/fs/safe-write.js';
import { configProfiles } from '../../src/completion/run-complete.js';
import { othersPlace, placeOwner, refuseOthersPlace, rootInOthersHome, gateApplies } from '../../src/platform/root-home.js';
import { WITHOUT_USER_FILES, commandNeedsHome } from '../../src/platform/home-rule.js';

const isRoot = process.getuid?.() === 0;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'own-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeOwnFileSync (markers)', () => {
  it('writes and rewrites a regular file, 0600, shorter content leaving no tail', async () => {
    const p = join(dir, 'renew-x.failed');
    writeOwnFileSync(p, 'a long first message');
    writeOwnFileSync(p, 'short');
    expect(await readFile(p, 'utf8')).toBe('short');
    expect((await lstat(p)).mode & 0o777).toBe(0o600);
  });

  it('refuses a link (its target untouched), a pipe (at once, no reader needed) and a folder', async () => {
    const victim = join(dir, 'victim');
    await writeFile(victim, 'mine\n');
    const link = join(dir, 'link');
    await symlink(victim, link);
    expect(() => writeOwnFileSync(link, 'x')).toThrow(UnsafeFileError);
    expect(await readFile(victim, 'utf8')).toBe('mine\n');
    const dangling = join(dir, 'dangling');
    await symlink(join(dir, 'nowhere'), dangling);
    expect(() => writeOwnFileSync(dangling, 'x')).toThrow(/symbolic link/);
    await expect(lstat(join(dir, 'nowhere'))).rejects.toThrow();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    expect(() => writeOwnFileSync(fifo, 'x')).toThrow(/named pipe/);
    expect(() => readOwnTextSync(fifo)).toThrow(/named pipe/);
    expect(Date.now() - t0).toBeLessThan(1000);
    await mkdir(join(dir, 'folder'));
    expect(() => writeOwnFileSync(join(dir, 'folder'), 'x')).toThrow();
  });

  it('the refusal names the file, what it is, and the command that removes it (quoted)', () => {
    const e = new UnsafeFileError("/h/it's.failed", 'it is a named pipe, not a regular file');
    expect(ownFileRefusal(e)).toBe("/h/it's.failed: it is a named pipe, not a regular file; duo-sso-setup keeps its own data there and will not use it: remove it (rm '/h/it'\\''s.failed') and run the command again");
  });
});

describe('completion on TAB', () => {
  it('a pipe at config.json gives no profile names at once instead of hanging the shell', async () => {
    await mkdir(join(dir, '.config', 'duo-sso'), { recursive: true });
    execFileSync('mkfifo', [join(dir, '.config', 'duo-sso', 'config.json')]);
    const t0 = Date.now();
    expect(configProfiles(['login', '--profile', ''], { HOME: dir })).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('locks that are not files', () => {
  it('a pipe or a link at a lock\'s name is refused by name at once, not waited on for 15 s', async () => {
    for (const plant of [(p: string) => execFileSync('mkfifo', [p]), (p: string) => symlink(join(dir, 'elsewhere'), p)]) {
      const target = join(dir, 'state.json');
      await rm(`${target}.lock`, { force: true });
      await plant(`${target}.lock`);
      const t0 = Date.now();
      await expect(withFileLock(target, async () => 'ran')).rejects.toMatchObject({ name: 'UnsafeFileError', path: `${target}.lock` });
      expect(Date.now() - t0).toBeLessThan(2000);
      await expect(safeWrite(target, '{}', { follow: 'never' })).rejects.toMatchObject({ message: expect.stringMatching(/state\.json\.lock: it is (a named pipe|a symbolic link), not a lock duo-sso-setup made; it was left unchanged/) });
    }
  });
});

describe('root in another user\'s place', () => {
  it('the owner of a missing path is the nearest folder that exists', async () => {
    expect(placeOwner(join(dir, 'a', 'b', 'c'))).toEqual({ path: dir, uid: process.getuid!() });
  });

  it('a user other than root is never concerned', () => {
    expect(othersPlace(dir, { uid: 1000 })).toBeUndefined();
  });

  // Needs chown, so it runs as root only (CI runs as root) and is reported as skipped otherwise.
  it.runIf(isRoot)('root is concerned only by a place that is not root\'s', async () => {
    expect(othersPlace(dir, { uid: 0 })).toBeUndefined();
    await chown(dir, 65534, 65534);
    expect(othersPlace(join(dir, 'x', 'y'), { uid: 0 })).toEqual({ path: dir, uid: 65534 });
    expect(rootInOthersHome(join(dir, 'home'), 0)?.message).toBe(`refusing to run as root with HOME=${join(dir, 'home')}: ${dir} belongs to another user (uid 65534); nothing was changed`);
  });

  it.runIf(isRoot)('safeWrite as root into another user\'s folder creates nothing: no folder, no lock, no temp file', async () => {
    await chown(dir, 65534, 65534);
    await expect(safeWrite(join(dir, 'a', 'b', 'config.json'), '{}')).rejects.toMatchObject({ message: expect.stringContaining(`${dir} belongs to another user (uid 65534)`) });
    expect(() => refuseOthersPlace(join(dir, 'f'))).toThrow(/belongs to another user/);
    expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' })).toBe('');
  });

  it('the gate lets through only what writes nothing under HOME, and doctor --user', () => {
    expect(gateApplies(['config', 'init'], {})).toBe(true);
    expect(gateApplies(['credential-process'], {})).toBe(true);
    expect(gateApplies(['doctor'], {})).toBe(true);
    expect(gateApplies(['doctor'], { user: 'ann' })).toBe(false);
    for (const c of ['troubleshoot', 'saml', 'completion']) expect(gateApplies([c], {})).toBe(false);
  });

  it('HOME unset refuses what the root gate stops, from the same list; the one difference is the doctor\'s report (it says HOME is not set), never its --fix', () => {
    expect([...WITHOUT_USER_FILES].sort()).toEqual(['completion', 'help', 'saml', 'troubleshoot']);
    for (const c of WITHOUT_USER_FILES) {
      expect(commandNeedsHome([c], {}), c).toBe(false);
      expect(gateApplies([c], {}), c).toBe(false);
    }
    for (const c of ['config', 'login', 'setup', 'install', 'credentials', 'credential-process', 'upgrade']) {
      expect(commandNeedsHome([c], {}), c).toBe(true);
      expect(gateApplies([c], {}), c).toBe(true);
    }
    expect(commandNeedsHome(['doctor'], {})).toBe(false);
    expect(commandNeedsHome(['doctor'], { fix: true })).toBe(true);
    // As --user the doctor runs with that user's HOME from the user database (MDM scripts often have none).
    expect(commandNeedsHome(['doctor'], { fix: true, user: 'ann' })).toBe(false);
  });
});
