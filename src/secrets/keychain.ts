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
  /**
   * Use the blocking API and no deadline (credential-process): about 5 ms faster than the
   * async one, and an unlock prompt on the desktop gets all the time the user needs.
   */
  blocking?: boolean;
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
    // `gnome-keyring-daemon --unlock` alone starts a second daemon that leaves the running one
    // locked, and it takes the password from stdin without a trailing newline.
    if (/locked|prompt|dismissed/i.test(text)) return 'the Secret Service keyring is locked: unlock it (on a desktop: log in again, or unlock "Login" in Passwords and Keys; in a terminal: `read -rs p; printf %s "$p" | gnome-keyring-daemon --replace --unlock`)';
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

  /** One entry's operations, over the async API (with an abort signal) or the blocking one. */
  interface EntryOps {
    get(): Promise<string | null>;
    set(value: string): Promise<void>;
    remove(): Promise<boolean>;
  }

  function entryOps(module: KeyringModule, account: string, signal: AbortSignal): EntryOps {
    // Pin Linux to the Secret Service: keyring-rs otherwise falls back to the kernel keyring,
    // which forgets everything at logout.
    const where = { linux: { store: 'secret-service' as const } };
    if (opts.blocking) {
      const entry = new module.Entry(service, account, where);
      return { get: async () => entry.getPassword(), set: async (v) => entry.setPassword(v), remove: async () => entry.deleteCredential() };
    }
    const entry = new module.AsyncEntry(service, account, where);
    return { get: () => entry.getPassword(signal), set: (v) => entry.setPassword(v, signal), remove: () => entry.deleteCredential(signal) };
  }

  /** Runs one keyring call, with a deadline unless blocking: a keyring waiting on an unlock prompt must not hang a command. */
  async function call<T>(account: string, what: string, fn: (entry: EntryOps) => Promise<T>): Promise<T> {
    const loaded = await loadKeyring();
    if (!loaded.ok) throw new SecretStoreError('keychain', loaded.reason);
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = fn(entryOps(loaded.module, account, AbortSignal.timeout(timeoutMs)));
      if (opts.blocking) return await work;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for the ${label} (waiting for an unlock prompt?)`)), timeoutMs);
      });
      return await Promise.race([work, deadline]);
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
        await call(probe, `cannot use the ${label}`, (entry) => entry.set(value));
        const back = await call(probe, `cannot use the ${label}`, (entry) => entry.get());
        await call(probe, `cannot use the ${label}`, (entry) => entry.remove());
        if (back !== value) return { ok: false, reason: `the ${label} did not give back what was written` };
        return { ok: true, detail: label };
      } catch (error) {
        return { ok: false, reason: (error as Error).message.replace(/^cannot use the [^:]+: /, '') };
      }
    },
    async get(account) {
      const value = await call(account, `cannot read from the ${label}`, (entry) => entry.get());
      return value ?? undefined;
    },
    async set(account, secret) {
      await call(account, `cannot write to the ${label}`, (entry) => entry.set(secret));
    },
    async delete(account) {
      return call(account, `cannot delete from the ${label}`, (entry) => entry.remove());
    },
    removeCommand(account) {
      // keyring-rs stores `service` and `username` attributes on the Secret Service.
      if (platform === 'darwin') return `security delete-generic-password -s ${service} -a ${account}`;
      if (platform === 'win32') return `cmdkey /delete:${account}.${service}`;
      return `secret-tool clear service ${service} username ${account}`;
    },
  };
}
