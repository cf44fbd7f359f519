// `credentials migrate` on real files in a temp HOME with an in-memory store: the refusals a
// user reads (exact texts), what another program changing the files while the entry is being
// stored does (simulated at the store write, the moment migrate has read the files but not
// yet locked them), and how an interrupted run is finished.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import type { Paths } from '../../src/platform/paths.js';
import { CONFIG, CREDS, DEV, LINE, makeAwsHome, options, outwaitLocks, SELF } from '../support/aws-home.js';
import { migrateProfiles, type MigrateCtx } from '../../src/credentials/migrate.js';
import { parseEntry } from '../../src/credentials/entry.js';
import { readState } from '../../src/state/state.js';
import { SecretStoreError } from '../../src/secrets/types.js';
import { restoreProfiles } from '../../src/credentials/restore.js';
import { interrupt, resetInterruptForTests } from '../../src/platform/interrupt.js';
import { serialiseOwner } from '../../src/fs/lock.js';
import { profileLockPath } from '../../src/credentials/profile-lock.js';


let home: string;
let paths: Paths;
let ctx: MigrateCtx;
beforeEach(async () => {
  ({ home, paths, ctx } = await makeAwsHome('migrate-', { credentials: CREDS, config: CONFIG }));
});
afterEach(async () => {
  resetInterruptForTests();
  vi.useRealTimers();
  await rm(home, { recursive: true, force: true });
});

const read = (p: string) => readFile(p, 'utf8');
const journal = async () => (await readdir(join(paths.stateDir, 'journal')).catch(() => [] as string[])).sort();
const files = async () => [await read(paths.awsCredentials), await read(paths.awsConfig)];

/** A store whose writes first run `during` (another program at work while migrate stores the entry). */
function storeWith(during: (n: number) => Promise<void>) {
  const store = memoryStore();
  const set = store.set;
  let n = 0;
  store.set = async (a, s) => {
    await set(a, s);
    await during(++n);
  };
  return store;
}

