// When a profile's credentials stop working: one function (expiryOf) for `credentials
// migrate`, `login --store`, `status` and, through the stored entry, credential-process and
// its renewal. duo-sso writes no expiry beside the keys, so what we know, best first:
//   file      an expiry key beside the keys (written by a tool that saw STS's answer): a fact;
//   login     our login's record of the run that issued these very keys (matched by the access
//             key's fingerprint): when that duo-sso run started + the duration STS accepted.
//             STS issued the keys during the run, so this is at most one run's length early,
//             never late;
//   estimated a record from before login noted the run's start (it kept when the run ended):
//             that time minus the longest a duo-sso run may take; a lower bound, labelled so;
//   unknown   session keys that nothing of ours saw being issued (a duo-sso run outside
//             duo-sso-setup). No time is given: the credentials file's modification time only
//             says when the file was last written (a touch, another profile's login), which
//             is later than the truth, and a later expiry hands out dead keys;
//   none      long-term keys (no session token) do not expire.
// Every time given is never later than the truth.
import type { State } from '../state/state.js';
import { keyFingerprint, sessionsOf } from '../state/sessions.js';
import type { ExpirationSource } from './entry.js';

export interface Expiry {
  expiration?: Date;
  source: ExpirationSource;
}

/** The longest one duo-sso run of login may take (its timeout, src/login/run-duo-sso.ts). */
export const LONGEST_DUO_SSO_RUN_MS = 10 * 60_000;

export interface KeyFacts {
  accessKeyId: string;
  sessionToken?: string | undefined;
  /** An expiry key beside the keys in the credentials file. */
  fileExpiration?: Date | undefined;
}

export function expiryOf(keys: KeyFacts, profile: string, state: State | undefined): Expiry {
  if (keys.fileExpiration && !Number.isNaN(keys.fileExpiration.getTime())) return { expiration: keys.fileExpiration, source: 'file' };
  // Long-term keys (no session token) do not expire.
  if (!keys.sessionToken) return { source: 'none' };
  const memory = state ? sessionsOf(state)[profile] : undefined;
  if (memory && memory.key === keyFingerprint(keys.accessKeyId) && Number.isFinite(memory.durationSeconds)) {
    const started = memory.startedAt === undefined ? undefined : Date.parse(memory.startedAt);
    if (started !== undefined && !Number.isNaN(started)) return { expiration: new Date(started + memory.durationSeconds * 1000), source: 'login' };
    // Recorded by an older version at the end of the run: the run began at most its timeout before.
    const ended = Date.parse(memory.at);
    if (!Number.isNaN(ended)) return { expiration: new Date(ended - LONGEST_DUO_SSO_RUN_MS + memory.durationSeconds * 1000), source: 'estimated' };
  }
  return { source: 'unknown' };
}

/** How an expiry reads to a person: a lower bound says so. */
export function describeExpiry(iso: string | undefined, source: ExpirationSource | undefined): string {
  if (source === 'unknown') return 'expiry unknown: not issued through duo-sso-setup login';
  if (!iso) return 'no expiry (long-term keys)';
  const at = iso.replace(/\.\d{3}Z$/, 'Z');
  return source === 'estimated' ? `expires ${at} at the earliest (estimated)` : `expires ${at}`;
}
