// Issue 21: every read-modify-write of a shared file is computed from what it reads under the
// file's lock. In one process, runs of different profiles interleave at every await, which is
// enough to show the bug the real processes hit (test/e2e/credentials-concurrency.test.ts):
// restore and migrate used to write text planned before they took the lock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import { CONFIG, outwaitLocks, SELF } from '../support/aws-home.js';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';
import { migrateProfiles, type MigrateCtx } from '../../src/credentials/migrate.js';
import { restoreProfiles } from '../../src/credentials/restore.js';
import { withLockedFiles } from '../../src/fs/safe-write.js';
import { accountFor } from '../../src/secrets/types.js';

const PROFILES = ['a', 'b', 'c', 'd'];
const CREDS = PROFILES.map((p) => `[${p}]\naws_access_key_id = ASIA${p.toUpperCase()}\naws_secret_access_key = secret-${p}\naws_session_token = token-${p}\n`).join('\n');

let home: string;
let paths: Paths;
let ctx: MigrateCtx;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'locked-update-'));
  paths = resolvePaths({ HOME: home });
  ctx = { paths, now: () => new Date(Date.now()), options: { json: false, yes: true, dryRun: false, verbose: false, color: false } };
  await mkdir(join(home, '.aws'));
  await writeFile(paths.awsCredentials, CREDS);
  await writeFile(paths.awsConfig, CONFIG);
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(home, { recursive: true, force: true });
});

/** Where each profile's secret is now: the file, the store, both or neither. */
async function places(store: ReturnType<typeof memoryStore>): Promise<Record<string, string>> {
  const text = await readFile(paths.awsCredentials, 'utf8');
  return Object.fromEntries(PROFILES.map((p) => {
    const inFile = text.includes(`secret-${p}`);
    const inStore = store.data.get(accountFor(p))?.includes(`secret-${p}`) ?? false;
    return [p, inFile && inStore ? 'both' : inFile ? 'file' : inStore ? 'store' : 'LOST'];
  }));
}

describe('read-modify-write under the lock', () => {
  it('four restores of different profiles at once: every key is back in the file, none left in the store', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, PROFILES, store, { self: SELF });
    expect(await places(store)).toEqual({ a: 'store', b: 'store', c: 'store', d: 'store' });
    const outcomes = await Promise.all(PROFILES.map((p) => restoreProfiles(ctx, [p], store)));
    expect(outcomes.flat().map((o) => o.status)).toEqual(['restored', 'restored', 'restored', 'restored']);
    expect(await places(store)).toEqual({ a: 'file', b: 'file', c: 'file', d: 'file' });
    expect(await readFile(paths.awsConfig, 'utf8')).not.toContain('credential_process');
  });

  it('four migrates of different profiles at once: each one moves its keys, none is refused for the others\' writes', async () => {
    const store = memoryStore();
    const outcomes = await Promise.all(PROFILES.map((p) => migrateProfiles(ctx, [p], store, { self: SELF })));
    expect(outcomes.flat().map((o) => o.status)).toEqual(['migrated', 'migrated', 'migrated', 'migrated']);
    expect(await places(store)).toEqual({ a: 'store', b: 'store', c: 'store', d: 'store' });
    const config = await readFile(paths.awsConfig, 'utf8');
    for (const p of PROFILES) expect(config).toContain(`credential-process --profile ${p}\n`);
  });

  it('migrates and restores mixed: every secret in exactly one place, and the files read back byte-for-byte at the end', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['a', 'b'], store, { self: SELF });
    await Promise.all([restoreProfiles(ctx, ['a'], store), migrateProfiles(ctx, ['c'], store, { self: SELF }), restoreProfiles(ctx, ['b'], store), migrateProfiles(ctx, ['d'], store, { self: SELF })]);
    expect(await places(store)).toEqual({ a: 'file', b: 'file', c: 'store', d: 'store' });
    await Promise.all([restoreProfiles(ctx, ['c'], store), restoreProfiles(ctx, ['d'], store)]);
    expect(await readFile(paths.awsCredentials, 'utf8')).toBe(CREDS);
    expect(await readFile(paths.awsConfig, 'utf8')).toBe(CONFIG);
  });
});

describe('a login writes new keys while migrate stores the old ones', () => {
  it('migrate starts over and moves the new keys: the old ones leave the store, the new ones the file', async () => {
    const store = memoryStore();
    const set = store.set;
    let logins = 0;
    store.set = async (account, secret) => {
      await set(account, secret);
      // duo-sso, between migrate's read of the file and its locked write.
      if (logins++ === 0) await writeFile(paths.awsCredentials, CREDS.replace('secret-b', 'secret-b-newer').replace('ASIAB', 'ASIABNEWER'));
    };
    const [outcome] = await migrateProfiles(ctx, ['b'], store, { self: SELF });
    expect(outcome!.status).toBe('migrated');
    expect(store.data.get(accountFor('b'))).toContain('secret-b-newer');
    const text = await readFile(paths.awsCredentials, 'utf8');
    expect(text).not.toContain('secret-b');
    expect(text).toContain('secret-a');
  });
});

describe('a migrate or restore that cannot get the files\' locks', () => {
  it('changes nothing: the entry migrate wrote goes again, no journal is left, restore keeps its entry', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['a'], store, { self: SELF });
    const before = { credentials: await readFile(paths.awsCredentials, 'utf8'), config: await readFile(paths.awsConfig, 'utf8') };
    // Another holder of both files' locks (a login's duo-sso run, say) that outlasts the lock's
    // wait (15 s: the clock the wait reads is moved on rather than waited for).
    vi.useFakeTimers({ toFake: ['Date'] });
    const results = await withLockedFiles([{ path: paths.awsConfig }, { path: paths.awsCredentials }], async () => outwaitLocks(
      Promise.allSettled([migrateProfiles(ctx, ['c'], store, { self: SELF }), restoreProfiles(ctx, ['a'], store)]),
      (ms) => vi.setSystemTime(ms),
    )) as PromiseSettledResult<unknown>[];
    vi.useRealTimers();
    expect(results.map((r) => r.status === 'rejected' && String(r.reason.message))).toEqual([expect.stringContaining('is locked by another duo-sso-setup process'), expect.stringContaining('is locked by another duo-sso-setup process')]);
    expect(await places(store)).toEqual({ a: 'store', b: 'file', c: 'file', d: 'file' });
    expect(store.data.has(accountFor('c'))).toBe(false);
    expect(await readdir(join(paths.stateDir, 'journal')).catch(() => [])).toEqual([]);
    expect({ credentials: await readFile(paths.awsCredentials, 'utf8'), config: await readFile(paths.awsConfig, 'utf8') }).toEqual(before);
  });
});

describe('withLockedFiles', () => {
  it('takes several files\' locks in one order: two runs naming them in opposite orders both finish', async () => {
    const [x, y] = [join(home, 'x'), join(home, 'y')];
    const bump = async (text: string | undefined) => String(Number(text ?? '0') + 1);
    const run = (order: string[]) => withLockedFiles(order.map((path) => ({ path })), async (files) => {
      for (const f of files) await f.write(await bump((await f.read())?.toString()));
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => run(i % 2 ? [x, y] : [y, x])));
    expect([await readFile(x, 'utf8'), await readFile(y, 'utf8')]).toEqual(['10', '10']);
  });
});