describe('refusals before anything changes', () => {
  it('no credentials file, or no keys for the profile: log in first', async () => {
    await expect(migrateProfiles(ctx, ['prod'], memoryStore(), { self: SELF })).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot migrate profile prod: ${paths.awsCredentials} has no keys for [prod]`,
      opts: { hint: 'Log in first: duo-sso-setup login --profile prod. Nothing was changed.' },
    });
    await rm(paths.awsCredentials);
    await expect(migrateProfiles(ctx, ['dev'], memoryStore(), { self: SELF })).rejects.toMatchObject({
      message: `cannot migrate profile dev: ${paths.awsCredentials} does not exist`,
      opts: { hint: 'Log in first: duo-sso-setup login --profile dev. Nothing was changed.' },
    });
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });

  it('a profile served by another program is refused with that program named', async () => {
    await writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\ncredential_process = /opt/other/helper dev\n`);
    const store = memoryStore();
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot migrate profile dev: profile dev already has credential_process = /opt/other/helper dev in ${paths.awsConfig}`,
      opts: { hint: 'That profile gets its credentials from another program; remove that line first if you want this tool to serve it. Nothing was changed.' },
    });
    expect(store.data.size).toBe(0);
    expect(await files()).toEqual([CREDS, `${CONFIG}\n[profile dev]\ncredential_process = /opt/other/helper dev\n`]);
  });

  it('keys whose session already expired are not stored', async () => {
    await writeFile(paths.awsCredentials, `${CREDS}aws_expiration = 2026-11-26T09:00:00Z\n`);
    const store = memoryStore();
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({ message: 'cannot migrate profile dev: its session credentials expired at 2026-11-26T09:00:00.000Z' });
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
  });

  it('a store that cannot be read stops it; a damaged entry is replaced when there are keys to replace it with', async () => {
    const failing = memoryStore();
    const failure = new SecretStoreError('keychain', 'cannot read from the test keyring: timed out');
    failing.get = async () => {
      throw failure;
    };
    await expect(migrateProfiles(ctx, ['dev'], failing, { self: SELF })).rejects.toBe(failure);
    expect(await files()).toEqual([CREDS, CONFIG]);

    const damaged = memoryStore();
    const get = damaged.get;
    let reads = 0;
    damaged.get = async (a) => {
      if (++reads === 1) throw new SecretStoreError('keychain', 'the entry is empty', true);
      return get(a);
    };
    expect(await migrateProfiles(ctx, ['dev'], damaged, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'migrated' }]);
    expect(parseEntry(damaged.data.get('aws/dev')!)).toMatchObject({ AccessKeyId: 'ASIADEV' });
  });

  it('a damaged entry and no keys in the file: the store\'s error, nothing changed', async () => {
    await writeFile(paths.awsCredentials, '[dev]\nregion = x\n');
    const damaged = memoryStore();
    const error = new SecretStoreError('keychain', 'the entry is empty', true);
    damaged.get = async () => {
      throw error;
    };
    await expect(migrateProfiles(ctx, ['dev'], damaged, { self: SELF })).rejects.toBe(error);
  });

  it('our line but nothing stored, or an entry but no line of ours: with no keys in the file, log in first', async () => {
    await writeFile(paths.awsCredentials, '[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n\n[dev]\n');
    const noKeys = { message: `cannot migrate profile dev: ${paths.awsCredentials} has no keys for [dev]`, opts: { hint: 'Log in first: duo-sso-setup login --profile dev. Nothing was changed.' } };
    await writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\n${LINE}\n`);
    await expect(migrateProfiles(ctx, ['dev'], memoryStore(), { self: SELF })).rejects.toMatchObject(noKeys);
    await writeFile(paths.awsConfig, CONFIG);
    const store = memoryStore();
    store.data.set('aws/dev', JSON.stringify({ Version: 1, AccessKeyId: 'ASIADEV', SecretAccessKey: 'devsecret', duoSsoSetup: { profile: 'dev' } }));
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject(noKeys);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
  });

  it('a name that cannot be written safely is skipped with its reason; the others go ahead', async () => {
    const store = memoryStore();
    const outcomes = await migrateProfiles(ctx, ['bad]name', 'dev'], store, { self: SELF });
    expect(outcomes[0]).toEqual({ profile: 'bad]name', status: 'skipped', reason: expect.stringMatching(/.+/), store: 'keychain', plaintextBackups: [] });
    expect(outcomes[1]).toMatchObject({ profile: 'dev', status: 'migrated' });
    expect(outcomes).toHaveLength(2);
  });
});

describe('a store that does not give back what was stored', () => {
  it('says so; what it holds stays when this run cannot prove it wrote it, with the store\'s remove command', async () => {
    const store = { ...memoryStore({ corrupt: true }), removeCommand: (a: string) => `security delete-generic-password -a ${a}` };
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({
      name: 'UserError',
      message: 'the test keyring did not give back what was stored for profile dev',
      opts: { hint: 'Nothing was removed from your credentials file. What the store holds now was left as it is (this run cannot prove it wrote it); remove it with: security delete-generic-password -a aws/dev. Try --store with the other store.' },
    });
    expect(await files()).toEqual([CREDS, CONFIG]);
    expect(await journal()).toEqual([]);
  });

  it('when the entry turns out to be ours after all, it is taken out again and the hint says only what to try', async () => {
    const store = memoryStore();
    const get = store.get;
    let reads = 0;
    // The read-back right after the write comes back garbled; the check before the undo reads it whole.
    store.get = async (a) => (++reads === 2 ? `${await get(a)}x` : get(a));
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({
      message: 'the test keyring did not give back what was stored for profile dev',
      opts: { hint: 'Nothing was removed from your credentials file. Try --store with the other store.' },
    });
    expect(store.data.size).toBe(0);
    expect(await files()).toEqual([CREDS, CONFIG]);
  });
});

