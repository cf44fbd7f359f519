// `credentials restore` on real files in a temp HOME with an in-memory store: what each kind
// of stored entry (none, damaged, cut off, whole) does to the two files, the store and the
// journal, and the exact refusals a user reads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import type { Paths } from '../../src/platform/paths.js';
import { CONFIG, CREDS, LINE, makeAwsHome, options, outwaitLocks, SELF } from '../support/aws-home.js';
import { migrateProfiles, type MigrateCtx } from '../../src/credentials/migrate.js';
import { restoreProfiles, restoredConfig, restoredCredentials } from '../../src/credentials/restore.js';
import { parseEntry, serialiseEntry, type StoredEntry } from '../../src/credentials/entry.js';
import { interrupt, resetInterruptForTests } from '../../src/platform/interrupt.js';
import { serialiseOwner } from '../../src/fs/lock.js';
import { profileLockPath } from '../../src/credentials/profile-lock.js';
import { SecretStoreError } from '../../src/secrets/types.js';


let home: string;
let paths: Paths;
let ctx: MigrateCtx;
beforeEach(async () => {
  ({ home, paths, ctx } = await makeAwsHome('restore-', { credentials: CREDS, config: CONFIG }));
});
afterEach(async () => {
  resetInterruptForTests();
  vi.useRealTimers();
  await rm(home, { recursive: true, force: true });
});

const read = (p: string) => readFile(p, 'utf8');
const journal = async () => (await readdir(join(paths.stateDir, 'journal')).catch(() => [] as string[])).sort();
/** What an interrupted run left: its journal record. */
async function plantJournal(profile: string): Promise<void> {
  await mkdir(join(paths.stateDir, 'journal'), { recursive: true });
  await writeFile(join(paths.stateDir, 'journal', `${profile}.json`), JSON.stringify({ version: 1, operation: 'migrate', profile, store: 'keychain', startedAt: '2026-11-26T09:00:00.000Z', pid: 1, files: {} }));
}
const damagedStore = (message: string) => {
  const store = memoryStore();
  store.get = async () => {
    throw new SecretStoreError('keychain', message, true);
  };
  return store;
};

