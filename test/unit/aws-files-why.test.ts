// Issue 10's "Why": each case a real file broke `credentials migrate` on (the AWS CLI then saw
// something else, or nothing at all). Every test here failed before the one model.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';
import { migrateProfiles, type MigrateCtx } from '../../src/credentials/migrate.js';
import { restoreProfiles } from '../../src/credentials/restore.js';
import { parseEntry } from '../../src/credentials/entry.js';
import { commandPaths, credentialProcessCommand } from '../../src/credentials/config-file.js';
import { awsView } from '../../src/aws/botocore-view.js';


const SELF = ['/usr/bin/node', '/opt/duo-sso-setup/cli.js'];
const OURS = (p: string) => `/usr/bin/node /opt/duo-sso-setup/cli.js credential-process --profile ${p}`;
const KEYS = 'aws_access_key_id = ASIADEV\naws_secret_access_key = devsecret\naws_session_token = devtoken\n';

let home: string;
let paths: Paths;
let ctx: MigrateCtx;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'aws-why-'));
  paths = resolvePaths({ HOME: home });
  ctx = { paths, now: () => new Date('2026-11-26T10:00:00Z'), options: { json: false, yes: true, dryRun: false, verbose: false, color: false } };
  await mkdir(join(home, '.aws'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const files = async (config: string | Buffer, credentials: string | Buffer) => {
  await writeFile(paths.awsConfig, config);
  await writeFile(paths.awsCredentials, credentials);
};
const bytes = (p: string) => readFile(p);
const text = (p: string) => readFile(p, 'utf8');
const view = async () => awsView(await text(paths.awsConfig), await text(paths.awsCredentials));

/** Migrate, check the AWS CLI's view, restore, check the bytes. */
async function roundTrip(profile: string, check: (v: ReturnType<typeof awsView>) => void) {
  const before = { config: await bytes(paths.awsConfig), credentials: await bytes(paths.awsCredentials) };
  const store = memoryStore();
  expect(await migrateProfiles(ctx, [profile], store, { self: SELF })).toMatchObject([{ profile, status: 'migrated' }]);
  check(await view());
  expect(await restoreProfiles(ctx, [profile], store)).toEqual([{ profile, status: 'restored', how: 'exact' }]);
  expect(await bytes(paths.awsConfig)).toEqual(before.config);
  expect(await bytes(paths.awsCredentials)).toEqual(before.credentials);
  return store;
}

async function refused(profile: string, message: RegExp) {
  const before = { config: await bytes(paths.awsConfig), credentials: await bytes(paths.awsCredentials) };
  const store = memoryStore();
  await expect(migrateProfiles(ctx, [profile], store, { self: SELF })).rejects.toThrow(message);
  expect(await bytes(paths.awsConfig)).toEqual(before.config);
  expect(await bytes(paths.awsCredentials)).toEqual(before.credentials);
  expect(store.data.size).toBe(0);
}

describe('issue 10: config sections the AWS CLI reads as the profile', () => {
  it.each([['[profile "dev"]'], ['[profile  dev]'], ['[profile\tdev]']])('%s gets credential_process, no second section, region and output kept', async (header) => {
    await files(`${header}\nregion = eu-west-1\noutput = json\n`, `[dev]\n${KEYS}`);
    await roundTrip('dev', (v) => {
      expect(v).toMatchObject({ profiles: { dev: { region: 'eu-west-1', output: 'json', credential_process: OURS('dev') } }, credentials: { dev: null } });
    });
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect((await text(paths.awsConfig)).match(/^\[/gm)).toHaveLength(1);
  });

  it('[profile default] is the default profile', async () => {
    await files('[profile default]\nregion = eu-west-1\n', `[default]\n${KEYS}`);
    await roundTrip('default', (v) => {
      expect(v).toMatchObject({ profiles: { default: { region: 'eu-west-1', credential_process: OURS('default') } } });
    });
  });

  it('[ profile foo ] is not foo: a [profile foo] section is added, the other left alone', async () => {
    await files('[ profile foo ]\nregion = eu-west-1\n', `[foo]\n${KEYS}`);
    await roundTrip('foo', (v) => {
      expect(v).toMatchObject({ process: { foo: { raw: OURS('foo') } } });
    });
  });

  it('[ dev ] in the credentials file is not dev: nothing to migrate, nothing written', async () => {
    await files('', `[ dev ]\n${KEYS}`);
    await refused('dev', /has no keys for \[dev\]/);
  });
});

describe('issue 10: another credential_process, in any case or with either delimiter', () => {
  it.each([['CREDENTIAL_PROCESS = /bin/other'], ['Credential_Process = /bin/other'], ['credential_process: /bin/other']])('%s: refused, the config still parses', async (line) => {
    await files(`[profile dev]\n${line}\n`, `[dev]\n${KEYS}`);
    await refused('dev', /already has credential_process = \/bin\/other/);
  });
});

describe('issue 10: keys the AWS CLI reads', () => {
  it('an indented continuation of the token moves whole, and the file still parses', async () => {
    await files('', '[dev]\naws_access_key_id = A\naws_secret_access_key = S\naws_session_token = A1\n    B2\n[other]\nregion = x\n');
    const store = await roundTrip('dev', (v) => {
      expect(v).toMatchObject({ credentials: { dev: null }, profiles: { other: { region: 'x' } } });
    });
    expect(store.data.size).toBe(0);
    const again = memoryStore();
    await migrateProfiles(ctx, ['dev'], again, { self: SELF });
    expect(parseEntry(again.data.get('aws/dev')!)!.SessionToken).toBe('A1\nB2');
  });

  it('Aws_Session_Token in mixed case is the token', async () => {
    await files('', '[dev]\naws_access_key_id = A\naws_secret_access_key = S\nAws_Session_Token = T\n');
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(parseEntry(store.data.get('aws/dev')!)!.SessionToken).toBe('T');
  });

  it('aws_security_token wins over aws_session_token, as in botocore', async () => {
    await files('', '[dev]\naws_access_key_id = A\naws_secret_access_key = S\naws_session_token = session\naws_security_token = security\n');
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    expect(parseEntry(store.data.get('aws/dev')!)!.SessionToken).toBe('security');
  });

  it('key: value and upper-case keys are keys, not "log in first"', async () => {
    await files('', '[dev]\nAWS_ACCESS_KEY_ID: ASIAUP\nAws_Secret_Access_Key : sec\naws_session_token=tok\n');
    await roundTrip('dev', (v) => expect(v).toMatchObject({ credentials: { dev: null }, process: { dev: { raw: OURS('dev') } } }));
  });
});

describe('issue 10: bytes and line endings', () => {
  it('a Latin-1 é (not UTF-8) is refused with where, the file left byte for byte', async () => {
    await files(Buffer.from('[default]\n# caf\xe9\nregion = x\n', 'latin1'), `[dev]\n${KEYS}`);
    await refused('dev', /config:2:6: line 2 is not UTF-8/);
  });

  it('restore after a Latin-1 byte appeared does not turn it into U+FFFD', async () => {
    await files('[default]\nregion = x\n', `# top\n[dev]\n${KEYS}`);
    const store = memoryStore();
    await migrateProfiles(ctx, ['dev'], store, { self: SELF });
    const latin = Buffer.concat([Buffer.from('# caf\xe9\n', 'latin1'), await bytes(paths.awsCredentials)]);
    await writeFile(paths.awsCredentials, latin);
    await expect(restoreProfiles(ctx, ['dev'], store)).rejects.toThrow(/not UTF-8/);
    expect(await bytes(paths.awsCredentials)).toEqual(latin);
  });

  it('LF lines of untouched profiles stay LF in a mixed file', async () => {
    const creds = `[a]\r\naws_access_key_id = A\r\naws_secret_access_key = S\r\n[dev]\n${KEYS}[b]\nregion = x\n`;
    const config = '[default]\r\nregion = a\r\n[profile dev]\nregion = b\n[profile c]\nregion = c\n';
    await files(config, creds);
    await roundTrip('dev', () => undefined);
    await migrateProfiles(ctx, ['dev'], memoryStore(), { self: SELF });
    expect(await text(paths.awsCredentials)).toBe('[a]\r\naws_access_key_id = A\r\naws_secret_access_key = S\r\n[dev]\n[b]\nregion = x\n');
    expect(await text(paths.awsConfig)).toBe(`[default]\r\nregion = a\r\n[profile dev]\nregion = b\ncredential_process = ${OURS('dev')}\n[profile c]\nregion = c\n`);
  });

  it('a CR-only file: credential_process goes into its section, no duplicate', async () => {
    await files('[profile dev]\rregion = x\r', `[dev]\r${KEYS.replace(/\n/g, '\r')}`);
    await roundTrip('dev', (v) => expect(v).toMatchObject({ profiles: { dev: { region: 'x', credential_process: OURS('dev') } } }));
  });
});

describe('issue 10: refusals that protect the user', () => {
  it('already-expired keys are not migrated; the login command is given', async () => {
    await files('', `[dev]\n${KEYS}x_security_token_expires = 2026-11-26T09:00:00Z\n`);
    await refused('dev', /expired at 2026-11-26T09:00:00.000Z/);
    await expect(migrateProfiles(ctx, ['dev'], memoryStore(), { self: SELF })).rejects.toMatchObject({ opts: { hint: expect.stringContaining('duo-sso-setup login --profile dev') } });
  });

  it('one odd profile name ([my profile]) is skipped, the others migrated', async () => {
    await files('', `[my profile]\n${KEYS}[dev]\n${KEYS}`);
    const outcomes = await migrateProfiles(ctx, ['my profile', 'dev'], memoryStore(), { self: SELF });
    expect(outcomes.map((o) => [o.profile, o.status])).toEqual([['my profile', 'skipped'], ['dev', 'migrated']]);
    expect(await text(paths.awsCredentials)).toBe(`[my profile]\n${KEYS}[dev]\n`);
  });

  it('sso_* and role_arn profiles are refused', async () => {
    await files('[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = dev\n[profile s]\nsso_session = corp\n', `[r]\n${KEYS}[s]\n${KEYS}`);
    await refused('r', /through role_arn/);
    await refused('s', /through sso_session/);
  });
});

describe('issue 10: the doctor and the command line', () => {
  it('a credential_process path with an apostrophe is split as the AWS CLI splits it', () => {
    // The quoting credentialProcessCommand writes for such a path: '/home/o'\''brien/node'.
    expect(commandPaths(credentialProcessCommand(["/home/o'brien/node", '/opt/cli.js'], 'dev', 'linux'), 'linux')).toEqual(["/home/o'brien/node", '/opt/cli.js']);
  });

  it('credentials migrate --profile --version is a usage error (exit 2), not the version', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'credentials', 'migrate', '--profile', '--version'], { env: { ...process.env, HOME: home }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--profile <name>' needs a value, got '--version'/);
  });
});

describe('issue 10: login moving credentials out of [default]', () => {
  it('a credentials file that is not UTF-8 is refused, not rewritten with U+FFFD', async () => {
    const { moveCredentials } = await import('../../src/login/apply-repairs.js');
    const latin = Buffer.from('# caf\xe9\n[default]\naws_access_key_id = ASIA1\naws_secret_access_key = s\n', 'latin1');
    await writeFile(paths.awsCredentials, latin);
    const errors: string[] = [];
    const login = { paths, options: ctx.options, io: { out: () => undefined, err: (t: string) => void errors.push(t) } };
    const run = { misplaced: [{ profile: 'dev', values: { aws_access_key_id: 'ASIA1', aws_secret_access_key: 's' } }], defaultBefore: undefined };
    await expect(moveCredentials(login as never, run as never)).rejects.toThrow(/credentials:1:6: line 1 is not UTF-8.*left under \[default\]/);
    expect(await bytes(paths.awsCredentials)).toEqual(latin);
  });
});