describe('the files change while the entry is being stored', () => {
  it('a login writes new keys once: migrate starts over and moves the new ones', async () => {
    const fresh = CREDS.replace('ASIADEV', 'ASIANEW').replace('devsecret', 'newsecret');
    const store = storeWith(async (n) => {
      if (n === 1) await writeFile(paths.awsCredentials, fresh);
    });
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'migrated' }]);
    expect(parseEntry(store.data.get('aws/dev')!)).toMatchObject({ AccessKeyId: 'ASIANEW', SecretAccessKey: 'newsecret' });
    expect(await read(paths.awsCredentials)).not.toContain('newsecret');
    expect(await journal()).toEqual([]);
  });

  it('new keys at every attempt: gives up after three, nothing changed, no entry left', async () => {
    let round = 0;
    const store = storeWith(async () => {
      round++;
      await writeFile(paths.awsCredentials, CREDS.replace('ASIADEV', `ASIANEW${round}`));
    });
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({
      name: 'UserError',
      message: `cannot migrate profile dev: ${paths.awsCredentials} got new keys for [dev] meanwhile (a login wrote them)`,
      opts: { hint: 'Nothing was changed. Run the command again.' },
    });
    expect(round).toBe(3);
    expect(store.data.size).toBe(0);
    expect(await read(paths.awsConfig)).toBe(CONFIG);
    expect(await journal()).toEqual([]);
  });

  it.each([
    ['the profile\'s credentials section is edited', () => writeFile(paths.awsCredentials, CREDS.replace('[dev]\n', '[dev]\nregion = eu-west-1\n')), () => `[dev] in ${paths.awsCredentials} was edited meanwhile`],
    ['the profile\'s config section is edited', () => writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\nregion = eu-west-1\n`), () => `the section of profile dev in ${paths.awsConfig} was edited meanwhile`],
    ['the keys are taken out', () => writeFile(paths.awsCredentials, '[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n'), () => `${paths.awsCredentials} no longer has keys for [dev]`],
    ['another program takes the profile over', () => writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\ncredential_process = /opt/other/helper\n`), () => `profile dev already has credential_process = /opt/other/helper in ${paths.awsConfig}`],
  ])('%s: refused, the files as that program left them, no entry left', async (_, change, why) => {
    let left: string[] = [];
    const store = storeWith(async (n) => {
      if (n !== 1) return;
      await change();
      left = await files();
    });
    const error = await migrateProfiles(ctx, ['dev'], store, { self: SELF }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'UserError', message: `cannot migrate profile dev: ${why()}`, opts: { hint: 'Nothing was changed. Run the command again.' } });
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
    expect(left).toHaveLength(2);
    expect(await files()).toEqual(left);
  });

  it('the state file cannot be written after the move: the keys are served, and the journal keeps the profile findable', async () => {
    const store = storeWith(async (n) => {
      if (n === 1) {
        await mkdir(paths.stateDir, { recursive: true });
        execFileSync('mkfifo', [join(paths.stateDir, 'state.json.lock')]);
      }
    });
    const error = await migrateProfiles(ctx, ['dev'], store, { self: SELF }).then(() => undefined, (e: unknown) => e as Error);
    expect(error).toMatchObject({
      name: 'UserError',
      message: `profile dev: keys moved into the test keyring, but cannot update ${join(paths.stateDir, 'state.json')}: ${join(paths.stateDir, 'state.json.lock')}: it is a named pipe, not a lock duo-sso-setup made; it was left unchanged`,
      opts: { hint: 'Its journal keeps it findable: `duo-sso-setup credentials restore --profile dev` puts the keys back; once the state file is writable, `duo-sso-setup credentials migrate --profile dev` records it.' },
    });
    expect(await read(paths.awsCredentials)).not.toContain('devsecret');
    expect(await journal()).toEqual(['dev.json']);
    // Once the state file is writable again, migrate records it and the journal ends.
    await rm(join(paths.stateDir, 'state.json.lock'));
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'already' }]);
    expect(await journal()).toEqual([]);
    expect((await readState(paths)).storedProfiles).toEqual(['dev']);
  });
});

