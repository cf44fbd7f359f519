import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedLatest, LATEST_TTL_MS } from '../../src/upgrade/latest-cache.js';
import { readState } from '../../src/state/state.js';
import { sharedRunner } from '../../src/doctor/shared-runner.js';
import { createProbeCache } from '../../src/doctor/run-checks.js';
import { createRunner } from '../../src/platform/process.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'latest-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cachedLatest', () => {
  it('reuses an answer for a day, then asks again; never remembers a failed lookup', async () => {
    const paths = { stateFile: join(dir, 'state.json') };
    let t = Date.parse('2026-11-26T00:00:00Z');
    const lookup = cachedLatest(paths, () => new Date(t));
    let asked = 0;
    const fetch = async () => `1.0.${++asked}`;
    expect(await lookup('npm:x', fetch)).toBe('1.0.1');
    t += LATEST_TTL_MS - 1000;
    expect(await lookup('npm:x', fetch)).toBe('1.0.1');
    t += 2000;
    expect(await lookup('npm:x', fetch)).toBe('1.0.2');
    expect(await lookup('npm:y', async () => undefined)).toBeUndefined();
    expect(Object.keys((await readState(paths)).latestVersions as object)).toEqual(['npm:x']);
  });

  it('writes nothing in dry-run mode', async () => {
    const paths = { stateFile: join(dir, 'state.json') };
    const lookup = cachedLatest(paths, () => new Date(), { dryRun: true });
    expect(await lookup('npm:x', async () => '2.0.0')).toBe('2.0.0');
    expect((await readState(paths)).latestVersions).toBeUndefined();
  });
});

describe('sharedRunner', () => {
  it('runs a read-only command once per doctor run, and changing commands every time', async () => {
    const counter = join(dir, 'count');
    const runner = sharedRunner({ runner: createRunner({ env: { PATH: '/usr/bin:/bin' } }), probe: createProbeCache() });
    const script = `echo x >> '${counter}'; wc -l < '${counter}'`;
    const [a, b] = await Promise.all([runner.run('sh', ['-c', script]), runner.run('sh', ['-c', script])]);
    expect([a.stdout.trim(), b.stdout.trim()]).toEqual(['1', '1']);
    expect((await runner.run('sh', ['-c', script], { mutates: true })).stdout.trim()).toBe('2');
  });
});
