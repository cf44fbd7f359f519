// The store-side pieces of issue 15: an undo that removes only what this run wrote, damaged
// (0-byte / not OpenPGP) pass entries told apart from locked ones, entry names refused before a
// path is built, and the journal's reading. The black-box loops are in
// test/e2e/credentials-interrupt.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeVerified } from '../../src/secrets/verified-write.js';
import { emptyEntries, passStore } from '../../src/secrets/pass.js';
import { accountFor, isDamagedEntry, SecretStoreError, type SecretStore } from '../../src/secrets/types.js';
import type { Exec } from '../../src/secrets/exec.js';
import { finishCommand, readJournal } from '../../src/credentials/journal.js';
import { parseArgs } from '../../src/credentials/credential-process.js';

/** A store like pass: entries have a fingerprint (the encrypted file), and reads can fail. */
function fingerprintedStore(): SecretStore & { data: Map<string, string>; failReads: boolean; version: Map<string, number> } {
  const data = new Map<string, string>();
  const version = new Map<string, number>();
  let writes = 0;
  const store = {
    name: 'pass' as const,
    label: 'test pass',
    data,
    version,
    failReads: false,
    available: async () => ({ ok: true as const, detail: 'memory' }),
    get: async (a: string) => {
      if (store.failReads) throw new SecretStoreError('pass', 'cannot read: gpg: public key decryption failed: No pinentry');
      return data.get(a);
    },
    set: async (a: string, s: string) => {
      data.set(a, s);
      version.set(a, ++writes);
    },
    delete: async (a: string) => {
      version.delete(a);
      return data.delete(a);
    },
    fingerprint: async (a: string) => (version.has(a) ? `v${version.get(a)}` : undefined),
  };
  return store;
}

describe('writeVerified: the undo removes only what this run wrote', () => {
  it('a read-back that fails: the entry is removed when it is still the file this run wrote (fingerprint)', async () => {
    const store = fingerprintedStore();
    const realSet = store.set;
    store.set = async (a, s) => {
      await realSet(a, s);
      store.failReads = true;
    };
    expect(await writeVerified(store, 'aws/dev', 'ours', undefined)).toMatchObject({ ok: false, undone: true, error: expect.any(SecretStoreError) });
    expect(store.data.has('aws/dev')).toBe(false);
  });

  it('a read-back that fails while another run replaced the entry: theirs stays', async () => {
    const store = fingerprintedStore();
    const get = store.get;
    let reads = 0;
    store.get = async (a) => {
      // The other run stores (and verifies) its entry while our read-back is failing.
      if (++reads === 1) {
        await store.set(a, 'theirs, verified, keys already out of the file');
        store.failReads = true;
      }
      return get(a);
    };
    expect(await writeVerified(store, 'aws/dev', 'ours', undefined)).toMatchObject({ ok: false, undone: false });
    expect(store.data.get('aws/dev')).toBe('theirs, verified, keys already out of the file');
  });

  it('a read-back that differs: the previous entry comes back when the store still holds ours, else the store is left', async () => {
    const store = fingerprintedStore();
    store.data.set('aws/dev', 'previous');
    const get = store.get;
    let reads = 0;
    store.get = async (a) => (++reads === 1 ? 'garbled' : get(a));
    expect(await writeVerified(store, 'aws/dev', 'ours', 'previous')).toEqual({ ok: false, undone: true });
    expect(store.data.get('aws/dev')).toBe('previous');

    reads = 0;
    store.get = async (a) => {
      if (++reads === 1) {
        store.data.set(a, 'someone else');
        return 'someone else';
      }
      return get(a);
    };
    expect(await writeVerified(store, 'aws/dev', 'ours', 'previous')).toEqual({ ok: false, undone: false });
    expect(store.data.get('aws/dev')).toBe('someone else');
  });

  it('verified: ok, nothing undone', async () => {
    const store = fingerprintedStore();
    expect(await writeVerified(store, 'aws/dev', 'ours', undefined)).toEqual({ ok: true });
    expect(store.data.get('aws/dev')).toBe('ours');
  });
});

