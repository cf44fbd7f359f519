import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, chown, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupName, ensureDir, listBackups, safeWrite, updateFile, withLockedFiles } from '../../src/fs/safe-write.js';
import { heldLocks } from '../../src/fs/lock.js';
import { readState, updateState } from '../../src/state/state.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'safe-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safeWrite', () => {
  it('creates a new file 0600 in a 0700 folder without a backup', async () => {
    const p = join(dir, 'sub', 'config.json');
    const r = await safeWrite(p, '{}\n');
    expect(r).toEqual({ path: p, changed: true, backup: undefined });
    expect((await stat(p)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'sub'))).mode & 0o777).toBe(0o700);
  });

  it('backs up the previous content, keeps the last five, and skips identical writes', async () => {
    const p = join(dir, 'credentials');
    let t = Date.parse('2026-01-01T00:00:00Z');
    // Each time someone else (the user, duo-sso) wrote the file in between: each is backed up.
    for (let i = 1; i <= 7; i++) {
      await writeFile(p, `user${i}`);
      await safeWrite(p, `v${i}`, { now: () => new Date((t += 1000)) });
    }
    const backups = await listBackups(p);
    expect(backups).toHaveLength(5);
    expect(await readFile(backups.at(-1)!, 'utf8')).toBe('user7');
    expect(await readFile(backups[0]!, 'utf8')).toBe('user3');
    expect((await safeWrite(p, 'v7')).changed).toBe(false);
    expect(await readFile(p, 'utf8')).toBe('v7');
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-') || n.endsWith('.lock'))).toEqual([]);
  });

  it('makes backups 0600 whatever the file\'s mode (they may hold secrets), and leaves an existing folder\'s mode alone', async () => {
    const sub = join(dir, 'existing');
    await mkdir(sub, { mode: 0o755 });
    await chmod(sub, 0o755);
    const p = join(sub, 'credentials');
    await writeFile(p, 'old', { mode: 0o644 });
    await chmod(p, 0o644);
    const r = await safeWrite(p, 'new', { mode: 0o600 });
    expect((await stat(r.backup!)).mode & 0o777).toBe(0o600);
    expect((await stat(p)).mode & 0o777).toBe(0o600);
    expect((await stat(sub)).mode & 0o777).toBe(0o755);
  });

  it('never lets a backup replace another one made in the same millisecond', async () => {
    const p = join(dir, 'config.json');
    await writeFile(p, 'v0');
    const same = () => new Date('2026-01-01T00:00:00.000Z');
    const first = await safeWrite(p, 'v1', { now: same });
    await writeFile(p, 'edited');
    const second = await safeWrite(p, 'v2', { now: same });
    expect(second.backup).not.toBe(first.backup);
    expect(await readFile(first.backup!, 'utf8')).toBe('v0');
    expect(await readFile(second.backup!, 'utf8')).toBe('edited');
    expect(await listBackups(p)).toEqual([first.backup, second.backup]);
  });

  it('backs up what was there before this run once: a later write over our own content adds no backup', async () => {
    const p = join(dir, '.bashrc');
    await writeFile(p, 'original');
    let t = Date.parse('2026-01-01T00:00:00Z');
    const first = await safeWrite(p, 'original + PATH', { now: () => new Date((t += 1000)) });
    const second = await safeWrite(p, 'original + PATH + completion', { now: () => new Date((t += 1000)) });
    expect(second).toMatchObject({ changed: true, backup: undefined });
    expect(await listBackups(p)).toEqual([first.backup]);
    expect(await readFile(first.backup!, 'utf8')).toBe('original');
  });

  it('keeps as many backups as DUO_SSO_SETUP_KEEP_BACKUPS says (1–100), else five', async () => {
    const { keptBackups } = await import('../../src/fs/safe-write.js');
    expect([keptBackups({}), keptBackups({ DUO_SSO_SETUP_KEEP_BACKUPS: '1' }), keptBackups({ DUO_SSO_SETUP_KEEP_BACKUPS: '2' }), keptBackups({ DUO_SSO_SETUP_KEEP_BACKUPS: '100' })]).toEqual([5, 1, 2, 100]);
    for (const bad of ['0', '-1', '101', '2.5', 'all', '']) expect(keptBackups({ DUO_SSO_SETUP_KEEP_BACKUPS: bad })).toBe(5);
    const p = join(dir, 'config');
    let t = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 1; i <= 4; i++) {
      await writeFile(p, `user${i}`);
      await safeWrite(p, `v${i}`, { now: () => new Date((t += 1000)), keepBackups: keptBackups({ DUO_SSO_SETUP_KEEP_BACKUPS: '2' }) });
    }
    expect(await Promise.all((await listBackups(p)).map((b) => readFile(b, 'utf8')))).toEqual(['user3', 'user4']);
  });

  it('writes through a symlink (dotfiles kept in a repository), leaving the link in place', async () => {
    const real = join(dir, 'dotfiles', 'zshrc');
    await mkdir(join(dir, 'dotfiles'));
    await writeFile(real, 'export A=1\n');
    const link = join(dir, '.zshrc');
    await symlink(real, link);
    const r = await safeWrite(link, 'export A=2\n', { now: () => new Date('2026-01-01T00:00:00Z') });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('export A=2\n');
    expect(r).toEqual({ path: link, changed: true, backup: `${real}.2026-01-01T00-00-00-000Z.bak` });
    expect(await readFile(r.backup!, 'utf8')).toBe('export A=1\n');
  });

  it('refuses a folder where the file should be with what to do, not as a bug', async () => {
    const p = join(dir, 'state.json');
    await mkdir(p);
    await expect(safeWrite(p, '{}\n')).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot update ${p}: it is a folder, not a file; it was left unchanged`,
      opts: { hint: `Move the folder aside (mv ${p} ${p}.old), then run the command again.` },
    });
    expect((await stat(p)).isDirectory()).toBe(true);
  });

  it('keeps an existing file mode unless told otherwise', async () => {
    const p = join(dir, '.bashrc');
    await writeFile(p, 'x', { mode: 0o644 });
    await safeWrite(p, 'y');
    expect((await stat(p)).mode & 0o777).toBe(0o644);
    await safeWrite(p, 'z', { mode: 0o600 });
    expect((await stat(p)).mode & 0o777).toBe(0o600);
  });

  it('writes nothing in dry-run mode', async () => {
    const p = join(dir, 'x');
    const r = await safeWrite(p, 'new', { dryRun: true });
    expect(r.changed).toBe(true);
    await expect(stat(p)).rejects.toThrow();
  });

  it('serialises concurrent read-modify-write updates', async () => {
    const p = join(dir, 'counter');
    await writeFile(p, '0');
    await Promise.all(Array.from({ length: 20 }, () => updateFile(p, (c) => String(Number(c) + 1), { backup: false })));
    expect(await readFile(p, 'utf8')).toBe('20');
  });
});

describe('state', () => {
  it('reads a missing or damaged file as empty and updates under the lock', async () => {
    const paths = { stateFile: join(dir, 'state', 'state.json') };
    expect((await readState(paths)).productionProfiles).toEqual([]);
    await writeFile(join(dir, 'junk.json'), '{oops');
    expect((await readState({ stateFile: join(dir, 'junk.json') })).roles).toEqual({});
    await updateState(paths, (s) => ({ ...s, productionProfiles: ['prod'], keepMe: 1 }));
    await updateState(paths, (s) => ({ ...s, tapUrl: 'https://example.com/tap' }));
    const s = await readState(paths);
    expect(s).toMatchObject({ productionProfiles: ['prod'], tapUrl: 'https://example.com/tap', keepMe: 1 });
    expect((await stat(paths.stateFile)).mode & 0o777).toBe(0o600);
    // Healthy writes keep no backups of our own cache.
    expect(await listBackups(paths.stateFile)).toEqual([]);
  });

  it('moves a damaged state file aside with a note before starting a fresh one (it may be the only record of where keys were moved)', async () => {
    const paths = { stateFile: join(dir, 'state.json') };
    const damaged = '{"version": 1, "secretStore": "pass", "storedProfiles": ["eticloud"],}\n';
    await writeFile(paths.stateFile, damaged);
    await updateState(paths, (s) => ({ ...s, productionProfiles: ['prod'] }), { now: () => new Date('2026-01-01T00:00:00Z') });
    expect((await readState(paths)).productionProfiles).toEqual(['prod']);
    expect(await readFile(join(dir, 'state.json.damaged-2026-01-01T00-00-00-000Z'), 'utf8')).toBe(damaged);
    expect(await listBackups(paths.stateFile)).toEqual([]);
  });
});

describe('links, pipes and owners', () => {
  it('follows a dotfile link to a regular file of the same user; refuses it for our own files', async () => {
    const real = join(dir, 'dotfiles', 'credentials');
    await mkdir(join(dir, 'dotfiles'));
    await writeFile(real, 'old\n', { mode: 0o600 });
    const link = join(dir, 'credentials');
    await symlink(real, link);
    await safeWrite(link, 'new\n');
    expect(await readFile(real, 'utf8')).toBe('new\n');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    await expect(safeWrite(link, 'ours\n', { follow: 'never' })).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/it is a symbolic link, and duo-sso-setup never reads or writes this file through a link; it was left unchanged/) });
    expect(await readFile(real, 'utf8')).toBe('new\n');
  });

  it.runIf(process.getuid?.() === 0)('refuses a link whose target belongs to another user', async () => {
    const real = join(dir, 'theirs');
    await writeFile(real, 'theirs\n');
    await chown(real, 65534, 65534);
    await symlink(real, join(dir, 'config'));
    await expect(safeWrite(join(dir, 'config'), 'x')).rejects.toMatchObject({ message: expect.stringMatching(/which belongs to another user/) });
    expect(await readFile(real, 'utf8')).toBe('theirs\n');
  });

  it('refuses a named pipe instead of blocking on it', async () => {
    const p = join(dir, 'credentials');
    execFileSync('mkfifo', [p]);
    await expect(updateFile(p, (c) => `${c ?? ''}x`)).rejects.toMatchObject({ message: expect.stringMatching(/it is a named pipe, not a regular file; it was left unchanged/) });
    expect((await lstat(p)).isFIFO()).toBe(true);
  });

  it('a rewrite without an explicit mode keeps the mode; new folders get theirs whatever the umask', async () => {
    const p = join(dir, '.bashrc');
    await writeFile(p, 'a\n');
    await chmod(p, 0o640);
    await safeWrite(p, 'b\n');
    expect((await stat(p)).mode & 0o777).toBe(0o640);
    const old = process.umask(0);
    try {
      await safeWrite(join(dir, 'x', 'y', 'state.json'), '{}');
      expect((await stat(join(dir, 'x'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'x', 'y'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'x', 'y', 'state.json'))).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });
});

describe('backups, dry runs and changes that change nothing', () => {
  it('lists only this file\'s backups, oldest first', async () => {
    const p = join(dir, 'credentials');
    // Made in neither date order nor its reverse, so no folder listing order passes for sorted.
    const names = [
      'credentials.2026-01-02T00-00-00-000Z.bak',
      'credentials.2025-12-31T23-59-59-999Z.bak',
      'credentials.2026-01-03T00-00-00-000Z.bak',
      'credentials.2026-01-01T12-00-00-000Z.bak',
      'credentials.2025-06-30T00-00-00-000Z.bak',
      'credentials.bak',
      'credentials.2026-01-01.bak',
      'credentials.2026-01-02T00-00-00-000Z.bak.tmp-1-abcdef01',
      'credentials.x2026-01-02T00-00-00-000Z.bak',
      'credentialsx.2026-01-02T00-00-00-000Z.bak',
      'config.2026-01-02T00-00-00-000Z.bak',
    ];
    for (const n of names) await writeFile(join(dir, n), n);
    expect(await listBackups(p)).toEqual([4, 1, 3, 0, 2].map((i) => join(dir, names[i]!)));
    expect(await listBackups(join(dir, 'nowhere', 'credentials'))).toEqual([]);
  });

  it('a change that returns nothing leaves the file alone: no write, no backup', async () => {
    const p = join(dir, 'config');
    await writeFile(p, 'as it was\n');
    const seen: (string | undefined)[] = [];
    const r = await updateFile(p, (c) => void seen.push(c));
    expect(r).toEqual({ path: p, changed: false, backup: undefined });
    expect(seen).toEqual(['as it was\n']);
    expect(await readFile(p, 'utf8')).toBe('as it was\n');
    expect(await readdir(dir)).toEqual(['config']);
    const missing = join(dir, 'missing');
    expect(await updateFile(missing, (c) => void seen.push(c))).toEqual({ path: missing, changed: false, backup: undefined });
    expect(seen).toEqual(['as it was\n', undefined]);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it.runIf(process.platform === 'linux')('leaves no file open once a write is done (a handle left to the garbage collector is a warning users see)', async () => {
    const p = join(dir, 'config');
    await writeFile(p, 'old');
    await safeWrite(p, 'new');
    await safeWrite(join(dir, 'fresh'), 'new');
    const fds = await readdir('/proc/self/fd');
    expect(fds.length).toBeGreaterThan(2);
    const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
    expect(targets.filter((t) => t.startsWith(dir))).toEqual([]);
  });

  it('backup: false writes without one; bytes are written exactly', async () => {
    const p = join(dir, 'config');
    await writeFile(p, 'old');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x00, 0xff, 0x0a]);
    expect(await safeWrite(p, bytes, { backup: false })).toEqual({ path: p, changed: true, backup: undefined });
    expect(await readFile(p)).toEqual(Buffer.from(bytes));
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('a dry run tells what would change and which backup would be made, and writes nothing', async () => {
    const p = join(dir, 'config');
    const at = () => new Date('2026-01-01T00:00:00Z');
    expect(await safeWrite(p, 'new', { dryRun: true, now: at })).toEqual({ path: p, changed: true, backup: undefined });
    await writeFile(p, 'same');
    expect(await safeWrite(p, 'same', { dryRun: true, now: at })).toEqual({ path: p, changed: false, backup: undefined });
    expect(await safeWrite(p, Buffer.from('same'), { dryRun: true, now: at })).toEqual({ path: p, changed: false, backup: undefined });
    expect(await updateFile(p, () => undefined, { dryRun: true, now: at })).toEqual({ path: p, changed: false, backup: undefined });
    expect(await safeWrite(p, 'other', { dryRun: true, now: at })).toEqual({ path: p, changed: true, backup: `${p}.2026-01-01T00-00-00-000Z.bak` });
    const real = join(dir, 'dotfiles', 'zshrc');
    await mkdir(join(dir, 'dotfiles'));
    await writeFile(real, 'a');
    await symlink(real, join(dir, '.zshrc'));
    expect(await safeWrite(join(dir, '.zshrc'), 'b', { dryRun: true, now: at })).toEqual({ path: join(dir, '.zshrc'), changed: true, backup: `${real}.2026-01-01T00-00-00-000Z.bak` });
    await expect(safeWrite(join(dir, '.zshrc'), 'b', { dryRun: true, follow: 'never' })).rejects.toMatchObject({ name: 'UserError' });
    expect((await readdir(dir)).sort()).toEqual(['.zshrc', 'config', 'dotfiles']);
    expect(await readdir(join(dir, 'dotfiles'))).toEqual(['zshrc']);
    expect(await readFile(p, 'utf8')).toBe('same');
    expect(await readFile(real, 'utf8')).toBe('a');
  });

  it('a dry run without a clock names the backup for the time it runs', async () => {
    const p = join(dir, 'config');
    await writeFile(p, 'old');
    const before = new Date(Date.now() - 1);
    const r = await safeWrite(p, 'new', { dryRun: true });
    const after = new Date(Date.now() + 1);
    expect(r).toMatchObject({ path: p, changed: true });
    expect(r.backup! > backupName(p, before) && r.backup! < backupName(p, after)).toBe(true);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('strict: text that is not UTF-8 is refused and left unchanged; a BOM is handed over as it is', async () => {
    const p = join(dir, 'config');
    await writeFile(p, Buffer.from([0x61, 0xe9, 0x0a]));
    const seen: (string | undefined)[] = [];
    await expect(updateFile(p, (c) => `${c}x`, { strict: true })).rejects.toMatchObject({
      name: 'UserError',
      message: `${p} is not UTF-8 text; it was left unchanged`,
      opts: { hint: `Save ${p} as UTF-8, then run the command again.` },
    });
    await expect(updateFile(p, (c) => `${c}x`, { strict: true, dryRun: true })).rejects.toMatchObject({ message: `${p} is not UTF-8 text; it was left unchanged` });
    expect(await readFile(p)).toEqual(Buffer.from([0x61, 0xe9, 0x0a]));
    // Without strict, the bytes that are not UTF-8 read as U+FFFD.
    await updateFile(p, (c) => void seen.push(c));
    await writeFile(p, '\ufeff[default]\n');
    await updateFile(p, (c) => void seen.push(c), { strict: true });
    expect(await updateFile(join(dir, 'missing'), (c) => void seen.push(c), { strict: true })).toMatchObject({ changed: false });
    expect(seen).toEqual(['a\ufffd\n', '\ufeff[default]\n', undefined]);
  });

  it('removes only temporary files of the file it writes, whoever left them; others\' are left to their writers', async () => {
    const p = join(dir, 'credentials');
    await writeFile(p, 'old');
    const plant = ['.credentials.tmp-1-abcdef01', '.credentials.2026-01-01T00-00-00-000Z.bak.tmp-1-abcdef01', '.config.tmp-1-abcdef01', '.credentials.keep', 'credentials.tmp-1-abcdef01', `.config.tmp-${process.pid}-abcdef01`];
    for (const n of plant) await writeFile(join(dir, n), 'x');
    await safeWrite(p, 'new', { backup: false });
    expect((await readdir(dir)).sort()).toEqual(['.config.tmp-1-abcdef01', `.config.tmp-${process.pid}-abcdef01`, '.credentials.keep', 'credentials', 'credentials.tmp-1-abcdef01'].sort());
  });

  it.runIf(process.getuid?.() === 0)('a dead writer\'s temporary file is removed only when it is a regular file of our user', async () => {
    const dead = spawnSync('/bin/true').pid!;
    await writeFile(join(dir, `.a.tmp-${dead}-abcdef01`), 'keys');
    await writeFile(join(dir, `.b.tmp-${dead}-abcdef01`), 'theirs');
    await chown(join(dir, `.b.tmp-${dead}-abcdef01`), 4242, 4242);
    await mkdir(join(dir, `.c.tmp-${dead}-abcdef01`));
    await writeFile(join(dir, `.d.tmp-${dead}-abcdef0`), 'not our name');
    await writeFile(join(dir, `e.tmp-${dead}-abcdef01`), 'not our name');
    await writeFile(join(dir, `.f.tmp-${dead}-abcdef01.keep`), 'not our name');
    await writeFile(join(dir, `.g.tmp-${dead}x-abcdef01`), 'not our name');
    await safeWrite(join(dir, 'other'), 'x');
    expect((await readdir(dir)).sort()).toEqual([`.b.tmp-${dead}-abcdef01`, `.c.tmp-${dead}-abcdef01`, `.d.tmp-${dead}-abcdef0`, `.f.tmp-${dead}-abcdef01.keep`, `.g.tmp-${dead}x-abcdef01`, `e.tmp-${dead}-abcdef01`, 'other']);
  });

  it.runIf(process.getuid?.() === 0)('a rewrite keeps the file\'s group (a shared group\'s file)', async () => {
    const p = join(dir, 'credentials');
    await writeFile(p, 'old');
    await chown(p, 0, 4343);
    await safeWrite(p, 'new');
    expect(await readFile(p, 'utf8')).toBe('new');
    expect(await stat(p)).toMatchObject({ uid: 0, gid: 4343 });
    await safeWrite(join(dir, 'fresh'), 'new');
    expect(await stat(join(dir, 'fresh'))).toMatchObject({ uid: 0, gid: 0 });
  });
});

describe('withLockedFiles', () => {
  it('a link and its target are one file: locked once, not waited on by itself', async () => {
    const real = join(dir, 'credentials');
    await writeFile(real, 'old');
    await symlink(real, join(dir, 'link'));
    const t0 = Date.now();
    const files = await withLockedFiles([{ path: join(dir, 'link') }, { path: real }], async (fs) => {
      expect(heldLocks().filter((l) => l.startsWith(dir))).toEqual([`${real}.lock`]);
      await fs[0]!.write('new');
      return fs.map((f) => ({ path: f.path, file: f.file }));
    });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(files).toEqual([{ path: join(dir, 'link'), file: real }, { path: real, file: real }]);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('a link swapped in for the file while it is held is neither read nor written through', async () => {
    const p = join(dir, 'state.json');
    const elsewhere = join(dir, 'elsewhere');
    await writeFile(p, '{}');
    await writeFile(elsewhere, 'not ours\n');
    const refusal = `cannot update ${p}: it is a symbolic link, and duo-sso-setup never reads or writes this file through a link; it was left unchanged`;
    await withLockedFiles([{ path: p, opts: { follow: 'never' } }], async ([f]) => {
      await rm(p);
      await symlink(elsewhere, p);
      await expect(f!.read()).rejects.toMatchObject({ name: 'UserError', message: refusal });
      await expect(f!.write('{"v":2}')).rejects.toMatchObject({ name: 'UserError', message: refusal });
    });
    expect(await readFile(elsewhere, 'utf8')).toBe('not ours\n');
    expect((await lstat(p)).isSymbolicLink()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['elsewhere', 'state.json']);
  });

  it('two runs that need the same two files, named in opposite orders, both finish: each waits for the other, neither for ever', async () => {
    const [config, credentials] = [join(dir, 'config'), join(dir, 'credentials')];
    await writeFile(config, '0');
    await writeFile(credentials, '0');
    const bump = (first: string, second: string) => withLockedFiles([{ path: first }, { path: second }], async (files) => {
      for (const f of files) {
        const n = Number((await f.read())!.toString());
        await new Promise((r) => setTimeout(r, 20));
        await f.write(String(n + 1));
      }
    });
    const t0 = Date.now();
    await Promise.all([bump(config, credentials), bump(credentials, config), bump(config, credentials)]);
    // Taking them in the order given, two runs would each hold one and wait 15 s for the other.
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect([await readFile(config, 'utf8'), await readFile(credentials, 'utf8')]).toEqual(['3', '3']);
  });

  it('reads, writes and removes under the lock; a folder is made for a new file', async () => {
    const p = join(dir, 'sub', 'state.json');
    await withLockedFiles([{ path: p, opts: { dirMode: 0o750 } }], async ([f]) => {
      expect(await f!.read()).toBeUndefined();
      expect(await f!.write('{}')).toEqual({ path: p, changed: true, backup: undefined });
      expect(await f!.read()).toEqual(Buffer.from('{}'));
      await f!.remove();
      expect(await f!.read()).toBeUndefined();
      // Removing what is already gone is done, not an error.
      await f!.remove();
    });
    expect((await stat(join(dir, 'sub'))).mode & 0o777).toBe(0o750);
    expect(await readdir(join(dir, 'sub'))).toEqual([]);
  });
});

describe('ensureDir', () => {
  it('makes the missing folders with exactly the mode asked and names the first one it made', async () => {
    // 0777: bits any umask takes away from mkdir's mode (the umask itself cannot be set where Stryker runs this).
    expect(await ensureDir(join(dir, 'a', 'b', 'c'), 0o777)).toBe(join(dir, 'a'));
    for (const d of ['a', 'a/b', 'a/b/c']) expect((await stat(join(dir, d))).mode & 0o777).toBe(0o777);
    expect(await ensureDir(join(dir, 'a', 'b'), 0o700)).toBeUndefined();
    expect((await stat(join(dir, 'a', 'b'))).mode & 0o777).toBe(0o777);
    await writeFile(join(dir, 'file'), '');
    await expect(ensureDir(join(dir, 'file', 'x'), 0o700)).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('two callers making the same folders at once both succeed', async () => {
    const made = await Promise.all([ensureDir(join(dir, 'p', 'q'), 0o700), ensureDir(join(dir, 'p', 'q'), 0o700)]);
    expect(made).toEqual([join(dir, 'p'), join(dir, 'p')]);
    expect((await stat(join(dir, 'p', 'q'))).isDirectory()).toBe(true);
  });

  it.runIf(process.getuid?.() === 0)('as root, makes nothing inside another user\'s folder', async () => {
    await mkdir(join(dir, 'theirs'));
    await chown(join(dir, 'theirs'), 4242, 4242);
    await expect(ensureDir(join(dir, 'theirs', 'a', 'b'), 0o700)).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining(`${join(dir, 'theirs')} belongs to another user (uid 4242)`) });
    expect(await readdir(join(dir, 'theirs'))).toEqual([]);
  });
});
