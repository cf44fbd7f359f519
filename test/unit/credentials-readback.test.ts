// Another program (one that takes no lock: duo-sso, an editor) writes a ~/.aws file after
// migrate or restore wrote it and before they read it back. The moment is made exact by
// letting the files' write step call that program when it is done; everything else is real
// (files in a temp HOME, locks, journal, an in-memory store). What must hold: the entry stays
// in the store (it may be the only copy of the keys), the journal stays (the run is
// unfinished), the error names the file that changed, and the command it suggests finishes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import type { Paths } from '../../src/platform/paths.js';
import { CONFIG, CREDS, LINE, makeAwsHome, NOW, SELF } from '../support/aws-home.js';
import { migrateProfiles, type MigrateCtx } from '../../src/credentials/migrate.js';
import { restoreProfiles } from '../../src/credentials/restore.js';
import { entryDigest } from '../../src/credentials/journal.js';
import { parseEntry, serialiseEntry } from '../../src/credentials/entry.js';
import { readState } from '../../src/state/state.js';
import type { LockedAwsFiles } from '../../src/credentials/files.js';

/** Runs after the named file was written by migrate or restore (once), as another program would. */
const race = vi.hoisted(() => ({ after: undefined as undefined | { file: 'config' | 'credentials'; run: () => Promise<void> } }));

vi.mock('../../src/credentials/files.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/credentials/files.js')>();
  const interleaved = (files: LockedAwsFiles): LockedAwsFiles => {
    const wrap = (which: 'config' | 'credentials') => ({
      ...files[which],
      write: async (content: string | Uint8Array) => {
        const result = await files[which].write(content);
        const other = race.after;
        if (other?.file === which) {
          race.after = undefined;
          await other.run();
        }
        return result;
      },
    });
    return { config: wrap('config'), credentials: wrap('credentials') };
  };
  return { ...real, withAwsFiles: ((paths, fn) => real.withAwsFiles(paths, (now, files) => fn(now, interleaved(files)))) as typeof real.withAwsFiles };
});

/** What a login writes meanwhile: newer keys for the profile. */
const RELOGGED = '[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = defsecret\n\n[dev]\naws_access_key_id = ASIANEWER\naws_secret_access_key = newersecret\n';
/** The clock of makeAwsHome's context, as the journal writes it. */
const T = new Date(NOW).toISOString();