describe('the launcher credential_process runs', () => {
  const launcher = () => join(paths.localBin, 'duo-sso-setup-launcher');

  it('is written before a line names it, and the line names it; not in a dry run, nor when told what to run, nor for no profile', async () => {
    await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], memoryStore());
    await migrateProfiles(ctx, [], memoryStore());
    await migrateProfiles(ctx, ['default'], memoryStore(), { self: SELF });
    await expect(stat(launcher())).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await migrateProfiles(ctx, ['dev'], memoryStore())).toMatchObject([{ profile: 'dev', status: 'migrated' }]);
    expect(await read(launcher())).toMatch(/^#!\/bin\/sh\n# duo-sso-setup launcher/);
    expect(await read(paths.awsConfig)).toContain(`[profile dev]\ncredential_process = ${launcher()} credential-process --profile dev\n`);
  });
});

describe('what migrate reports', () => {
  it('the expiry it knows, and none for long-term keys, for a dry run, a move and a profile already moved', async () => {
    await writeFile(paths.awsCredentials, `${CREDS}aws_expiration = 2026-11-26T11:00:00Z\n`);
    const store = memoryStore();
    const known = { store: 'keychain', expiration: '2026-11-26T11:00:00.000Z', expirationSource: 'file', plaintextBackups: [] };
    expect(await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], store, { self: SELF })).toStrictEqual([{ profile: 'dev', status: 'would-migrate', ...known }]);
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toStrictEqual([{ profile: 'dev', status: 'migrated', ...known }]);
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toStrictEqual([{ profile: 'dev', status: 'already', ...known }]);
    // default's keys are long-term ones (AKIA, no session token): nothing expires.
    const unknown = { store: 'keychain', expirationSource: 'none', plaintextBackups: [] };
    expect(await migrateProfiles(ctx, ['default'], store, { self: SELF })).toStrictEqual([{ profile: 'default', status: 'migrated', ...unknown }]);
    expect(await migrateProfiles(ctx, ['default'], store, { self: SELF })).toStrictEqual([{ profile: 'default', status: 'already', ...unknown }]);
  });
});

describe('a profile already migrated', () => {
  it('a dry run records nothing; a real run finishes the record of a run cut off after the files', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await rm(join(paths.stateDir, 'state.json'));
    expect(await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'already', store: 'keychain', plaintextBackups: [] }]);
    expect((await readState(paths)).storedProfiles ?? []).toEqual([]);
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'already' }]);
    expect((await readState(paths)).storedProfiles).toEqual(['dev']);
    expect(await read(paths.awsConfig)).toBe(`${CONFIG}\n[profile dev]\n${LINE}\n`);
  });

  it('the credentials file gone while the store is read: its backups are still looked for beside where it was', async () => {
    const backup = `${paths.awsCredentials}.2026-11-02T00-00-00-000Z.bak`;
    await writeFile(backup, CREDS);
    const store = memoryStore();
    const get = store.get;
    store.get = async (a) => {
      await rm(paths.awsCredentials);
      return get(a);
    };
    const [o] = await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], store, { self: SELF });
    expect(o).toMatchObject({ status: 'would-migrate', plaintextBackups: [backup] });
  });

  it('a backup that is a named pipe is not waited on when looking for plaintext copies', async () => {
    execFileSync('mkfifo', [`${paths.awsCredentials}.2026-11-01T00-00-00-000Z.bak`]);
    await writeFile(`${paths.awsCredentials}.2026-11-02T00-00-00-000Z.bak`, CREDS);
    const [o] = await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], memoryStore(), { self: SELF });
    expect(o).toMatchObject({ status: 'would-migrate', plaintextBackups: [`${paths.awsCredentials}.2026-11-02T00-00-00-000Z.bak`] });
  });
});