describe('restore of a profile with no whole entry', () => {
  it('nothing stored and no line of ours: not stored, files as they were, an interrupted run\'s journal ends', async () => {
    await plantJournal('dev');
    const store = memoryStore();
    const deleted: string[] = [];
    store.delete = async (a) => deleted.push(a) > 0;
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'not-stored' }]);
    expect(deleted).toEqual([]);
    expect([await read(paths.awsCredentials), await read(paths.awsConfig)]).toEqual([CREDS, CONFIG]);
    expect(await journal()).toEqual([]);
  });

  it('our line in the config but nothing in the store: says which store to try, in both directions', async () => {
    await writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\n${LINE}\n`);
    await expect(restoreProfiles(ctx, ['dev'], memoryStore())).rejects.toMatchObject({
      name: 'UserError',
      message: 'profile dev uses credential_process, but the test keyring has no credentials for it',
      opts: { hint: 'Were they stored in the other store? Try --store pass. Or log in again: duo-sso-setup login --profile dev' },
    });
    const pass = { ...memoryStore(), name: 'pass' as const, label: 'password store' };
    await expect(restoreProfiles(ctx, ['dev'], pass)).rejects.toMatchObject({
      message: 'profile dev uses credential_process, but the password store has no credentials for it',
      opts: { hint: 'Were they stored in the other store? Try --store keychain. Or log in again: duo-sso-setup login --profile dev' },
    });
    expect(await read(paths.awsConfig)).toBe(`${CONFIG}\n[profile dev]\n${LINE}\n`);
  });

  it('our line in the config and a damaged entry: the store\'s own words, and log in again', async () => {
    await writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\n${LINE}\n`);
    await expect(restoreProfiles(ctx, ['dev'], damagedStore('the keychain entry for aws/dev is empty'))).rejects.toMatchObject({
      name: 'UserError',
      message: 'the keychain entry for aws/dev is empty',
      opts: { hint: 'Log in again: duo-sso-setup login --profile dev' },
    });
  });

  it('a store error that is not a damaged entry comes through as it is', async () => {
    const store = memoryStore();
    const failure = new SecretStoreError('keychain', 'cannot read from the test keyring: timed out');
    store.get = async () => {
      throw failure;
    };
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toBe(failure);
  });

  it('a damaged entry while the keys are still in the file (a migrate stopped early) is dropped, except in a dry run', async () => {
    const store = damagedStore('the keychain entry for aws/dev is empty');
    const deleted: string[] = [];
    store.delete = async (a) => deleted.push(a) > 0;
    await plantJournal('dev');
    expect(await restoreProfiles({ ...ctx, options: options(true) }, ['dev'], store)).toEqual([{ profile: 'dev', status: 'not-stored' }]);
    expect(deleted).toEqual([]);
    expect(await journal()).toEqual(['dev.json']);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'not-stored' }]);
    expect(deleted).toEqual(['aws/dev']);
    expect(await journal()).toEqual([]);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
  });

  it('a cut-off entry while the file has no keys for the profile: it may be all there is, so it stays, and log in again', async () => {
    const store = memoryStore();
    store.data.set('aws/dev', '{"Version":1,"AccessKeyId":"ASIADEV","SecretAcc');
    await writeFile(paths.awsCredentials, '[dev]\nregion = x\n');
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toMatchObject({
      name: 'UserError',
      message: 'the stored entry for profile dev in the test keyring is damaged',
      opts: { hint: 'Log in again: duo-sso-setup login --profile dev' },
    });
    expect(store.data.size).toBe(1);
  });

  it('a cut-off entry is kept in a dry run', async () => {
    const store = memoryStore();
    store.data.set('aws/dev', '{"Version":1,"AccessKeyId":"ASIADEV","SecretAcc');
    expect(await restoreProfiles({ ...ctx, options: options(true) }, ['dev'], store)).toEqual([{ profile: 'dev', status: 'not-stored' }]);
    expect(store.data.size).toBe(1);
  });

  it('an invalid profile name is refused before anything is read', async () => {
    const store = memoryStore();
    store.get = async () => {
      throw new Error('read');
    };
    await expect(restoreProfiles(ctx, ['../x'], store)).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/^invalid profile name '\.\.\/x': /), exitCode: 2 });
  });
});

describe('restore of a whole entry', () => {
  it('a dry run says what it would do and changes nothing', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const before = [await read(paths.awsCredentials), await read(paths.awsConfig), [...store.data]];
    expect(await restoreProfiles({ ...ctx, options: options(true) }, ['dev'], store)).toEqual([{ profile: 'dev', status: 'would-restore', how: 'exact' }]);
    await writeFile(paths.awsCredentials, '[dev]\naws_access_key_id = ASIANEW\naws_secret_access_key = new\n');
    expect(await restoreProfiles({ ...ctx, options: options(true) }, ['dev'], store)).toEqual([{ profile: 'dev', status: 'would-restore', how: 'rewritten', keptNewerKeys: true }]);
    await writeFile(paths.awsCredentials, before[0] as string);
    expect([await read(paths.awsCredentials), await read(paths.awsConfig), [...store.data]]).toEqual(before);
    expect(await journal()).toEqual([]);
  });

  it('several profiles, each in turn, outcomes in the order asked', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev', 'default'], store, { self: SELF });
    expect(await restoreProfiles(ctx, ['default', 'nothing', 'dev'], store)).toEqual([
      { profile: 'default', status: 'restored', how: 'exact' },
      { profile: 'nothing', status: 'not-stored' },
      { profile: 'dev', status: 'restored', how: 'exact' },
    ]);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
  });

  it('an empty config file migrate found stays, empty', async () => {
    await writeFile(paths.awsConfig, '');
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await read(paths.awsConfig)).toBe('');
  });

  it('a lock that cannot be taken (a pipe planted at it): refused before a file changes, the keys stay stored, no journal left', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const before = [await read(paths.awsCredentials), await read(paths.awsConfig)];
    execFileSync('mkfifo', [`${paths.awsCredentials}.lock`]);
    // Refused by name (the CLI tells the user to remove it).
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toMatchObject({
      name: 'UnsafeFileError',
      path: `${paths.awsCredentials}.lock`,
      why: 'it is a named pipe, not a lock duo-sso-setup made',
    });
    expect([await read(paths.awsCredentials), await read(paths.awsConfig)]).toEqual(before);
    expect(store.data.size).toBe(1);
    expect(await journal()).toEqual([]);
  });

  it('a config file that was missing stays missing', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await rm(paths.awsConfig);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    await expect(read(paths.awsConfig)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await read(paths.awsCredentials)).toBe(CREDS);
  });

  it('a credentials file that is gone gets the keys back as a new file', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await rm(paths.awsCredentials);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    expect(await read(paths.awsCredentials)).toBe('[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\n');
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });
});

