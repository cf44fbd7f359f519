import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, Sandbox, createGpgKey, systemTool, type RunOptions, type Runtime } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { keyringAvailable, startKeyringSession, type KeyringSession } from '../support/keyring-session.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

// The Secret Service tests skip only on a developer machine without dbus/gnome-keyring; in CI
// (CI=true, test/provision.sh installs both) a missing keyring is a failure, not a skip.
const boxes: Sandbox[] = [];
const sessions: KeyringSession[] = [];
async function sandbox(): Promise<Sandbox> {
  const box = await Sandbox.create({ tools: ['gpg', 'pass', '/usr/bin/aws'] });
  boxes.push(box);
  return box;
}
function keyring(box: Sandbox, opts?: Parameters<typeof startKeyringSession>[1]): KeyringSession {
  const s = startKeyringSession(box, opts);
  sessions.push(s);
  return s;
}
afterEach(async () => {
  for (const s of sessions.splice(0)) s.stop();
  await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
});

let sts: StsServer;
beforeAll(async () => {
  sts = await StsServer.start();
});
afterAll(async () => {
  await sts.close();
});

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
}

/** Credentials the STS stand-in accepts, as duo-sso would have written them. */
function issue(account = '123456789012', expiresInMs = 3600_000): Keys {
  const keys = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(20).toString('base64'),
    sessionToken: `IQoJ${randomBytes(24).toString('base64')}`,
    account,
  };
  sts.addCredentials({ ...keys, expiration: new Date(Date.now() + expiresInMs), arn: `arn:aws:sts::${account}:assumed-role/admin/ann@example.com`, userId: `AROAEXAMPLE:ann@example.com` });
  return keys;
}

const OTHER_SECRET = 'otherProfileSecretStaysPut0000000000000';
function credentialsText(k: Keys, extra = ''): string {
  return `# written by duo-sso\r\n[default]\r\nregion = us-east-1\r\n\r\n[eticloud]\r\n; keep this comment\r\naws_access_key_id = ${k.accessKeyId}\r\naws_secret_access_key = ${k.secretAccessKey}\r\nregion = us-east-2\r\naws_session_token = ${k.sessionToken}\r\n${extra}\r\n[other]\r\naws_access_key_id = AKIAOTHERPROFILE0001\r\naws_secret_access_key = ${OTHER_SECRET}`;
}
const CONFIG = '# my config\n[default]\nregion = us-east-1\noutput = json\n';

async function setUp(box: Sandbox, keys: Keys, extra = ''): Promise<{ credentials: string; config: string }> {
  const credentials = credentialsText(keys, extra);
  await box.write('.aws/credentials', credentials, 0o600);
  await box.write('.aws/config', CONFIG, 0o644);
  return { credentials, config: CONFIG };
}

function aws(box: Sandbox, profile: string, opts: RunOptions = {}) {
  return box.exec(join(box.bin, 'aws'), ['sts', 'get-caller-identity', '--profile', profile, '--endpoint-url', sts.url, '--output', 'json'], {
    ...opts,
    env: { AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', ...opts.env },
  });
}

/** Runs a program (and its children) with the clock an hour ahead: keys that expire in minutes are expired then. */
function anHourLater(box: Sandbox, file: string, args: string[], opts: RunOptions = {}) {
  return box.exec(systemTool('faketime')!, ['-f', '+1h', file, ...args], opts);
}

/** Every file under ~/.aws, in subfolders too (backups, the AWS CLI's cache), that contains `secret`. */
async function filesHolding(box: Sandbox, secret: string): Promise<string[]> {
  const dir = box.path('.aws');
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(secret)) found.push(file.slice(dir.length + 1));
  }
  return found;
}