describe('a profile already migrated whose line names an older path of the tool', () => {
  it('relinked: the line follows the tool, and restore still puts the config back exactly', async () => {
    await writeFile(paths.awsConfig, `${CONFIG}\n[profile dev]\nregion = eu-west-1\n`);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(await migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] })).toMatchObject([{ profile: 'dev', status: 'relinked' }]);
    expect(await read(paths.awsConfig)).toBe(`${CONFIG}\n[profile dev]\nregion = eu-west-1\n${LINE.replace('/usr/bin/node /opt/duo-sso-setup/cli.js', '/new/node /new/cli.js')}\n`);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await files()).toEqual([CREDS, `${CONFIG}\n[profile dev]\nregion = eu-west-1\n`]);
  });

  it('relinked to a path with `$$`, `$&` and `$\'` in it: restore right after is exact, and back on the old path too', async () => {
    // Once written for the fit check that kept the unfollowed edit when String.replace read `$$`
    // as one `$` (b990c16); the edit now follows such a path character for character, so the
    // restore right after the relink is exact (before: 'rewritten').
    const original = `${CONFIG}\n[profile dev]\nregion = eu-west-1\n`;
    await writeFile(paths.awsConfig, original);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const odd = ['/opt/a$$b/node', "/opt/c$&d$'e$`f/cli.js"];
    expect(await migrateProfiles(ctx, ['dev'], store, { self: odd })).toMatchObject([{ profile: 'dev', status: 'relinked' }]);
    const relinked = await read(paths.awsConfig);
    expect(relinked).toContain("credential_process = '/opt/a$$b/node' '/opt/c$&d$'\\''e$`f/cli.js' credential-process --profile dev\n");
    const entry = parseEntry(store.data.get('aws/dev')!);
    expect(entry?.duoSsoSetup.configPatch?.after).toBe(`${relinked.slice(original.length)}`);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await files()).toEqual([CREDS, original]);

    await writeFile(paths.awsCredentials, CREDS);
    await writeFile(paths.awsConfig, original);
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await migrateProfiles(ctx, ['dev'], store, { self: odd });
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'relinked' }]);
    expect(await read(paths.awsConfig)).toBe(`${original}${LINE}\n`);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await files()).toEqual([CREDS, original]);
  });

  it('relinked while the section around the line was edited: the recorded edit follows the line anyway, so once that edit is undone restore is exact', async () => {
    // The edit no longer fits at the relink (a line was added above ours), but it is the one
    // that fits when the line is taken out again; the old path's edit never would.
    const original = `${CONFIG}\n[profile dev]\nregion = eu-west-1\n`;
    await writeFile(paths.awsConfig, original);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await writeFile(paths.awsConfig, `${original}output = json\n${LINE}\n`);
    expect(await migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] })).toMatchObject([{ profile: 'dev', status: 'relinked' }]);
    const newLine = LINE.replace('/usr/bin/node /opt/duo-sso-setup/cli.js', '/new/node /new/cli.js');
    expect(await read(paths.awsConfig)).toBe(`${original}output = json\n${newLine}\n`);
    await writeFile(paths.awsConfig, `${original}${newLine}\n`);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await files()).toEqual([CREDS, original]);
  });

  it('stopped between storing the relinked entry and rewriting the line: nothing lost or doubled, the line still served; restore is then rewritten (keys whole), and the next migrate makes it exact again', async () => {
    // The order migrateOnce keeps (entry, then line): the state a kill between the two leaves.
    const original = `${CONFIG}\n[profile dev]\nregion = eu-west-1\n`;
    await writeFile(paths.awsConfig, original);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const keys = (text: string) => { const e = parseEntry(text)!; return [e.AccessKeyId, e.SecretAccessKey, e.SessionToken]; };
    expect(keys(store.data.get('aws/dev')!)).toEqual(['ASIADEV', 'devsecret', 'devtoken']);
    const set = store.set;
    store.set = async (a, t) => {
      await set(a, t);
      throw new Error('stopped here');
    };
    await expect(migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] })).rejects.toThrow('stopped here');
    store.set = set;
    // The same keys, once: in the entry the old line still names; not in the credentials file.
    expect(keys(store.data.get('aws/dev')!)).toEqual(['ASIADEV', 'devsecret', 'devtoken']);
    expect(await read(paths.awsConfig)).toBe(`${original}${LINE}\n`);
    expect(await read(paths.awsCredentials)).not.toContain('devsecret');
    const stopped = [await read(paths.awsCredentials), await read(paths.awsConfig), store.data.get('aws/dev')!];

    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    const [credentials, config] = await files();
    expect(credentials).toContain('[dev]\naws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\n');
    expect(config).not.toContain('credential_process');

    // From the same stopped state, the next migrate instead: relinked, and restore is exact.
    await writeFile(paths.awsCredentials, stopped[0]!);
    await writeFile(paths.awsConfig, stopped[1]!);
    store.data.set('aws/dev', stopped[2]!);
    expect(await migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] })).toMatchObject([{ profile: 'dev', status: 'relinked' }]);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    expect(await files()).toEqual([CREDS, original]);
  });

  it('our line in place but the store lost its entry: a login\'s keys are moved, and the line still follows the tool later', async () => {
    const linked = `${CONFIG}\n[profile dev]\n${LINE}\n`;
    await writeFile(paths.awsConfig, linked);
    const store = memoryStore();
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'migrated' }]);
    expect(await files()).toEqual([CREDS.replace(DEV, '[dev]\n'), linked]);
    expect(await migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] })).toMatchObject([{ profile: 'dev', status: 'relinked' }]);
    expect(await read(paths.awsConfig)).toBe(linked.replace('/usr/bin/node /opt/duo-sso-setup/cli.js', '/new/node /new/cli.js'));
    // No edit of the config was recorded (the line was there): restore takes the line out and leaves the section.
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    expect(await files()).toEqual([CREDS, `${CONFIG}\n[profile dev]\n`]);
  });

  it('a new path the config cannot hold on one line (a folder name with a line break) is not written', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const config = await read(paths.awsConfig);
    const stored = store.data.get('aws/dev');
    expect(await migrateProfiles(ctx, ['dev'], store, { self: ['/opt/new\n[profile evil]\nregion = x', '/cli.js'] })).toMatchObject([{ profile: 'dev', status: 'already' }]);
    expect(await read(paths.awsConfig)).toBe(config);
    expect(store.data.get('aws/dev')).toBe(stored);
  });

  it('a line another run changed meanwhile is left as it wrote it', async () => {
    const third = `${CONFIG}\n[profile dev]\ncredential_process = /third/node /third/cli.js credential-process --profile dev\n`;
    const store = storeWith(async (n) => {
      // While the relinked entry is being stored: another installation of the tool relinks it too.
      if (n === 2) await writeFile(paths.awsConfig, third);
    });
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await migrateProfiles(ctx, ['dev'], store, { self: ['/new/node', '/new/cli.js'] });
    expect(await read(paths.awsConfig)).toBe(third);
  });

  it('migrated again after a login, from a config file the first migrate created: restore removes that file', async () => {
    await rm(paths.awsConfig);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    await writeFile(paths.awsCredentials, CREDS.replace('ASIADEV', 'ASIANEW'));
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'migrated' }]);
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'exact' }]);
    await expect(stat(paths.awsConfig)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await read(paths.awsCredentials)).toBe(CREDS.replace('ASIADEV', 'ASIANEW'));
  });

  it('a run cut off after it recorded the state but before its journal ended: migrate ends the journal', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect((await readState(paths)).storedProfiles).toEqual(['dev']);
    await writeFile(join(paths.stateDir, 'journal', 'dev.json'), JSON.stringify({ version: 1, operation: 'migrate', profile: 'dev', store: 'keychain', startedAt: '2026-11-26T09:00:00.000Z', pid: 1, files: {} }));
    expect(await migrateProfiles(ctx, ['dev'], store, { self: SELF })).toMatchObject([{ profile: 'dev', status: 'already' }]);
    expect(await journal()).toEqual([]);
  });
});

