// What the lock makes of the kernel's answers about a process (Linux's /proc): a /proc that
// hides other users' processes (mounted hidepid=2), and the second of slack around a process's
// start time. /proc/PID/stat and /proc/stat are replaced where a test says; everything else,
// signals included, is the real system.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const proc = vi.hoisted(() => ({ files: new Map<string, string | Error>() }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: Parameters<typeof real.readFileSync>[0], ...rest: unknown[]) => {
    const planted = proc.files.get(String(path));
    if (planted instanceof Error) throw planted;
    if (planted !== undefined) return planted;
    return (real.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFileSync;
  return { ...real, readFileSync, default: { ...real, readFileSync } };
});

const { ownerGone, withFileLock } = await import('../../src/fs/lock.js');

/** /proc/PID/stat of a process that started `ticks` clock ticks after boot (field 22). */
const statLine = (pid: number, ticks: number) => `${pid} (a (b) c) S ${'0 '.repeat(18)}${ticks} 0 0 0\n`;
const hidden = () => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-proc-'));
});
afterEach(async () => {
  proc.files.clear();
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('a /proc that hides other users\' processes', () => {
  it('a live owner whose start time cannot be read is not gone, whatever start it recorded', () => {
    proc.files.set('/proc/1/stat', hidden());
    expect(ownerGone({ pid: 1, start: '5', host: hostname() })).toBe(false);
    expect(ownerGone({ pid: 1, host: hostname() })).toBe(false);
  });

  it('a live process\'s private file is kept when its start time cannot be read', async () => {
    proc.files.set('/proc/1/stat', hidden());
    const name = 'state.json.lock.1-0badf00d';
    await writeFile(join(dir, name), '{}');
    await utimes(join(dir, name), 86_400, 86_400);
    await withFileLock(join(dir, 'state.json'), async () => 'ran');
    expect(await readdir(dir)).toEqual([name]);
  });
});

describe.runIf(process.platform === 'linux')('a leftover private file of a pid now in use', () => {
  it('is its own when made within a second before that process started (clock slack), older ones are leftovers', async () => {
    // pid 1 (alive) started 10 s after a boot at t = 1000 s: at 1 010 000 ms.
    proc.files.set('/proc/1/stat', statLine(1, 1000));
    proc.files.set('/proc/stat', 'cpu  1 2 3\nintr 0\nbtime 1000\nprocesses 7\n');
    const at = (name: string, ms: number) => ({ name, ms });
    const files = [
      at('state.json.lock.1-0badf0a1', 1_009_000), // exactly the second of slack before: kept
      at('state.json.lock.1-0badf0a2', 1_008_999), // before that: a leftover
      at('state.json.lock.1-0badf0a3', 1_010_500), // after it started: kept
    ];
    for (const { name, ms } of files) {
      await writeFile(join(dir, name), '{}');
      await utimes(join(dir, name), new Date(ms), new Date(ms));
    }
    await withFileLock(join(dir, 'state.json'), async () => 'ran');
    expect((await readdir(dir)).sort()).toEqual(['state.json.lock.1-0badf0a1', 'state.json.lock.1-0badf0a3']);
  });
});
