// An entry in pass that gpg cannot decrypt: gpg says "No secret key" both when the key it is
// encrypted for is not in this keyring (deleted, or the store came from another machine) and
// when the key is here but locked with no terminal to ask for its passphrase. The two need
// different fixes, and neither is `pass show` (it prints the secret on the screen). Real gpg,
// gpg-agent and pass in a sandbox; the fix the message names is then carried out as given.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { classifyUnreadable } from '../../src/secrets/pass.js';
import { createGpgKey, sandboxPerTest, systemTool, type Sandbox } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

const keys = (id: string) => `[dev]\naws_access_key_id = ${id}\naws_secret_access_key = secret${id}\naws_session_token = token${id}\n`;

function gpgRun(box: Sandbox, args: string[], input?: string) {
  return box.exec(systemTool('gpg')!, ['--batch', ...args], input === undefined ? {} : { input });
}

async function passInit(box: Sandbox, id: string): Promise<void> {
  const r = await box.exec(join(box.bin, 'pass'), ['init', id]);
  expect(r.exitCode, r.stderr).toBe(0);
}

describe('credentials whose pass entry gpg cannot decrypt', () => {
  it('a key that is gone: migrate names the key and the removal; after that removal, migrate moves the new keys', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'gpg-agent', 'gpgconf'] });
    const first = await createGpgKey(box, 'Old Laptop <old@example.com>');
    await passInit(box, first);
    await box.write('.aws/credentials', keys('ASIAFIRST'));
    const migrated = await box.run(['credentials', 'migrate', '--profile', 'dev', '--store', 'pass', '--yes']);
    expect(migrated.exitCode, migrated.stderr).toBe(0);
    // The old key is deleted and the store now names a new one; a login writes new keys.
    expect((await gpgRun(box, ['--yes', '--delete-secret-keys', first])).exitCode).toBe(0);
    const second = await createGpgKey(box, 'New Laptop <new@example.com>');
    await box.write('.password-store/.gpg-id', `${second}\n`);
    const encryptedFor = /ENC_TO ([0-9A-F]{16})/.exec((await gpgRun(box, ['--list-only', '--status-fd', '1', '--decrypt', box.path('.password-store/duo-sso-setup/aws/dev.gpg')])).stdout)![1]!;
    await box.write('.aws/credentials', keys('ASIASECOND'));

    const refused = await box.run(['credentials', 'migrate', '--profile', 'dev', '--store', 'pass', '--yes']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`encrypted for gpg key ${encryptedFor}, and this keyring has no secret key for it`);
    expect(refused.stderr).not.toMatch(/pass show|doctor --fix --only pass/);
    expect(await box.read('.aws/credentials')).toBe(keys('ASIASECOND'));
    const removal = /remove it \((pass rm --force \S+)\)/.exec(refused.stderr)?.[1];
    expect(removal).toBe('pass rm --force duo-sso-setup/aws/dev');

    const [, ...args] = removal!.split(' ');
    expect((await box.exec(join(box.bin, 'pass'), args)).exitCode).toBe(0);
    const again = await box.run(['credentials', 'migrate', '--profile', 'dev', '--store', 'pass', '--yes']);
    expect(again.exitCode, again.stderr).toBe(0);
    const served = await box.run(['credential-process', '--profile', 'dev']);
    expect(served.exitCode, served.stderr).toBe(0);
    expect(JSON.parse(served.stdout)).toMatchObject({ Version: 1, AccessKeyId: 'ASIASECOND', SecretAccessKey: 'secretASIASECOND' });
  });

  it('a locked key: credential-process says to unlock it with the doctor, never with pass show, and the secret stays off the screen', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'gpg-agent', 'gpgconf'] });
    const made = await gpgRun(box, ['--pinentry-mode', 'loopback', '--passphrase', 'correct horse', '--quick-gen-key', 'Ann <ann@example.com>', 'default', 'default', 'never']);
    expect(made.exitCode, made.stderr).toBe(0);
    const fpr = /fpr:+([0-9A-F]{40}):/.exec((await gpgRun(box, ['--list-secret-keys', '--with-colons'])).stdout)![1]!;
    await passInit(box, fpr);
    // gpg-agent caches the passphrase for this decryption, so migrate can read its entry back.
    const sealed = await gpgRun(box, ['--armor', '--encrypt', '--recipient', fpr], 'x');
    expect((await gpgRun(box, ['--pinentry-mode', 'loopback', '--passphrase', 'correct horse', '--decrypt'], sealed.stdout)).stdout).toBe('x');
    await box.write('.aws/credentials', keys('ASIALOCKED'));
    const migrated = await box.run(['credentials', 'migrate', '--profile', 'dev', '--store', 'pass', '--yes']);
    expect(migrated.exitCode, migrated.stderr).toBe(0);
    // A new agent has nothing cached: the key is locked, and there is no terminal to ask on.
    await box.exec(systemTool('gpgconf')!, ['--kill', 'gpg-agent']);

    const r = await box.run(['credential-process', '--profile', 'dev']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No secret key. Your gpg key is here but locked');
    expect(r.stderr).toContain('duo-sso-setup doctor --fix --only pass');
    expect(r.stderr).not.toContain('pass show');
    expect(r.stderr).not.toContain('secretASIALOCKED');
  });
});