describe('a migrate interrupted (Ctrl-C) before it changed a file', () => {
  it('the read-back cut short: its journal stays, so restore finds the entry it left and takes it out', async () => {
    const store = memoryStore();
    const get = store.get;
    let reads = 0;
    store.get = async (a) => {
      if (++reads === 1) return get(a);
      // The store's helper got the terminal's SIGINT while reading the entry back (and again for the undo's check).
      interrupt('SIGINT');
      throw new SecretStoreError('keychain', 'the keychain helper was interrupted');
    };
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({ message: 'the keychain helper was interrupted' });
    expect(await files()).toEqual([CREDS, CONFIG]);
    expect(parseEntry(store.data.get('aws/dev')!)).toMatchObject({ AccessKeyId: 'ASIADEV' });
    expect(await journal()).toEqual(['dev.json']);
    resetInterruptForTests();
    store.get = get;
    // The keys never left the file; the config had nothing of ours to take out.
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten' }]);
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
    expect(await files()).toEqual([CREDS, CONFIG]);
  });

  it('stopped at the files\' locks: the entry and its journal stay for restore (the undo may have been cut short too)', async () => {
    const store = memoryStore();
    const set = store.set;
    store.set = async (a, s) => {
      await set(a, s);
      interrupt('SIGINT');
    };
    execFileSync('mkfifo', [`${paths.awsCredentials}.lock`]);
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({ name: 'UnsafeFileError', path: `${paths.awsCredentials}.lock` });
    expect(parseEntry(store.data.get('aws/dev')!)).toMatchObject({ AccessKeyId: 'ASIADEV' });
    expect(await journal()).toEqual(['dev.json']);
    expect(await files()).toEqual([CREDS, CONFIG]);
  });

  it('not interrupted, stopped at the files\' locks: the entry goes again and so does the journal', async () => {
    const store = memoryStore();
    execFileSync('mkfifo', [`${paths.awsCredentials}.lock`]);
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({ name: 'UnsafeFileError', path: `${paths.awsCredentials}.lock` });
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
    expect(await files()).toEqual([CREDS, CONFIG]);
  });
});