async function migrateAndUse(box: Sandbox, keys: Keys, env: Record<string, string>, store: 'keychain' | 'pass', runtime: Runtime = 'node') {
  const original = await setUp(box, keys);
  const migrate = await box.run(['credentials', 'migrate', '--profile', 'eticloud', '--yes', '--json'], { env, runtime });
  expect(migrate.stderr).toBe('');
  expect(migrate.exitCode).toBe(0);
  // Keys no login of ours saw being issued: their expiry is unknown (never guessed from the file's time).
  expect(migrate.json).toMatchObject({ store: { kind: store }, profiles: [{ profile: 'eticloud', status: 'migrated', expirationSource: 'unknown' }] });
  expect(migrate.json.profiles[0].expiration).toBeUndefined();

  // The secret left ~/.aws entirely (no plaintext backup either); the other profile is untouched.
  expect(await filesHolding(box, keys.secretAccessKey)).toEqual([]);
  expect(await filesHolding(box, keys.sessionToken)).toEqual([]);
  const credentials = await box.read('.aws/credentials');
  expect(credentials).toBe(original.credentials.replace(/aws_access_key_id = ASIA\w+\r\n/, '').replace(/aws_secret_access_key = \S+\r\n/, '').replace(/aws_session_token = \S+\r\n/, ''));
  expect(credentials).toContain(OTHER_SECRET);
  expect(credentials).toContain('; keep this comment');
  expect(await box.mode('.aws/credentials')).toBe(0o600);
  const config = await box.read('.aws/config');
  expect(config).toMatch(new RegExp(`^${CONFIG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\[profile eticloud\\]\\ncredential_process = \\S+ .*credential-process --profile eticloud\\n$`));

  // The real AWS CLI gets the credentials through credential_process.
  const call = await aws(box, 'eticloud', { env });
  expect(call.stderr).toBe('');
  expect(call.exitCode).toBe(0);
  expect(JSON.parse(call.stdout)).toMatchObject({ Account: keys.account, Arn: expect.stringContaining(keys.account) });

  // credential-process prints the Version 1 document and nothing else.
  const cp = await box.run(['credential-process', '--profile', 'eticloud'], { env, runtime });
  expect(cp.exitCode).toBe(0);
  expect(cp.stderr).toBe('');
  expect(cp.stdout.endsWith('}\n')).toBe(true);
  // No Expiration when it is unknown: botocore then uses the keys as they are, as it did from the file.
  expect(Object.keys(cp.json)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken']);
  expect(cp.json).toMatchObject({ Version: 1, AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey, SessionToken: keys.sessionToken });
  return original;
}

/** Issue 7's end-to-end: duo-sso (the simulator, against the STS stand-in) logs in, migrate, then the real AWS CLI. */
async function loginMigrateAndCall(box: Sandbox, env: Record<string, string>, store: 'keychain' | 'pass', account: string) {
  sts.setRole(`arn:aws:iam::${account}:role/admin`, 3600);
  const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url });
  await box.write('.config/duo-sso/config.json', JSON.stringify({
    url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
    session_duration_seconds: 3600, profiles: { eticloud: { aws_account_id: account, aws_role_name: 'admin' } },
  }));
  const login = await box.exec(join(box.bin, 'duo-sso'), []);
  expect(login.exitCode).toBe(0);
  expect((await sim.runs()).at(-1)!.saved).toEqual([expect.objectContaining({ profile: 'eticloud', duration: 3600 })]);
  const written = await box.read('.aws/credentials');
  const secret = /aws_secret_access_key = (\S+)/.exec(written)![1]!;
  const token = /aws_session_token = (\S+)/.exec(written)![1]!;

  const migrate = await box.run(['credentials', 'migrate', '--yes', '--json'], { env });
  expect(migrate.json).toMatchObject({ store: { kind: store } });
  // duo-sso run by hand: nothing of ours saw when STS issued the keys, so no time is claimed.
  expect(migrate.json.profiles).toEqual([expect.objectContaining({ profile: 'eticloud', status: 'migrated', expirationSource: 'unknown' })]);
  expect(migrate.json.profiles[0].expiration).toBeUndefined();
  expect(await filesHolding(box, secret)).toEqual([]);
  const call = await aws(box, 'eticloud', { env });
  expect(call.stderr).toBe('');
  expect(JSON.parse(call.stdout)).toMatchObject({ Account: account, Arn: expect.stringMatching(new RegExp(`^arn:aws:sts::${account}:assumed-role/admin/`)) });
  // After the AWS CLI ran too (its cache folder included): neither secret anywhere in ~/.aws.
  expect(await filesHolding(box, secret)).toEqual([]);
  expect(await filesHolding(box, token)).toEqual([]);
}

