import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ownerGone, parseOwner, processStart, withFileLock } from '../../src/fs/lock.js';
import { DENO, REPO } from '../support/sandbox.js';

let dir: string;
let driver: string;
let driverDir: string;

// The lock module bundled as a small program, so real processes (Node and Deno) can take a
// lock, exit in the middle of it, or be killed.
beforeAll(async () => {
  driverDir = await mkdtemp(join(tmpdir(), 'lock-driver-'));
  const entry = join(driverDir, 'driver.ts');
  await writeFile(entry, `
import { withFileLock } from ${JSON.stringify(join(REPO, 'src/fs/lock.ts'))};
const [mode, file] = process.argv.slice(-2);
await withFileLock(file, async () => {
  process.stdout.write('locked\\n');
  if (mode === 'exit') process.exit(7);
  await new Promise((r) => setTimeout(r, 60_000));
});
`);
  driver = join(driverDir, 'driver.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: driver, logLevel: 'silent' });
});
afterAll(async () => {
  await rm(driverDir, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deadPid(): number {
  return spawnSync('/bin/true').pid!;
}

const lockNames = async () => (await readdir(dir)).filter((n) => n.includes('.lock')).sort();

describe('withFileLock', () => {
  it.each(['node', 'deno'] as const)('a process.exit() inside the lock (a Ctrl-C handler) still releases it (%s)', async (runtime) => {
    const file = join(dir, 'config.json');
    const [cmd, ...pre] = runtime === 'node' ? [process.execPath] : [DENO, 'run', '-A'];
    const r = spawnSync(cmd!, [...pre, driver, 'exit', file], { encoding: 'utf8', env: { ...process.env, DENO_NO_UPDATE_CHECK: '1' }, timeout: 60_000 });
    expect(r.stdout).toBe('locked\n');
    expect(r.status).toBe(7);
    expect(await lockNames()).toEqual([]);
  });

  it('a lock whose owner was killed (kill -9) is taken over, and its leftovers are removed', async () => {
    const file = join(dir, 'state.json');
    const child = spawn(process.execPath, [driver, 'hold', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // A lock held by a live process is never broken, however old.
    expect(ownerGone(parseOwner(await readFile(`${file}.lock`, 'utf8')) as never)).toBe(false);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // What a breaker killed inside its guard and a creator killed before its link leave behind.
    const dead = deadPid();
    await writeFile(`${file}.lock.${dead}-0badf00d`, JSON.stringify({ pid: dead, token: '0123456789abcdef' }));
    const owner = parseOwner(await readFile(`${file}.lock`, 'utf8'))!;
    await writeFile(`${file}.lock.break-${owner.token}`, JSON.stringify({ pid: dead, host: hostname(), token: 'fedcba9876543210' }));
    const ran = await withFileLock(file, async () => {
      expect(parseOwner(await readFile(`${file}.lock`, 'utf8'))?.pid).toBe(process.pid);
      return 'ran';
    });
    expect(ran).toBe('ran');
    expect(await lockNames()).toEqual([]);
  });

  it('a lock planted as a symlink is never followed: refused at once by name (never a lock we made), its target untouched', async () => {
    const file = join(dir, 'state.json');
    const target = join(dir, 'elsewhere');
    await writeFile(target, String(deadPid()));
    await symlink(target, `${file}.lock`);
    const t0 = Date.now();
    await expect(withFileLock(file, async () => 'ran')).rejects.toMatchObject({ path: `${file}.lock`, why: 'it is a symbolic link, not a lock duo-sso-setup made' });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await readFile(target, 'utf8')).toMatch(/^\d+$/);
    expect(await lockNames()).toEqual(['state.json.lock']);
  });
});

describe('who owns a lock', () => {
  it('tells a dead pid, a reused pid and another host apart', () => {
    const start = processStart(process.pid);
    expect(ownerGone({ pid: process.pid, start, host: hostname() })).toBe(false);
    expect(ownerGone({ pid: deadPid(), host: hostname() })).toBe(true);
    if (start) expect(ownerGone({ pid: process.pid, start: `${Number(start) - 1}`, host: hostname() })).toBe(true);
    // Another machine sharing the folder (NFS home): its pids mean nothing here.
    expect(ownerGone({ pid: deadPid(), host: 'some-other-host' })).toBe(false);
  });

  it('reads an older version\'s bare pid and refuses junk', () => {
    expect(parseOwner('1234\n')).toEqual({ pid: 1234 });
    expect(parseOwner('{"pid":"x","token":"ab"}')).toBeUndefined();
    expect(parseOwner('')).toBeUndefined();
  });
});
