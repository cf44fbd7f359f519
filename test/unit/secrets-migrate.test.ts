import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, rm, writeFile, mkdir, symlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import type { Paths } from '../../src/platform/paths.js';
import { CONFIG, makeAwsHome, options, SELF } from '../support/aws-home.js';
import { migrateProfiles, type MigrateCtx } from '../../src/credentials/migrate.js';
import { restoreProfiles } from '../../src/credentials/restore.js';
import { parseEntry } from '../../src/credentials/entry.js';
import { readState, updateState } from '../../src/state/state.js';
import { loginSession, withSession } from '../../src/state/sessions.js';
import { SecretStoreError } from '../../src/secrets/types.js';


const CREDS = '# duo-sso\n[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n\n[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\n';

let home: string;
let paths: Paths;
let ctx: MigrateCtx;
beforeEach(async () => {
  ({ home, paths, ctx } = await makeAwsHome('secrets-migrate-', { credentials: CREDS, config: CONFIG }));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const read = (p: string) => readFile(p, 'utf8');

describe('migrateProfiles / restoreProfiles', () => {
  it('lists older backups that still hold the key in plaintext, beside the file or beside where its symlink points', async () => {
    const old = `${paths.awsCredentials}.2026-11-01T00-00-00-000Z.bak`;
    await writeFile(old, CREDS);
    await writeFile(`${paths.awsCredentials}.2026-11-02T00-00-00-000Z.bak`, '[dev]\nregion = x\n');
    const [plain] = await migrateProfiles(ctx, ['dev'], memoryStore(), { self: SELF });
    expect(plain!.plaintextBackups).toEqual([old]);

    // ~/.aws/credentials as a link into a dotfiles folder: safe-write keeps backups beside the real file.
    await mkdir(join(home, 'dotfiles'));
    const real = join(home, 'dotfiles', 'aws-credentials');
    await writeFile(real, CREDS);
    await writeFile(`${real}.2026-11-03T00-00-00-000Z.bak`, CREDS);
    await rm(paths.awsCredentials);
    await symlink(real, paths.awsCredentials);
    await writeFile(paths.awsConfig, CONFIG);
    const [linked] = await migrateProfiles(ctx, ['dev'], memoryStore(), { self: SELF });
    expect(linked!.plaintextBackups).toEqual([`${real}.2026-11-03T00-00-00-000Z.bak`]);
  });

  it('moves one profile\'s keys (expiry unknown: not from the file\'s time), records the state, and restores byte-for-byte', async () => {
    // The file's modification time says nothing about when the keys were issued (a touch moves it later).
    const written = new Date('2026-11-26T09:30:00Z');
    await utimes(paths.awsCredentials, written, written);
    await mkdir(join(home, '.config', 'duo-sso'), { recursive: true });
    await writeFile(paths.duoConfig, JSON.stringify({ session_duration_seconds: 3600, profiles: { dev: { session_duration_seconds: 7200 } } }));
    const store = memoryStore();
    const [outcome] = await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(outcome).toEqual({ profile: 'dev', status: 'migrated', store: 'keychain', expirationSource: 'unknown', plaintextBackups: [] });
    expect(await read(paths.awsCredentials)).toBe('# duo-sso\n[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n\n[dev]\n');
    expect(await read(paths.awsConfig)).toBe(`${CONFIG}\n[profile dev]\ncredential_process = /usr/bin/node /opt/duo-sso-setup/cli.js credential-process --profile dev\n`);
    // No plaintext backup of the credentials file; the config (no secrets) has one.
    expect((await readdir(join(home, '.aws'))).filter((n) => n.startsWith('credentials.'))).toEqual([]);
    const entry = parseEntry(store.data.get('aws/dev')!)!;
    expect(entry).toMatchObject({ AccessKeyId: 'ASIADEV', SecretAccessKey: 'devsecret', SessionToken: 'devtoken' });
    expect(await readState(paths)).toMatchObject({
      secretStore: 'keychain',
      storedProfiles: ['dev'],
      storedCredentials: { dev: { store: 'keychain', storedAt: '2026-11-26T10:00:00.000Z', expirationSource: 'unknown' } },
    });
    expect(JSON.stringify(await readState(paths))).not.toContain('devsecret');

    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
    expect(store.data.size).toBe(0);
    expect(await readState(paths)).toMatchObject({ storedProfiles: [], storedCredentials: {} });
  });

  it('a store that refuses the write leaves both files untouched', async () => {
    await expect(migrateProfiles(ctx, ['dev'], memoryStore({ failSet: true }), { self: SELF })).rejects.toThrow(/locked/);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });

  it('a store that gives back something else: both files untouched, and what it holds is not taken for ours', async () => {
    const store = memoryStore({ corrupt: true });
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toThrow(/did not give back what was stored/);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
    // Not what this run wrote (verified by content), so the undo leaves it, and says so.
    expect(store.data.size).toBe(1);
    expect(await readdir(join(paths.stateDir, 'journal')).catch(() => [])).toEqual([]);
  });

  it('restore drops an entry cut off mid-write (a killed migrate) while the keys are still in the file; refuses when they are not', async () => {
    const store = memoryStore();
    store.data.set('aws/dev', '{"Version":1,"AccessKeyId":"ASIADEV","SecretAcc');
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'not-stored' }]);
    expect(store.data.size).toBe(0);
    expect(await read(paths.awsCredentials)).toBe(CREDS);

    // No keys in the file: the entry may be all there is, so it stays and the error says so.
    store.data.set('aws/dev', '{"Version":1,"AccessKeyId":"ASIADEV","SecretAcc');
    await writeFile(paths.awsCredentials, '[dev]\nregion = x\n');
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toThrow(/stored entry for profile dev .* is damaged/);
    expect(store.data.size).toBe(1);
  });

  it('undo only removes what this run wrote: another run\'s entry, stored between our write and read-back, stays (issue 15)', async () => {
    // The lost-key race: run B stored and verified its entry (and emptied the file) while run
    // A's read-back was failing; A's undo used to delete B's entry, the only copy of the key.
    const store = memoryStore();
    const theirs = '{"Version":1,"AccessKeyId":"ASIADEV","SecretAccessKey":"devsecret","duoSsoSetup":{"profile":"dev"}}';
    const get = store.get;
    let reads = 0;
    store.get = async (a) => {
      if (++reads === 2) {
        store.data.set(a, theirs);
        throw new SecretStoreError('keychain', 'cannot read from the test keyring: timed out');
      }
      return get(a);
    };
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toThrow(/timed out/);
    expect(store.data.get('aws/dev')).toBe(theirs);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
  });

  it('dry run: reports, changes nothing, stores nothing', async () => {
    const store = memoryStore();
    const [o] = await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], store, { self: SELF });
    expect(o!.status).toBe('would-migrate');
    expect(store.data.size).toBe(0);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });

  it('uses login\'s record of the run that issued these keys (its start + the duration); a missing profile is an error that changes nothing', async () => {
    const store = memoryStore();
    await updateState(paths, (s) => withSession(s, 'dev', loginSession(new Date('2026-11-26T09:45:00Z'), 3600, 'ASIADEV', new Date('2026-11-26T09:46:30Z'))));
    const [o] = await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(o).toMatchObject({ expiration: '2026-11-26T10:45:00.000Z', expirationSource: 'login' });
    const before = await read(paths.awsCredentials);
    await expect(migrateProfiles(ctx, ['prod'], store, { self: SELF })).rejects.toThrow(/has no keys for \[prod\]/);
    expect(await read(paths.awsCredentials)).toBe(before);
  });

  it('after a new login wrote keys again: migrates the new keys, and restore still undoes the first config edit', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const migratedConfig = await read(paths.awsConfig);
    // duo-sso logs in again and writes fresh keys into the file.
    const relogged = (await read(paths.awsCredentials)).replace('[dev]\n', '[dev]\naws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\naws_session_token = newtoken\n');
    await writeFile(paths.awsCredentials, relogged);
    const [o] = await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(o!.status).toBe('migrated');
    expect(await read(paths.awsConfig)).toBe(migratedConfig);
    expect(parseEntry(store.data.get('aws/dev')!)).toMatchObject({ AccessKeyId: 'ASIANEW' });
    expect((await migrateProfiles(ctx, ['dev'], store, { self: SELF }))[0]!.status).toBe('already');
    // The tool moved (e.g. a new Node version): the line follows, and restore still cleans up.
    expect((await migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] }))[0]!.status).toBe('relinked');
    expect(await read(paths.awsConfig)).toBe(migratedConfig.replace('/usr/bin/node /opt/duo-sso-setup/cli.js', '/new/node /new/cli.js'));
    // A login writes keys again while the tool lives at yet another path: migrate moves both.
    await writeFile(paths.awsCredentials, relogged);
    expect((await migrateProfiles(ctx, ['dev'], store, { self: ['/newer/node', '/newer/cli.js'] }))[0]!.status).toBe('migrated');
    expect(await read(paths.awsConfig)).toBe(migratedConfig.replace('/usr/bin/node /opt/duo-sso-setup/cli.js', '/newer/node /newer/cli.js'));
    await restoreProfiles(ctx, ['dev'], store);
    expect(await read(paths.awsCredentials)).toBe(relogged);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });

  it('restore after the files changed: lines go back where they were, else are appended, never over newer keys', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    // Edits elsewhere in the files do not stop an exact put-back.
    await writeFile(paths.awsCredentials, '[dev]\nregion = eu-west-1\n');
    await writeFile(paths.awsConfig, `# edited\n${await read(paths.awsConfig)}`);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await read(paths.awsCredentials)).toBe('[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\nregion = eu-west-1\n');
    expect(await read(paths.awsConfig)).toBe(`# edited\n${CONFIG}`);

    // The section is gone: the keys are written back as a new section.
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await writeFile(paths.awsCredentials, '[default]\nregion = x\n');
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    expect(await read(paths.awsCredentials)).toBe('[default]\nregion = x\n\n[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\n');

    // duo-sso wrote newer keys since: they win.
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await writeFile(paths.awsCredentials, '[dev]\naws_access_key_id = ASIANEWER\naws_secret_access_key = newer\n');
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten', keptNewerKeys: true }]);
    expect(await read(paths.awsCredentials)).toBe('[dev]\naws_access_key_id = ASIANEWER\naws_secret_access_key = newer\n');
    expect(await read(paths.awsConfig)).toBe(`# edited\n${CONFIG}`);
  });

  it('restoring a config file migrate created removes it again', async () => {
    await rm(paths.awsConfig);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(await read(paths.awsConfig)).toMatch(/^\[profile dev\]\ncredential_process = /);
    await restoreProfiles(ctx, ['dev'], store);
    await expect(read(paths.awsConfig)).rejects.toThrow(/ENOENT/);
    expect(await read(paths.awsCredentials)).toBe(CREDS);
  });
});

describe('restore when our config line was edited by hand', () => {
  it('removes the line, and the section migrate created once it is empty', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const config = await read(paths.awsConfig);
    await writeFile(paths.awsConfig, config.replace('/usr/bin/node', '/usr/local/bin/node'));
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });
});