async function restoreExactly(box: Sandbox, keys: Keys, original: { credentials: string; config: string }, env: Record<string, string>, runtime: Runtime = 'node') {
  const restore = await box.run(['credentials', 'restore', '--yes', '--json'], { env, runtime });
  expect(restore.exitCode).toBe(0);
  expect(restore.json.profiles).toEqual([{ profile: 'eticloud', status: 'restored', how: 'exact' }]);
  expect(await box.read('.aws/credentials')).toBe(original.credentials);
  expect(await box.read('.aws/config')).toBe(original.config);
  // Served from the file again; the store no longer has the entry.
  const call = await aws(box, 'eticloud', { env });
  expect(JSON.parse(call.stdout).Account).toBe(keys.account);
  const cp = await box.run(['credential-process', '--profile', 'eticloud'], { env, runtime });
  expect(cp.exitCode).toBe(1);
  expect(cp.stdout).toBe('');
}

describe.skipIf(!keyringAvailable() && process.env.CI !== 'true')('credentials in a real Secret Service (gnome-keyring on a private D-Bus session)', () => {
  it('a config.json that does not parse: status still lists the migrated profile (from its credential_process line) and says why', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue('121212343434');
    await setUp(box, keys);
    const migrate = await box.run(['credentials', 'migrate', '--store', 'pass', '--profile', 'eticloud', '--yes', '--json']);
    expect(migrate.json).toMatchObject({ profiles: [{ profile: 'eticloud', status: 'migrated' }] });
    await box.write('.config/duo-sso/config.json', '{\n  "url": "https://cloudsso.cisco.com",\n  "profiles": {\n');
    const r = await box.run(['status']);
    expect(r.stderr).toMatch(/^invalid JSON: .*config\.json:4:1: .*\nProfiles are taken from .*credentials and the credential_process lines of ~\/\.aws\/config instead/);
    expect(r.stdout).toMatch(/^✓ eticloud .*keys in pass/m);
    expect(r.stdout).toMatch(/^✓ other /m);
    const json = await box.run(['status', '--json']);
    expect(json.json.profiles.map((p: any) => [p.name, p.state, p.storedIn ?? null])).toEqual([['other', 'valid', null], ['eticloud', 'valid', 'pass']]);
  });

  it('migrate → the AWS CLI works through credential_process → restore byte-for-byte', async () => {
    const box = await sandbox();
    const session = keyring(box);
    const keys = issue('111122223333');
    const original = await migrateAndUse(box, keys, session.env, 'keychain');

    const doctor = await box.run(['doctor', '--only', 'secret-store', '--json'], { env: session.env });
    expect(doctor.json.checks[0]).toMatchObject({ status: 'ok', data: { chosen: 'keychain', storedProfiles: ['eticloud'] } });
    expect(doctor.stdout).not.toContain(keys.secretAccessKey);

    // Migrating again is a calm no-op.
    const again = await box.run(['credentials', 'migrate', '--yes'], { env: session.env });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/eticloud: already served from the Secret Service keyring/);

    // The tool moved (say, a Node upgrade): doctor names the missing file, migrate points the line at this install.
    const config = await box.read('.aws/config');
    await box.write('.aws/config', config.replace(/credential_process = \S+/, 'credential_process = /gone/bin/node'));
    const stale = await box.run(['doctor', '--only', 'secret-store', '--json'], { env: session.env });
    expect(stale.json.checks[0]).toMatchObject({ status: 'warn', details: ['eticloud: credential_process runs /gone/bin/node, which no longer exists'], fix: { commands: [['duo-sso-setup', 'credentials', 'migrate', '--profile', 'eticloud']] } });
    const relink = await box.run(['credentials', 'migrate', '--profile', 'eticloud', '--yes', '--json'], { env: session.env });
    expect(relink.json.profiles[0].status).toBe('relinked');
    expect(await box.read('.aws/config')).toBe(config);

    await restoreExactly(box, keys, original, session.env);
  });

  it('after a login through the duo-sso simulator: migrate, and the AWS CLI gets the account through the keyring', async () => {
    const box = await sandbox();
    const session = keyring(box);
    await loginMigrateAndCall(box, session.env, 'keychain', '565656565656');
  });

  it('expired credentials: credential-process prints nothing on stdout and one line telling to log in', async () => {
    const box = await sandbox();
    const session = keyring(box);
    const keys = issue();
    // Keys already expired are not migrated (issue 10); these expire in 5 minutes, and the
    // AWS CLI and credential-process then run an hour later (faketime).
    await setUp(box, keys, `x_security_token_expires = ${new Date(Date.now() + 300_000).toISOString()}\r\n`);
    const migrate = await box.run(['credentials', 'migrate', '--profile', 'eticloud', '--yes', '--json'], { env: session.env });
    expect(migrate.json.profiles[0]).toMatchObject({ status: 'migrated', expirationSource: 'file' });
    const cp = await anHourLater(box, process.execPath, [CLI, 'credential-process', '--profile', 'eticloud'], { env: session.env });
    expect(cp.exitCode).toBe(1);
    expect(cp.stdout).toBe('');
    expect(cp.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(cp.stderr).toMatch(/expired .*run `duo-sso-setup login --profile eticloud`/);
    const call = await anHourLater(box, join(box.bin, 'aws'), ['sts', 'get-caller-identity', '--profile', 'eticloud', '--endpoint-url', sts.url], { env: { ...session.env, AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(call.exitCode).not.toBe(0);
    expect(call.stderr).toContain('duo-sso-setup login --profile eticloud');
  });

  it('the keychain goes away after migrate: clear one-line errors, and nothing is lost once it is back', async () => {
    const box = await sandbox();
    const first = keyring(box, { password: 'pw-1' });
    const keys = issue('121212121212');
    const original = await migrateAndUse(box, keys, first.env, 'keychain');
    first.stop();

    const cp = await box.run(['credential-process', '--profile', 'eticloud']);
    expect(cp.exitCode).toBe(1);
    expect(cp.stdout).toBe('');
    expect(cp.stderr).toMatch(/^duo-sso-setup: cannot read the credentials of profile eticloud: .*D-Bus session bus.*\n$/);
    const doctor = await box.run(['doctor', '--only', 'secret-store', '--json']);
    expect(doctor.exitCode).toBe(1);
    expect(doctor.json.checks[0]).toMatchObject({ status: 'fail', summary: expect.stringMatching(/^profiles eticloud are served from the keychain store, which is not usable/) });
    const restore = await box.run(['credentials', 'restore', '--yes']);
    expect(restore.exitCode).toBe(1);
    expect(restore.stderr).toMatch(/cannot use the keychain store \(which holds the profiles migrated before\)/);
    const migrated = await box.read('.aws/credentials');
    expect(migrated).not.toContain(keys.secretAccessKey);

    // The same keyring (on disk under HOME) unlocked in a new session: everything comes back.
    const second = keyring(box, { password: 'pw-1' });
    await restoreExactly(box, keys, original, second.env);
  });

  it('the keyring is locked after migrate: one-line errors, nothing lost, and the unlock command in the message works', async () => {
    const box = await sandbox();
    const session = keyring(box, { password: 'pw-locked' });
    const keys = issue('565612127878');
    const original = await migrateAndUse(box, keys, session.env, 'keychain');
    const migrated = { credentials: await box.read('.aws/credentials'), config: await box.read('.aws/config') };
    // What a screen lock or `secret-tool lock` does: the Secret Service's Lock method on the login collection.
    const lock = spawnSync(systemTool('dbus-send')!, ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'], { env: { ...box.env, ...session.env }, encoding: 'utf8' });
    expect(lock.status).toBe(0);

    const cp = await box.run(['credential-process', '--profile', 'eticloud'], { env: session.env });
    expect(cp.exitCode).toBe(1);
    expect(cp.stdout).toBe('');
    expect(cp.stderr).toMatch(/^duo-sso-setup: cannot read the credentials of profile eticloud: .*keyring is locked.*\n$/);
    expect(cp.stderr).not.toContain(keys.secretAccessKey);
    const call = await aws(box, 'eticloud', { env: session.env });
    expect(call.exitCode).not.toBe(0);
    expect(call.stderr).toContain('keyring is locked');
    const restore = await box.run(['credentials', 'restore', '--yes'], { env: session.env });
    expect(restore.exitCode).toBe(1);
    expect(restore.stderr).toMatch(/keyring is locked/);
    expect(await box.read('.aws/credentials')).toBe(migrated.credentials);
    expect(await box.read('.aws/config')).toBe(migrated.config);

    // The terminal command the message gives, run as given, with the password typed on its stdin.
    const unlock = /`(read -rs p;[^`]+)`/.exec(cp.stderr)?.[1];
    expect(unlock).toBeDefined();
    const typed = await box.exec(systemTool('bash')!, ['-c', unlock!], { env: session.env, input: 'pw-locked\n' });
    expect(typed.exitCode).toBe(0);
    await restoreExactly(box, keys, original, session.env);
  });

  it('migrated to pass on a desktop with a keyring, then our state file is lost: the AWS CLI is still served', async () => {
    const box = await sandbox();
    const session = keyring(box);
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue('989812123434');
    await setUp(box, keys);
    const migrate = await box.run(['credentials', 'migrate', '--store', 'pass', '--yes', '--json'], { env: session.env });
    expect(migrate.json).toMatchObject({ store: { kind: 'pass' }, profiles: [{ status: 'migrated' }] });
    // state.json is only our cache: a reset of ~/.config/duo-sso-setup must not break every AWS call.
    await rm(box.path('.config/duo-sso-setup'), { recursive: true, force: true });
    const cp = await box.run(['credential-process', '--profile', 'eticloud'], { env: session.env });
    expect(cp.stderr).toBe('');
    expect(cp.json).toMatchObject({ Version: 1, AccessKeyId: keys.accessKeyId });
    const call = await aws(box, 'eticloud', { env: session.env });
    expect(call.exitCode).toBe(0);
    expect(JSON.parse(call.stdout).Account).toBe(keys.account);
    // In neither store: one line naming both.
    const none = await box.run(['credential-process', '--profile', 'nope'], { env: session.env });
    expect(none).toMatchObject({ exitCode: 1, stdout: '', stderr: 'duo-sso-setup: no stored credentials for profile nope in the keychain or pass store: run `duo-sso-setup login --profile nope`\n' });
  });

  it('a keyring that is not unlocked: migrate fails clearly and changes nothing', async () => {
    const box = await sandbox();
    const session = keyring(box, { unlock: false });
    const original = await setUp(box, issue());
    const r = await box.run(['credentials', 'migrate', '--store', 'keychain', '--yes'], { env: session.env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^duo-sso-setup: error: cannot use --store keychain: .*Secret Service/m);
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
    expect(await box.read('.aws/config')).toBe(original.config);
  });
});

describe('credentials in pass (real gpg key)', () => {
  it('after a login through the duo-sso simulator: migrate, and the AWS CLI gets the account through pass', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    // No D-Bus session here, so the automatic choice is pass.
    await loginMigrateAndCall(box, {}, 'pass', '676767676767');
  });

  it('migrate → the AWS CLI works through credential_process → restore byte-for-byte', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue('444455556666');
    // No D-Bus session here, so the automatic choice is pass.
    const original = await migrateAndUse(box, keys, {}, 'pass');
    expect((await stat(box.path('.password-store/duo-sso-setup/aws/eticloud.gpg'))).isFile()).toBe(true);
    const show = await box.exec(join(box.bin, 'pass'), ['show', 'duo-sso-setup/aws/eticloud']);
    expect(JSON.parse(show.stdout)).toMatchObject({ Version: 1, AccessKeyId: keys.accessKeyId });
    await restoreExactly(box, keys, original, {});
    await expect(stat(box.path('.password-store/duo-sso-setup/aws/eticloud.gpg'))).rejects.toThrow();
  });

  it('a passphrase-protected key with nobody to ask: doctor warns without opening pinentry; credential-process says how to unlock', async () => {
    const box = await sandbox();
    const gpg = systemTool('gpg')!;
    const gen = await box.exec(gpg, ['--batch', '--pinentry-mode', 'loopback', '--passphrase', 'correct-horse', '--quick-gen-key', 'Locked <locked@example.com>', 'default', 'default', 'never']);
    expect(gen.exitCode).toBe(0);
    const fpr = /^fpr:+([0-9A-F]{40}):/m.exec((await box.exec(gpg, ['--batch', '--list-secret-keys', '--with-colons'])).stdout)![1]!;
    await box.exec(join(box.bin, 'pass'), ['init', fpr]);
    const keys = issue();
    const original = await setUp(box, keys);
    await box.exec(systemTool('gpgconf')!, ['--reload', 'gpg-agent']);
    // Migrate reads its entry back, which needs the passphrase: with nobody to ask, it stops and nothing is lost.
    const refused = await box.run(['credentials', 'migrate', '--yes']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/cannot read duo-sso-setup\/aws\/eticloud from the pass store .*\nNothing was removed from /);
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
    expect(await box.read('.aws/config')).toBe(original.config);
    await expect(stat(box.path('.password-store/duo-sso-setup/aws/eticloud.gpg'))).rejects.toThrow();
    // With the passphrase given to gpg (as pinentry would on a terminal), migrate works.
    const migrate = await box.run(['credentials', 'migrate', '--yes', '--json'], { env: { PASSWORD_STORE_GPG_OPTS: '--pinentry-mode=loopback --passphrase=correct-horse' } });
    expect(migrate.json).toMatchObject({ store: { kind: 'pass' }, profiles: [{ status: 'migrated' }] });
    await box.exec(systemTool('gpgconf')!, ['--reload', 'gpg-agent']);

    const doctor = await box.run(['doctor', '--only', 'secret-store', '--json'], { timeoutMs: 30_000 });
    expect(doctor.json.checks[0]).toMatchObject({ status: 'warn', summary: '1 of 1 stored profiles cannot be served', details: [expect.stringMatching(/^eticloud: cannot read duo-sso-setup\/aws\/eticloud from the pass store/)] });
    const cp = await box.run(['credential-process', '--profile', 'eticloud'], { timeoutMs: 30_000 });
    expect(cp.exitCode).toBe(1);
    expect(cp.stdout).toBe('');
    expect(cp.stderr).toMatch(/^duo-sso-setup: cannot read the credentials of profile eticloud: cannot decrypt .*eticloud\.gpg .*GPG_TTY/);
    expect(cp.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await box.read('.aws/config')).not.toBe(original.config);
  });

  it('doctor\'s secret-store check: an expired entry, a removed credential_process line and a deleted entry, each with its fix', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue();
    // Expiring in 5 minutes (already-expired keys are not migrated); doctor runs an hour later.
    const expired = new Date(Date.now() + 300_000).toISOString();
    await setUp(box, keys, `x_security_token_expires = ${expired}\r\n`);
    expect((await box.run(['credentials', 'migrate', '--yes'])).exitCode).toBe(0);
    const secretStore = async () => {
      const r = await anHourLater(box, process.execPath, [CLI, 'doctor', '--only', 'secret-store', '--json']);
      expect(r.stdout).not.toContain(keys.secretAccessKey);
      return r.json.checks[0];
    };

    const login = { commands: [['duo-sso-setup', 'login', '--profile', 'eticloud']] };
    expect(await secretStore()).toMatchObject({ status: 'warn', summary: '1 of 1 stored profiles cannot be served', details: [`eticloud: expired at ${new Date(expired).toISOString()}`], fix: login });

    const config = await box.read('.aws/config');
    await box.write('.aws/config', config.replace(/^credential_process = .*\n/m, ''));
    expect(await secretStore()).toMatchObject({ status: 'warn', details: [`eticloud: ${box.path('.aws/config')} no longer has our credential_process line`], fix: { commands: [['duo-sso-setup', 'credentials', 'migrate', '--profile', 'eticloud']] } });

    await box.write('.aws/config', config);
    expect((await box.exec(join(box.bin, 'pass'), ['rm', '--force', 'duo-sso-setup/aws/eticloud'])).exitCode).toBe(0);
    expect(await secretStore()).toMatchObject({ status: 'fail', details: [expect.stringMatching(/^eticloud: no \(readable\) entry in the pass store /)], fix: login });
  });

  it('on a terminal, migrate asks first: no changes nothing, yes moves the keys', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue();
    const original = await setUp(box, keys);
    // python3's pty gives the CLI a real terminal; the answer is typed once the question is drawn.
    const driver = join(box.root, 'answer.py');
    await writeFile(driver, [
      'import os, pty, sys, select',
      'pid, fd = pty.fork()',
      'if pid == 0: os.execv(sys.argv[2], sys.argv[2:])',
      'screen, sent = b"", False',
      'while True:',
      '    r, _, _ = select.select([fd], [], [], 20)',
      '    if not r: break',
      '    try: data = os.read(fd, 65536)',
      '    except OSError: break',
      '    if not data: break',
      '    screen += data',
      '    if not sent and b"Move the keys" in screen: os.write(fd, sys.argv[1].encode()); sent = True',
      '_, status = os.waitpid(pid, 0)',
      'sys.stdout.write(screen.decode(errors="replace"))',
      'sys.exit(os.WEXITSTATUS(status))',
    ].join('\n'));
    const answer = (keysTyped: string) => box.exec(systemTool('python3')!, [driver, keysTyped, process.execPath, CLI, '--no-color', 'credentials', 'migrate'], { env: { TERM: 'xterm' } });

    const no = await answer('n');
    expect(no.stdout).toContain(`Move the keys of eticloud from ${box.path('.aws/credentials')} into the pass store`);
    expect(no.exitCode).toBe(1);
    expect(no.stdout).toMatch(/cancelled; nothing was changed/);
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
    expect(await box.read('.aws/config')).toBe(original.config);

    const yes = await answer('\r');
    expect(yes.exitCode).toBe(0);
    expect(yes.stdout).toMatch(/eticloud: keys moved into the pass store/);
    expect(await filesHolding(box, keys.secretAccessKey)).toEqual([]);
  });

  it('works the same when the tool runs under Deno', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue('777788889999');
    const original = await migrateAndUse(box, keys, {}, 'pass', 'deno');
    // The line names the launcher (the same for every runtime); the launcher runs Deno.
    expect(await box.read('.aws/config')).toMatch(/credential_process = \S+\/\.local\/bin\/duo-sso-setup-launcher credential-process --profile eticloud/);
    expect(await box.read('.local/bin/duo-sso-setup-launcher')).toMatch(/^exec '\S*deno' 'run' '-A' '\S+' "\$@"$/m);
    await restoreExactly(box, keys, original, {}, 'deno');
  });
});

describe.skipIf(!keyringAvailable() && process.env.CI !== 'true')('a keychain module that cannot load', () => {
  it('breaks nothing: doctor reports why, migrate falls back to pass', async () => {
    const box = await sandbox();
    const session = keyring(box);
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    // napi-rs loads the binary named here, and only that one: a missing file = a module that cannot load.
    const env = { ...session.env, NAPI_RS_NATIVE_LIBRARY_PATH: join(box.root, 'missing.node') };
    const doctor = await box.run(['doctor', '--json'], { env });
    const check = doctor.json.checks.find((c: any) => c.id === 'secret-store');
    expect(check).toMatchObject({ status: 'ok', data: { chosen: 'pass', stores: { keychain: { ok: false, reason: expect.stringMatching(/the keychain module @napi-rs\/keyring cannot load here/) } } } });
    expect(doctor.json.checks.length).toBeGreaterThan(5);
    const keys = issue('343434343434');
    await setUp(box, keys);
    const migrate = await box.run(['credentials', 'migrate', '--yes', '--json'], { env });
    expect(migrate.json).toMatchObject({ store: { kind: 'pass' }, profiles: [{ profile: 'eticloud', status: 'migrated' }] });
    expect(JSON.parse((await aws(box, 'eticloud', { env })).stdout).Account).toBe(keys.account);
  });
});

describe('credentials without a usable store', () => {
  it('no D-Bus session and no pass store: migrate fails clearly, the credentials file is unchanged', async () => {
    const box = await sandbox();
    const original = await setUp(box, issue());
    const auto = await box.run(['credentials', 'migrate', '--yes']);
    expect(auto.exitCode).toBe(1);
    expect(auto.stderr).toMatch(/no secret store is usable here: keychain: no D-Bus session bus answers.*; pass: the pass store .* is not initialised/);
    const keychain = await box.run(['credentials', 'migrate', '--store', 'keychain', '--yes']);
    expect(keychain.exitCode).toBe(1);
    expect(keychain.stderr).toMatch(/cannot use --store keychain: no D-Bus session bus/);
    expect(keychain.stderr).toMatch(/--store pass/);
    for (const r of [auto, keychain]) {
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout + r.stderr).not.toContain(original.credentials.match(/aws_secret_access_key = (\S+)/)![1]);
    }
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
    expect(await box.read('.aws/config')).toBe(original.config);
  });
});

describe('credentials: refusals and dry runs', () => {
  it('refuses to replace someone else\'s credential_process, and --dry-run changes nothing', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const keys = issue();
    const original = await setUp(box, keys);
    const dry = await box.run(['credentials', 'migrate', '--dry-run', '--json']);
    expect(dry.exitCode).toBe(0);
    expect(dry.json.profiles).toEqual([expect.objectContaining({ profile: 'eticloud', status: 'would-migrate' })]);
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
    expect(await box.read('.aws/config')).toBe(original.config);
    await expect(stat(box.path('.password-store/duo-sso-setup'))).rejects.toThrow();

    const config = `${CONFIG}\n[profile eticloud]\ncredential_process = /opt/vault/bin/get-creds eticloud\n`;
    await box.write('.aws/config', config);
    const r = await box.run(['credentials', 'migrate', '--profile', 'eticloud', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/already has credential_process = \/opt\/vault\/bin\/get-creds eticloud/);
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
    expect(await box.read('.aws/config')).toBe(config);
  });

  it('asks for --yes without a terminal; rejects bad profile names and unknown stores', async () => {
    const box = await sandbox();
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    const original = await setUp(box, issue());
    const noYes = await box.run(['credentials', 'migrate']);
    expect(noYes.exitCode).toBe(1);
    expect(noYes.stderr).toMatch(/--yes/);
    // A --profile that is not a safe name is a usage error before any path is built (issue 15);
    // names found in the file that cannot be written safely are skipped instead (issue 10: the
    // unit tests of migrateProfiles).
    const badName = await box.run(['credentials', 'migrate', '--profile', '../x', '--yes']);
    expect(badName.exitCode).toBe(2);
    expect(badName.stderr).toMatch(/invalid profile name '\.\.\/x'/);
    const badStore = await box.run(['credentials', 'migrate', '--store', 'vault']);
    expect(badStore.exitCode).toBe(2);
    expect(badStore.stderr).toMatch(/must be keychain or pass/);
    expect(await box.read('.aws/credentials')).toBe(original.credentials);
  });

  it('credential-process: a missing profile is one line and exit 1; bad usage is exit 2', async () => {
    const box = await sandbox();
    const missing = await box.run(['credential-process', '--profile', 'nope'], { env: { PATH: `${box.bin}:${box.sysBin}` } });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^duo-sso-setup: no stored credentials for profile nope in the pass store: run `duo-sso-setup login --profile nope`\n$/);
    const usage = await box.run(['credential-process']);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toMatch(/--profile NAME is required/);
    expect(usage.stdout).toBe('');
  });
});

// Referenced so a missing tool fails loudly rather than skipping silently.
expect(systemTool('aws')).toBeTruthy();