describe('restore refusals and stops, nothing changed', () => {
  it('keys that would come back with another profile beside them (an entry edited in the store): refused, files and entry as they were', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const before = [await read(paths.awsCredentials), await read(paths.awsConfig)];
    const entry = parseEntry(store.data.get('aws/dev')!)!;
    const patch = entry.duoSsoSetup.credentialsPatch!;
    const edited = serialiseEntry({ ...entry, duoSsoSetup: { ...entry.duoSsoSetup, credentialsPatch: { ...patch, before: `${patch.before}\n[extra]\naws_access_key_id = AKIAEXTRA\naws_secret_access_key = extrasecret\n` } } });
    store.data.set('aws/dev', edited);
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toMatchObject({
      name: 'UserError',
      message: 'cannot restore profile dev: putting its keys back would change what the AWS CLI sees for profile extra; nothing was changed and its keys are still in the test keyring',
      opts: { hint: 'This is a bug: please report it with the layout of the two files (without the keys).' },
    });
    expect([await read(paths.awsCredentials), await read(paths.awsConfig)]).toEqual(before);
    expect(store.data.get('aws/dev')).toBe(edited);
    expect(await journal()).toEqual([]);
  });

  it('interrupted (Ctrl-C) and stopped at the files\' locks: the journal stays, so the next restore finishes it', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    execFileSync('mkfifo', [`${paths.awsCredentials}.lock`]);
    interrupt('SIGINT');
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toMatchObject({ name: 'UnsafeFileError', path: `${paths.awsCredentials}.lock` });
    expect(await journal()).toEqual(['dev.json']);
    expect(store.data.size).toBe(1);
  });

  describe('while another run holds the profile\'s lock', () => {
    async function heldElsewhere(): Promise<void> {
      await mkdir(join(paths.stateDir, 'locks'), { recursive: true });
      await writeFile(`${profileLockPath(paths, 'dev')}.lock`, serialiseOwner({ pid: process.pid, host: hostname(), token: '0123456789abcdef' }));
    }

    it('a restore waits for it, and gives up with nothing changed', async () => {
      const store = memoryStore();
      await migrateProfiles(ctx, ['dev'], store, { self: SELF });
      const before = [await read(paths.awsCredentials), await read(paths.awsConfig)];
      await heldElsewhere();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
      expect(await outwaitLocks(restoreProfiles(ctx, ['dev'], store), (ms) => vi.setSystemTime(ms))).toMatchObject({ name: 'UserError', message: `${profileLockPath(paths, 'dev')} is locked by another duo-sso-setup process (pid ${process.pid})` });
      expect([await read(paths.awsCredentials), await read(paths.awsConfig)]).toEqual(before);
      expect(store.data.size).toBe(1);
    });

    it('a dry run does not wait for it', async () => {
      const store = memoryStore();
      await migrateProfiles(ctx, ['dev'], store, { self: SELF });
      await heldElsewhere();
      const answer = await Promise.race([
        restoreProfiles({ ...ctx, options: options(true) }, ['dev'], store),
        new Promise((r) => setTimeout(() => r('still waiting for the lock'), 3_000)),
      ]);
      expect(answer).toEqual([{ profile: 'dev', status: 'would-restore', how: 'exact' }]);
    });
  });
});

