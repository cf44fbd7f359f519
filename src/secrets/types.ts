// A secret store is four operations on named secrets, whatever keeps them (the OS keychain,
// pass). Everything above this interface is the same for every backend.

export const STORE_KINDS = ['keychain', 'pass'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export type Availability = { ok: true; detail: string } | { ok: false; reason: string };

export interface SecretStore {
  readonly name: StoreKind;
  /** What holds the secrets, for messages: "Secret Service keyring", "pass store ~/.password-store". */
  readonly label: string;
  /** Whether the store can be used right now, and if not, why (one sentence, no secrets). */
  available(): Promise<Availability>;
  /** The secret, or undefined when there is no entry. Throws SecretStoreError when the store cannot be read. */
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /**
   * What the entry is, without decrypting it (pass: a digest of its file), or undefined when
   * there is none. Lets an undo check that an entry it cannot read is still the one it wrote.
   * Absent where reading is the only way to look (the keychain: `get` needs no passphrase).
   */
  fingerprint?(account: string): Promise<string | undefined>;
  /** The command that removes an entry by hand (for messages), e.g. `pass rm --force duo-sso-setup/aws/dev`. */
  removeCommand?(account: string): string;
}

/**
 * The store failed (locked, absent, timed out): the message says why and never carries a secret.
 * `damaged`: the entry exists but holds nothing that can ever be read (a 0-byte file left by an
 * interrupted `pass insert`, data that is not OpenPGP), so replacing or removing it loses nothing;
 * unlike a locked or foreign-key entry, which may hold a secret we just cannot read now.
 */
export class SecretStoreError extends Error {
  constructor(
    readonly store: StoreKind,
    message: string,
    readonly damaged = false,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

export function isDamagedEntry(error: unknown): error is SecretStoreError {
  return error instanceof SecretStoreError && error.damaged;
}

export function isStoreKind(value: unknown): value is StoreKind {
  return typeof value === 'string' && (STORE_KINDS as readonly string[]).includes(value);
}

/**
 * What a profile name may be wherever it becomes a path (pass entry, lock file, journal), a
 * keychain account or part of a command line: nothing that climbs out of a folder or confuses
 * an INI header. Here, with no imports, so the credential-process fast path can use it.
 */
export function isValidProfileName(profile: string): boolean {
  return /^[A-Za-z0-9_.@+=,:-]+$/.test(profile) && !profile.startsWith('.') && profile.length <= 128;
}

export const PROFILE_NAME_RULE = 'Profile names may use letters, digits and _ . @ + = , : - (not starting with a dot).';

/** Where a profile's credentials live in any store: `aws/<profile>`. */
export function accountFor(profile: string): string {
  // Callers validate first with a clear message; this is the last line before a path is built.
  if (!isValidProfileName(profile)) throw new Error(`accountFor: invalid profile name ${JSON.stringify(profile)} reached the secret store`);
  return `aws/${profile}`;
}

/** An account accountFor() could have made: the stores refuse anything else before building a path. */
export function isValidAccount(account: string): boolean {
  return account.startsWith('aws/') && isValidProfileName(account.slice(4));
}