describe('pass entries', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-vw-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const never: Exec = async () => {
    throw new Error('no process may run');
  };

  it('a 0-byte entry is damaged (and says how to remove it) without running gpg; doctor finds it by size', async () => {
    mkdirSync(join(dir, 'duo-sso-setup', 'aws'), { recursive: true });
    writeFileSync(join(dir, 'duo-sso-setup', 'aws', 'dev.gpg'), '');
    writeFileSync(join(dir, 'duo-sso-setup', 'aws', 'ok.gpg'), 'x');
    for (const directRead of [undefined, { env: {} }]) {
      const store = passStore({ exec: never, storeDir: dir, ...(directRead ? { directRead } : {}) });
      const error = await store.get('aws/dev').catch((e: unknown) => e);
      expect(isDamagedEntry(error)).toBe(true);
      expect((error as Error).message).toMatch(/is damaged \(an empty file.*remove it: pass rm --force duo-sso-setup\/aws\/dev$/);
    }
    expect(emptyEntries(dir)).toEqual(['dev']);
  });

  it('gpg on data that is not OpenPGP: damaged; a missing key or passphrase: not damaged (it may hold a secret)', async () => {
    const answer = (stderr: string): Exec => async () => ({ exitCode: 2, stdout: '', stderr, timedOut: false });
    const garbage = passStore({ exec: answer('gpg: no valid OpenPGP data found.\ngpg: decrypt_message failed: Unknown system error\n'), storeDir: dir });
    expect(isDamagedEntry(await garbage.get('aws/dev').catch((e: unknown) => e))).toBe(true);
    const locked = passStore({ exec: answer('gpg: public key decryption failed: No secret key\n'), storeDir: dir });
    const error = await locked.get('aws/dev').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(isDamagedEntry(error)).toBe(false);
  });

  it('names that would leave the folder are refused before any path is built or process run', async () => {
    const store = passStore({ exec: never, storeDir: dir });
    for (const account of ['aws/../../x', 'aws/..', '../x', 'aws/a/b', 'aws/.hidden', 'other/dev']) {
      await expect(store.get(account)).rejects.toThrow(/refusing the entry name/);
      await expect(store.set(account, 'v')).rejects.toThrow(/refusing the entry name/);
      await expect(store.delete(account)).rejects.toThrow(/refusing the entry name/);
    }
    expect(() => accountFor('../../x')).toThrow();
    expect(parseArgs(['--profile', '../../x'])).toMatchObject({ ok: false, message: expect.stringMatching(/^invalid profile name '\.\.\/\.\.\/x'/) });
    expect(parseArgs(['--profile=dev.prod@x'])).toEqual({ ok: true, profile: 'dev.prod@x' });
  });
});

describe('the journal', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'journal-'));
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('reads every record, oldest first; a file that is not ours is named, never trusted', async () => {
    mkdirSync(join(stateDir, 'journal'));
    const rec = (profile: string, startedAt: string, operation = 'migrate') => JSON.stringify({ version: 1, operation, profile, store: 'pass', startedAt, pid: 1, files: {} });
    writeFileSync(join(stateDir, 'journal', 'b.json'), rec('b', '2026-12-01T00:00:00Z', 'restore'));
    writeFileSync(join(stateDir, 'journal', 'a.json'), rec('a', '2026-12-02T00:00:00Z'));
    writeFileSync(join(stateDir, 'journal', 'c.json'), rec('../x', '2026-12-02T00:00:00Z'));
    writeFileSync(join(stateDir, 'journal', 'd.json'), '{');
    const j = await readJournal({ stateDir });
    expect(j.records.map((r) => [r.profile, r.operation])).toEqual([['b', 'restore'], ['a', 'migrate']]);
    expect(j.unreadable).toEqual([join(stateDir, 'journal', 'c.json'), join(stateDir, 'journal', 'd.json')]);
    expect(finishCommand(j.records)).toEqual(['duo-sso-setup', 'credentials', 'restore', '--profile', 'b', '--profile', 'a', '--yes']);
    expect(await readJournal({ stateDir: join(stateDir, 'none') })).toEqual({ records: [], unreadable: [] });
  });
});