describe('the profile lock', () => {
  /** Another run (alive: this process's pid) holds the profile's lock. */
  async function heldElsewhere(): Promise<void> {
    await mkdir(join(paths.stateDir, 'locks'), { recursive: true });
    await writeFile(`${profileLockPath(paths, 'dev')}.lock`, serialiseOwner({ pid: process.pid, host: hostname(), token: '0123456789abcdef' }));
  }

  it('a run waits for it, and gives up with nothing changed while another run holds it', async () => {
    await heldElsewhere();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T10:00:00Z'));
    const store = memoryStore();
    expect(await outwaitLocks(migrateProfiles(ctx, ['dev'], store, { self: SELF }), (ms) => vi.setSystemTime(ms))).toMatchObject({ name: 'UserError', message: `${profileLockPath(paths, 'dev')} is locked by another duo-sso-setup process (pid ${process.pid})` });
    expect(store.data.size).toBe(0);
    expect(await files()).toEqual([CREDS, CONFIG]);
  });

  it('a dry run does not wait for it', async () => {
    await heldElsewhere();
    const answer = await Promise.race([
      migrateProfiles({ ...ctx, options: options(true) }, ['dev'], memoryStore(), { self: SELF }),
      new Promise((r) => setTimeout(() => r('still waiting for the lock'), 3_000)),
    ]);
    expect(answer).toMatchObject([{ profile: 'dev', status: 'would-migrate' }]);
  });
});

describe('plaintext backups', () => {
  it('a link planted at a backup\'s name is not followed, even to a file that holds the key', async () => {
    await writeFile(join(home, 'elsewhere'), CREDS);
    await symlink(join(home, 'elsewhere'), `${paths.awsCredentials}.2026-11-01T00-00-00-000Z.bak`);
    await writeFile(`${paths.awsCredentials}.2026-11-02T00-00-00-000Z.bak`, CREDS);
    const [o] = await migrateProfiles({ ...ctx, options: options(true) }, ['dev'], memoryStore(), { self: SELF });
    expect(o).toMatchObject({ status: 'would-migrate', plaintextBackups: [`${paths.awsCredentials}.2026-11-02T00-00-00-000Z.bak`] });
  });
});
