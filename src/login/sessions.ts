// What we remember about the sessions a login started (in our state.json, under `sessions`):
// when each profile's credentials expire, since duo-sso does not write it down. Tied to a
// fingerprint of the access key id so a memory never describes credentials it did not see.
import { createHash } from 'node:crypto';
import type { State } from '../state/state.js';

export interface SessionMemory {
  /** ISO time the credentials stop working (start + the duration STS accepted). */
  expires: string;
  /** First 16 hex digits of sha256(access key id). */
  key: string;
  durationSeconds: number;
  at: string;
}

export function keyFingerprint(accessKeyId: string): string {
  return createHash('sha256').update(accessKeyId).digest('hex').slice(0, 16);
}

export function sessionsOf(state: State): Record<string, SessionMemory> {
  const s = state.sessions;
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Record<string, SessionMemory>) : {};
}

/** The remembered expiry of these credentials, when we saw them being issued. */
export function rememberedExpiry(state: State, profile: string, accessKeyId: string | undefined): Date | undefined {
  const m = sessionsOf(state)[profile];
  if (!m || !accessKeyId || m.key !== keyFingerprint(accessKeyId)) return undefined;
  const d = new Date(m.expires);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function withSession(state: State, profile: string, memory: SessionMemory): State {
  return { ...state, sessions: { ...sessionsOf(state), [profile]: memory } };
}
