import { describe, expect, it } from 'vitest';
import { passStore } from '../../src/secrets/pass.js';
import { explainKeyringError, keychainStore } from '../../src/secrets/keychain.js';
import { chooseStore, candidateKinds } from '../../src/secrets/choose.js';
import type { Exec, ExecResult } from '../../src/secrets/exec.js';
import type { SecretStore, StoreKind } from '../../src/secrets/types.js';
import { UserError } from '../../src/errors.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fake runner that answers scripted calls in order and fails on anything else. */
function scripted(calls: { argv: string[]; input?: string; result: Partial<ExecResult> }[]): Exec & { left: () => number } {
  const queue = [...calls];
  const exec = (async (file, args, options = {}) => {
    const next = queue.shift();
    const argv = [file, ...args];
    if (!next) throw new Error(`unexpected call: ${argv.join(' ')}`);
    expect(argv).toEqual(next.argv);
    if (next.input !== undefined) expect(options.input).toBe(next.input);
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, ...next.result };
  }) as Exec & { left: () => number };
  exec.left = () => queue.length;
  return exec;
}

describe('pass store', () => {
  it('writes with insert -m -f, reads with show, deletes with rm -f, under duo-sso-setup/', async () => {
    const exec = scripted([
      { argv: ['pass', 'insert', '--multiline', '--force', 'duo-sso-setup/aws/dev'], input: '{"a":1}\n', result: {} },
      { argv: ['pass', 'show', 'duo-sso-setup/aws/dev'], result: { stdout: '{"a":1}\n' } },
      { argv: ['pass', 'rm', '--force', 'duo-sso-setup/aws/dev'], result: {} },
      { argv: ['pass', 'show', 'duo-sso-setup/aws/dev'], result: { exitCode: 1, stderr: 'Error: duo-sso-setup/aws/dev is not in the password store.\n' } },
      { argv: ['pass', 'rm', '--force', 'duo-sso-setup/aws/dev'], result: { exitCode: 1, stderr: 'Error: duo-sso-setup/aws/dev is not in the password store.\n' } },
    ]);
    const store = passStore({ exec, storeDir: '/nonexistent/store' });
    await store.set('aws/dev', '{"a":1}');
    expect(await store.get('aws/dev')).toBe('{"a":1}');
    expect(await store.delete('aws/dev')).toBe(true);
    expect(await store.get('aws/dev')).toBeUndefined();
    expect(await store.delete('aws/dev')).toBe(false);
    expect(exec.left()).toBe(0);
  });

  it('reports gpg failures with the reason and never the secret', async () => {
    const exec = scripted([
      { argv: ['pass', 'show', 'duo-sso-setup/aws/dev'], result: { exitCode: 2, stderr: 'gpg: decryption failed: No secret key\n' } },
      { argv: ['pass', 'insert', '--multiline', '--force', 'duo-sso-setup/aws/dev'], result: { exitCode: 1, stderr: 'gpg: 0xDEAD: skipped: Unusable public key\n' } },
    ]);
    const store = passStore({ exec, storeDir: '/s' });
    await expect(store.get('aws/dev')).rejects.toThrow(/cannot read duo-sso-setup\/aws\/dev from the pass store \/s: gpg: decryption failed: No secret key/);
    const error = await store.set('aws/dev', 'SECRET-VALUE').catch((e: Error) => e);
    expect(String(error)).toMatch(/Unusable public key/);
    expect(String(error)).not.toContain('SECRET-VALUE');
  });

  it('never quotes stdout in an error: a read that fails after printing may have printed the secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pass-leak-'));
    mkdirSync(join(dir, 'duo-sso-setup', 'aws'), { recursive: true });
    writeFileSync(join(dir, 'duo-sso-setup', 'aws', 'dev.gpg'), 'x');
    const exec = scripted([
      { argv: ['pass', 'show', 'duo-sso-setup/aws/dev'], result: { exitCode: 2, stdout: 'SECRET-VALUE\n', stderr: '' } },
      { argv: ['gpg', '-d', '--quiet', '--yes', '--compress-algo=none', '--no-encrypt-to', join(dir, 'duo-sso-setup', 'aws', 'dev.gpg')], result: { exitCode: 2, stdout: 'SECRET-VALUE\n', stderr: '' } },
    ]);
    for (const store of [passStore({ exec, storeDir: dir }), passStore({ exec, storeDir: dir, directRead: { env: {} } })]) {
      const error = await store.get('aws/dev').catch((e: Error) => e);
      expect(String(error)).toMatch(/cannot (read|decrypt) .*: exit 2 with no message/);
      expect(String(error)).not.toContain('SECRET-VALUE');
    }
    expect(exec.left()).toBe(0);
  });

  it('is unavailable without pass, or with an uninitialised store', async () => {
    const missing = passStore({ exec: scripted([{ argv: ['pass', 'version'], result: { exitCode: null, spawnError: 'not found' } }]), storeDir: '/s' });
    expect(await missing.available()).toEqual({ ok: false, reason: 'pass is not installed (not found): install pass and gnupg' });
    const uninit = passStore({ exec: scripted([{ argv: ['pass', 'version'], result: {} }]), storeDir: '/nonexistent/store' });
    expect(await uninit.available()).toMatchObject({ ok: false, reason: expect.stringMatching(/not initialised: run `pass init/) });
  });
});

describe('keychain store', () => {
  it('explains the usual Linux failures in words', () => {
    expect(explainKeyringError('anything', {}, 'linux')).toMatch(/no D-Bus session bus answers/);
    expect(explainKeyringError(new Error('Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled'), { DBUS_SESSION_BUS_ADDRESS: 'unix:x' }, 'linux')).toMatch(/no D-Bus session bus/);
    expect(explainKeyringError(new Error("Couldn't access platform storage: Secret Service: no result found"), { DBUS_SESSION_BUS_ADDRESS: 'unix:x' }, 'linux')).toMatch(/no Secret Service keyring is running and unlocked/);
    expect(explainKeyringError(new Error('Access denied'), {}, 'darwin')).toBe('the macOS Keychain refused the request: Access denied');
  });

  it('without a session bus, is unavailable with a reason and never throws', async () => {
    const store = keychainStore({ env: {}, platform: 'linux' });
    expect(await store.available()).toMatchObject({ ok: false, reason: expect.stringMatching(/DBUS_SESSION_BUS_ADDRESS is not set/) });
  });
});

describe('choosing a store', () => {
  const fake = (kind: StoreKind, ok: boolean): SecretStore => ({
    name: kind,
    label: `${kind} label`,
    available: async () => (ok ? { ok: true, detail: kind } : { ok: false, reason: `${kind} is down` }),
    get: async () => { throw new Error('unexpected'); },
    set: async () => { throw new Error('unexpected'); },
    delete: async () => { throw new Error('unexpected'); },
  });
  const factory = (up: StoreKind[]) => (kind: StoreKind) => fake(kind, up.includes(kind));

  it('prefers the keychain, falls back to pass on Linux only', async () => {
    expect(candidateKinds('linux')).toEqual(['keychain', 'pass']);
    expect(candidateKinds('darwin')).toEqual(['keychain']);
    expect((await chooseStore(factory(['keychain', 'pass']), { platform: 'linux' })).name).toBe('keychain');
    expect((await chooseStore(factory(['pass']), { platform: 'linux' })).name).toBe('pass');
    await expect(chooseStore(factory([]), { platform: 'linux' })).rejects.toThrow('no secret store is usable here: keychain: keychain is down; pass: pass is down');
  });

  it('uses the requested or remembered store, and never silently switches away from it', async () => {
    expect((await chooseStore(factory(['keychain', 'pass']), { requested: 'pass' })).name).toBe('pass');
    const requested = await chooseStore(factory(['pass']), { requested: 'keychain' }).catch((e: UserError) => e);
    expect(requested).toBeInstanceOf(UserError);
    expect((requested as UserError).message).toBe('cannot use --store keychain: keychain is down');
    expect((requested as UserError).opts.hint).toMatch(/--store pass/);
    const remembered = await chooseStore(factory(['keychain']), { remembered: 'pass' }).catch((e: UserError) => e);
    expect((remembered as UserError).message).toMatch(/the pass store \(which holds the profiles migrated before\)/);
  });
});

describe('a preferred store', () => {
  const fake = (kind: StoreKind, ok: boolean): SecretStore => ({
    name: kind, label: kind,
    available: async () => (ok ? { ok: true, detail: kind } : { ok: false, reason: 'down' }),
    get: async () => undefined, set: async () => undefined, delete: async () => false,
  });
  it('is tried first and falls back when it is down', async () => {
    expect((await chooseStore((k) => fake(k, true), { preferred: 'pass', platform: 'linux' })).name).toBe('pass');
    expect((await chooseStore((k) => fake(k, k === 'keychain'), { preferred: 'pass', platform: 'linux' })).name).toBe('keychain');
  });
});

describe('pass direct read (credential-process)', () => {
  it('explains a key that needs its passphrase and no terminal to ask on', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'pass-direct-'));
    mkdirSync(join(dir, 'duo-sso-setup', 'aws'), { recursive: true });
    writeFileSync(join(dir, 'duo-sso-setup', 'aws', 'dev.gpg'), 'x');
    const file = join(dir, 'duo-sso-setup', 'aws', 'dev.gpg');
    const exec = scripted([
      { argv: ['gpg', '-d', '--quiet', '--yes', '--compress-algo=none', '--no-encrypt-to', file], result: { exitCode: 2, stderr: 'gpg: public key decryption failed: Inappropriate ioctl for device\ngpg: decryption failed: No secret key\n' } },
      // Asked again without decrypting: the key it is encrypted for is here, so it is locked.
      { argv: ['gpg', '--batch', '--list-only', '--status-fd', '1', '--decrypt', file], result: { stdout: '[GNUPG:] ENC_TO B0234F407B3CB3E6 1 0\n[GNUPG:] BEGIN_DECRYPTION\n[GNUPG:] END_DECRYPTION\n' } },
    ]);
    const store = passStore({ exec, storeDir: dir, directRead: { env: {} } });
    await expect(store.get('aws/dev')).rejects.toThrow(/Inappropriate ioctl for device\. Your gpg key is here but locked.*unlock it at a terminal \(duo-sso-setup doctor --fix --only pass\), or export GPG_TTY=\$\(tty\)/);
    expect(exec.left()).toBe(0);
    expect(await store.get('aws/none')).toBeUndefined();
  });
});