describe('doctor on a store initialised for the encryption subkey', () => {
  // pass hands each .gpg-id line to gpg -r, which takes a subkey's fingerprint: a working store.
  it('passes the pass check (the real pass writes and reads through it), instead of "not a usable secret key here"', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'gpg-agent', 'gpgconf'] });
    await createGpgKey(box);
    const listing = (await gpgRun(box, ['--list-secret-keys', '--with-colons'])).stdout;
    const subkey = /^ssb:[^\n]*\nfpr:+([0-9A-F]{40}):/m.exec(listing)![1]!;
    await passInit(box, subkey);
    const pass = join(box.bin, 'pass');
    expect((await box.exec(pass, ['insert', '--multiline', 'probe/x'], { input: 'works\n' })).exitCode).toBe(0);
    expect((await box.exec(pass, ['show', 'probe/x'])).stdout).toBe('works\n');
    const r = await box.run(['doctor', '--json', '--only', 'pass']);
    expect(r.json.checks[0], JSON.stringify(r.json)).toMatchObject({ id: 'pass', status: 'ok' });
    expect(r.exitCode).toBe(0);
  });
});

describe('classifyUnreadable', () => {
  // gpg 2.2's status lines for `--list-only --status-fd 1 --decrypt` on an entry.
  const missing = '[GNUPG:] ENC_TO 85AB61FD0118C71B 1 0\n[GNUPG:] KEY_CONSIDERED 9F0EDA9E0A200F823AA5AE0340F4E2FE75871159 0\n[GNUPG:] NO_SECKEY 85AB61FD0118C71B\n[GNUPG:] BEGIN_DECRYPTION\n[GNUPG:] END_DECRYPTION\n';
  const present = '[GNUPG:] ENC_TO B0234F407B3CB3E6 1 0\n[GNUPG:] KEY_CONSIDERED 8D182C86548DE7BDDCDB5B648C2A812DC011A46F 0\n[GNUPG:] BEGIN_DECRYPTION\n[GNUPG:] END_DECRYPTION\n';

  it('every key missing: no-key, with their ids; one of them here: locked; nothing encrypted to: unknown', () => {
    expect(classifyUnreadable(missing)).toEqual({ kind: 'no-key', keyIds: ['85AB61FD0118C71B'] });
    expect(classifyUnreadable(present)).toEqual({ kind: 'locked' });
    const two = `[GNUPG:] ENC_TO AAAA000000000001 1 0\n[GNUPG:] ENC_TO BBBB000000000002 1 0\n[GNUPG:] NO_SECKEY AAAA000000000001\n`;
    expect(classifyUnreadable(two)).toEqual({ kind: 'locked' });
    expect(classifyUnreadable(`${two}[GNUPG:] NO_SECKEY BBBB000000000002\n`)).toEqual({ kind: 'no-key', keyIds: ['AAAA000000000001', 'BBBB000000000002'] });
    expect(classifyUnreadable('')).toBeUndefined();
  });
});