let home: string;
let paths: Paths;
let ctx: MigrateCtx;
beforeEach(async () => {
  race.after = undefined;
  ({ home, paths, ctx } = await makeAwsHome('readback-', { credentials: CREDS, config: CONFIG }));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const read = (p: string) => readFile(p, 'utf8');
const journal = async () => (await readdir(join(paths.stateDir, 'journal')).catch(() => [] as string[])).sort();
const record = async (profile: string) => JSON.parse(await read(join(paths.stateDir, 'journal', `${profile}.json`))) as Record<string, unknown>;

describe('restore, when another program writes a file before restore reads it back', () => {
  it('the credentials file: restore stops with the entry still stored and its journal kept; run again, it finishes', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const stored = store.data.get('aws/dev');
    race.after = { file: 'credentials', run: () => writeFile(paths.awsCredentials, RELOGGED) };
    // A context without a clock of its own: the journal has the time of day.
    const started = Date.now();
    await expect(restoreProfiles({ paths, options: ctx.options }, ['dev'], store)).rejects.toMatchObject({
      name: 'UserError',
      message: `${paths.awsCredentials} changed while restoring profile dev (another program wrote it); its keys are still in the test keyring`,
      opts: { hint: 'Run the command again.' },
    });
    expect(store.data.get('aws/dev')).toBe(stored);
    expect(await read(paths.awsCredentials)).toBe(RELOGGED);
    expect(await journal()).toEqual(['dev.json']);
    const r = await record('dev');
    expect(r).toMatchObject({ operation: 'restore', profile: 'dev', store: 'keychain' });
    expect(Date.parse(String(r.startedAt))).toBeGreaterThanOrEqual(started - 1000);
    expect((await readState(paths)).storedProfiles).toEqual(['dev']);
    // Run again: the newer keys in the file are kept, our line goes, the entry and journal too.
    expect(await restoreProfiles(ctx, ['dev'], store)).toEqual([{ profile: 'dev', status: 'restored', how: 'rewritten', keptNewerKeys: true }]);
    expect([await read(paths.awsCredentials), await read(paths.awsConfig)]).toEqual([RELOGGED, CONFIG]);
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
  });

  it('the config file: the error names the config file; the journal has the run\'s start', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const edited = `${CONFIG}\n[profile dev]\n${LINE}\nregion = eu-west-1\n`;
    race.after = { file: 'config', run: () => writeFile(paths.awsConfig, edited) };
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toMatchObject({
      message: `${paths.awsConfig} changed while restoring profile dev (another program wrote it); its keys are still in the test keyring`,
    });
    expect(await read(paths.awsCredentials)).toBe(CREDS);
    expect(await read(paths.awsConfig)).toBe(edited);
    expect(store.data.has('aws/dev')).toBe(true);
    expect(await record('dev')).toMatchObject({ operation: 'restore', profile: 'dev', startedAt: T });
  });

  it('an entry whose lines do not put keys back (edited in the store by hand): the file, read back, has none, so the entry stays', async () => {
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const entry = parseEntry(store.data.get('aws/dev')!)!;
    const patch = entry.duoSsoSetup.credentialsPatch!;
    expect(patch.before).toContain('aws_secret_access_key = devsecret');
    const edited = serialiseEntry({ ...entry, duoSsoSetup: { ...entry.duoSsoSetup, credentialsPatch: { ...patch, before: 'region = eu-west-1\n' } } });
    store.data.set('aws/dev', edited);
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toMatchObject({ message: `${paths.awsCredentials} changed while restoring profile dev (another program wrote it); its keys are still in the test keyring` });
    expect(store.data.get('aws/dev')).toBe(edited);
    expect(await journal()).toEqual(['dev.json']);
  });
});

describe('migrate, when another program writes a file before migrate reads it back', () => {
  it.each(['config', 'credentials'] as const)('the %s file: migrate stops, the entry and the journal stay; restore, as the hint says, puts things back', async (file) => {
    const store = memoryStore();
    const path = file === 'config' ? paths.awsConfig : paths.awsCredentials;
    const theirs = file === 'config' ? `${CONFIG}\n[profile dev]\n${LINE}\n# theirs\n` : RELOGGED;
    race.after = { file, run: () => writeFile(path, theirs) };
    await expect(migrateProfiles(ctx, ['dev'], store, { self: SELF })).rejects.toMatchObject({
      name: 'UserError',
      message: `${paths.awsCredentials} or ${paths.awsConfig} changed while migrating profile dev (another program wrote it)`,
      opts: { hint: 'Its keys are in the test keyring; `duo-sso-setup credentials restore --profile dev` puts them back into the file, then migrate again.' },
    });
    expect(await read(path)).toBe(theirs);
    const stored = store.data.get('aws/dev');
    expect(stored).toContain('"SecretAccessKey":"devsecret"');
    expect(await journal()).toEqual(['dev.json']);
    expect(await record('dev')).toMatchObject({ operation: 'migrate', profile: 'dev', store: 'keychain', startedAt: T, entrySha256: entryDigest(stored!) });
    expect((await readState(paths)).storedProfiles ?? []).toEqual([]);
    expect((await restoreProfiles(ctx, ['dev'], store))[0]).toMatchObject({ profile: 'dev', status: 'restored' });
    expect(store.data.size).toBe(0);
    expect(await journal()).toEqual([]);
    expect(await read(paths.awsCredentials)).toBe(file === 'config' ? CREDS : RELOGGED);
    expect(await read(paths.awsConfig)).not.toContain('credential_process');
  });
});
