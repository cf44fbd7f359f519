// What we remember about the sessions a login started (in our state.json, under `sessions`):
// when each profile's credentials expire, since duo-sso does not write it down. Tied to a
// fingerprint of the access key id so a memory never describes credentials it did not see.
import { createHash } from 'node:crypto';
import type { State } from './state.js';

export interface SessionMemory {
  /** ISO time the credentials stop working at the earliest (the run's start + the duration STS accepted). */
  expires: string;
  /** When the duo-sso run that issued them started (absent in records of older versions). */
  startedAt?: string;
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

/** What login remembers of a run that issued these keys: started at `started`, STS accepted `durationSeconds`. */
export function loginSession(started: Date, durationSeconds: number, accessKeyId: string, at: Date): SessionMemory {
  return { expires: new Date(started.getTime() + durationSeconds * 1000).toISOString(), startedAt: started.toISOString(), key: keyFingerprint(accessKeyId), durationSeconds, at: at.toISOString() };
}

export function withSession(state: State, profile: string, memory: SessionMemory): State {
  return { ...state, sessions: { ...sessionsOf(state), [profile]: memory } };
}
