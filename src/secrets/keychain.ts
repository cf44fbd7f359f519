// The OS keychain (macOS Keychain, Windows Credential Manager, Linux Secret Service) through
// @napi-rs/keyring: prebuilt binaries for every platform we support, no node-gyp, no
// libsecret headers (keytar needed both and is archived). The native module is loaded on
// first use inside try/catch: a machine where it cannot load gets a reason, never a crash.
import { SecretStoreError, type Availability, type SecretStore } from './types.js';

export const KEYCHAIN_SERVICE = 'duo-sso-setup';
const DEFAULT_TIMEOUT_MS = 10_000;

type KeyringModule = typeof import('@napi-rs/keyring');
type Loaded = { ok: true; module: KeyringModule } | { ok: false; reason: string };

let loading: Promise<Loaded> | undefined;

/** Loads the native module once; a failure becomes a reason (wrong libc, missing prebuilt, Deno without FFI). */
export function loadKeyring(): Promise<Loaded> {
  loading ??= (async (): Promise<Loaded> => {
    try {
      // require() when the bundle has one (both of ours do): about 10 ms faster than import()
      // of this CommonJS package, which matters on the credential-process path.
      const imported = (typeof require === 'function' ? require('@napi-rs/keyring') : await import('@napi-rs/keyring')) as KeyringModule & { default?: KeyringModule };
      const module = imported.AsyncEntry ? imported : imported.default;
      if (!module?.AsyncEntry) return { ok: false, reason: 'the @napi-rs/keyring module loaded without its AsyncEntry class' };
      return { ok: true, module };
    } catch (error) {
      const first = String((error as Error)?.message ?? error).split('\n')[0];
      return { ok: false, reason: `the keychain module @napi-rs/keyring cannot load here (${first})` };
    }
  })();
  return loading;
}

export interface KeychainOptions {
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
  service?: string;
}

export function keychainLabel(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'macOS Keychain' : platform === 'win32' ? 'Windows Credential Manager' : 'Secret Service keyring';
}

/** Turns keyring-rs/D-Bus errors into a sentence that says what to do. */
export function explainKeyringError(error: unknown, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): string {
  const text = String((error as Error)?.message ?? error);
  if (platform === 'linux') {
    if (!env.DBUS_SESSION_BUS_ADDRESS || /autolaunch|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|No such file or directory/i.test(text)) {
      return 'no D-Bus session bus answers (DBUS_SESSION_BUS_ADDRESS is not set or dead), so the Secret Service cannot be reached; usual over SSH, in containers and on WSL';
    }
    if (/no result found|ServiceUnknown|not provided by any \.service files|org\.freedesktop\.secrets/i.test(text)) {
      return 'no Secret Service keyring is running and unlocked (gnome-keyring, KeePassXC): start and unlock one, or use --store pass';
    }
    if (/locked|prompt|dismissed/i.test(text)) return 'the Secret Service keyring is locked: unlock it (log in to the desktop, or `gnome-keyring-daemon --unlock`)';
  }
  if (/timed out/i.test(text)) return text;
  return `the ${keychainLabel(platform)} refused the request: ${text.split('\n')[0]}`;
}

export function keychainStore(opts: KeychainOptions = {}): SecretStore {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const service = opts.service ?? KEYCHAIN_SERVICE;
  const label = keychainLabel(platform);

  /** Runs one keyring call with a deadline: a keyring waiting on an unlock prompt must not hang us. */
  async function call<T>(account: string, what: string, fn: (entry: InstanceType<KeyringModule['AsyncEntry']>, signal: AbortSignal) => Promise<T>): Promise<T> {
    const loaded = await loadKeyring();
    if (!loaded.ok) throw new SecretStoreError('keychain', loaded.reason);
    const signal = AbortSignal.timeout(timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Pin Linux to the Secret Service: keyring-rs otherwise falls back to the kernel keyring,
      // which forgets everything at logout.
      const entry = new loaded.module.AsyncEntry(service, account, { linux: { store: 'secret-service' } });
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for the ${label} (waiting for an unlock prompt?)`)), timeoutMs);
      });
      return await Promise.race([fn(entry, signal), deadline]);
    } catch (error) {
      throw new SecretStoreError('keychain', `${what}: ${explainKeyringError(error, env, platform)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: 'keychain',
    label,
    async available(): Promise<Availability> {
      if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) {
        return { ok: false, reason: explainKeyringError('', env, platform) };
      }
      try {
        // A write, read and delete of a throwaway entry: a read alone succeeds on a keyring
        // that has no unlocked collection to write to.
        const probe = `probe-${process.pid}-${Date.now()}`;
        const value = `probe ${Math.random()}`;
        await call(probe, `cannot use the ${label}`, (entry, signal) => entry.setPassword(value, signal));
        const back = await call(probe, `cannot use the ${label}`, (entry, signal) => entry.getPassword(signal));
        await call(probe, `cannot use the ${label}`, (entry, signal) => entry.deleteCredential(signal));
        if (back !== value) return { ok: false, reason: `the ${label} did not give back what was written` };
        return { ok: true, detail: label };
      } catch (error) {
        return { ok: false, reason: (error as Error).message.replace(/^cannot use the [^:]+: /, '') };
      }
    },
    async get(account) {
      const value = await call(account, `cannot read from the ${label}`, (entry, signal) => entry.getPassword(signal));
      return value ?? undefined;
    },
    async set(account, secret) {
      await call(account, `cannot write to the ${label}`, (entry, signal) => entry.setPassword(secret, signal));
    },
    async delete(account) {
      return call(account, `cannot delete from the ${label}`, (entry, signal) => entry.deleteCredential(signal));
    },
  };
}
