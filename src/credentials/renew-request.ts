// What a renewal is asked and answers: the types credential-process.ts (which loads renew.ts
// lazily) and renew.ts share, on their own so neither module imports the other.
import type { Env } from '../platform/paths.js';
import type { StoredEntry } from './entry.js';
import type { ProfileRenewal } from './renew-settings.js';

export interface ProcessIO {
  out(text: string): void;
  err(text: string): void;
}

/** What a renewal gets: the profile, and how to read its entry again once duo-sso has run. */
export interface RenewRequest {
  profile: string;
  env: Env;
  io: ProcessIO;
  now: () => Date;
  renewal: ProfileRenewal;
  /** The entry this call read (due for renewal). */
  current: StoredEntry;
  /** The profile's entry as the store holds it now. */
  read(): Promise<StoredEntry | undefined>;
  /** The user's terminal: /dev/tty unless given (tests give a pseudo-terminal of their own). */
  terminal?: string;
}
/** Not renewed: why, and the one command that fixes it. The caller serves the current keys while they are valid. */
export type RenewResult = { ok: true; entry: StoredEntry } | { ok: false; message: string; command: string };
/** Loaded only when credentials are due: valid keys never pay for it (src/credentials/renew.ts). */
export type Renewer = (request: RenewRequest) => Promise<RenewResult>;
