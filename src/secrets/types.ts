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
}

/** The store failed (locked, absent, timed out): the message says why and never carries a secret. */
export class SecretStoreError extends Error {
  constructor(
    readonly store: StoreKind,
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

export function isStoreKind(value: unknown): value is StoreKind {
  return typeof value === 'string' && (STORE_KINDS as readonly string[]).includes(value);
}

/** Where a profile's credentials live in any store: `aws/<profile>`. */
export function accountFor(profile: string): string {
  return `aws/${profile}`;
}