describe('a config file migrate created', () => {
  it('stays when something else was added to it since, with only our part taken out', async () => {
    await rm(paths.awsConfig);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await writeFile(paths.awsConfig, `${await read(paths.awsConfig)}\n[profile other]\nregion = eu-west-1\n`);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await read(paths.awsConfig)).toBe('\n[profile other]\nregion = eu-west-1\n');
    expect(await read(paths.awsCredentials)).toBe(CREDS);
  });
});

describe('the texts restore computes', () => {
  const entry = (over: Partial<StoredEntry> = {}): StoredEntry => ({
    Version: 1, AccessKeyId: 'ASIADEV', SecretAccessKey: 'devsecret', duoSsoSetup: { profile: 'dev' }, ...over,
  } as StoredEntry);

  it('keys still in the file: the stored ones themselves are an exact restore, others are newer and kept', () => {
    const same = '[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\n';
    expect(restoredCredentials(same, entry(), 'dev')).toEqual({ text: same, exact: true, keptNewer: false });
    const newerId = '[dev]\naws_access_key_id = ASIANEW\naws_secret_access_key = devsecret\n';
    expect(restoredCredentials(newerId, entry(), 'dev')).toEqual({ text: newerId, exact: false, keptNewer: true });
    const newerSecret = '[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = other\n';
    expect(restoredCredentials(newerSecret, entry(), 'dev')).toEqual({ text: newerSecret, exact: false, keptNewer: true });
    // Only part of a set (a login cut off): not the stored keys, and not to be written over.
    const partial = '[dev]\naws_access_key_id = ASIADEV\n';
    expect(restoredCredentials(partial, entry(), 'dev')).toEqual({ text: partial, exact: false, keptNewer: true });
  });

  it('no patch: the keys as lines, a session token only when there is one', () => {
    expect(restoredCredentials('[default]\nregion = x\n', entry(), 'dev')).toEqual({
      text: '[default]\nregion = x\n\n[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\n', exact: false, keptNewer: false,
    });
    expect(restoredCredentials('', entry({ SessionToken: 'tok' }), 'dev').text).toBe('[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = tok\n');
  });

  it('no patch: our line goes, the rest of the section stays; a section without our line is left as it is', () => {
    expect(restoredConfig(`${CONFIG}\n[profile dev]\nregion = eu\n${LINE}\n`, entry(), 'dev')).toEqual({ text: `${CONFIG}\n[profile dev]\nregion = eu\n`, exact: false });
    expect(restoredConfig(`${CONFIG}\n[profile dev]\n${LINE}\n`, entry(), 'dev')).toEqual({ text: `${CONFIG}\n[profile dev]\n`, exact: false });
  });

  it('a section migrate created goes once it is empty; one that was there before stays', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const stored = parseEntry(store.data.get('aws/dev')!)!;
    expect(restoredConfig(`# mine\n${CONFIG}\n[profile dev]\n${LINE.replace('/usr/bin/node', '/usr/local/bin/node')}\n`, stored, 'dev')).toEqual({ text: `# mine\n${CONFIG}`, exact: false });
    expect(restoredConfig(`# mine\n${CONFIG}\n[profile dev]\nregion = eu\n${LINE.replace('/usr/bin/node', '/usr/local/bin/node')}\n`, stored, 'dev')).toEqual({ text: `# mine\n${CONFIG}\n[profile dev]\nregion = eu\n`, exact: false });
    await writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\nregion = eu\n`);
    await writeFile(paths.awsCredentials, CREDS);
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const existed = parseEntry(store.data.get('aws/dev')!)!;
    expect(restoredConfig(`[profile dev]\n${LINE.replace('/usr/bin/node', '/usr/local/bin/node')}\n`, existed, 'dev')).toEqual({ text: '[profile dev]\n', exact: false });
    // The section is gone altogether: nothing to remove.
    expect(restoredConfig('# only this\n', stored, 'dev')).toEqual({ text: '# only this\n', exact: false });
  });
});
