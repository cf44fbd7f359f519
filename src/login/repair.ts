// What a failed duo-sso run means and which profile is to blame. Pure: the login loop
// (login.ts) applies the decisions.
import type { ProfileSummary } from '../config/model.js';
import { POLICY } from '../policy/caps.js';
import type { RunSummary } from './events.js';

/** duo-sso runs per login, repairs included. */
export const MAX_RUNS = 3;

export type Failure =
  | { kind: 'max-session-duration'; role: string }
  | { kind: 'role-chaining'; role: string }
  | { kind: 'expired-assertion'; role?: string }
  | { kind: 'first-run-certificate' }
  /** The SSO does not grant a profile's account and role: STS AccessDenied, or duo-sso's own "not available to you". */
  | { kind: 'access-denied'; role: string; message: string; profile?: string; account?: string }
  | { kind: 'other'; detail: string };

export interface RunExit {
  exitCode: number | null;
  timedOut: boolean;
  spawnError?: string;
}

/** The failure a run reported, or undefined when it reported none. */
export function classify(summary: RunSummary, exit: RunExit): Failure | undefined {
  const na = summary.notAvailable[0];
  if (na) return { kind: 'access-denied', role: na.role ?? '', message: na.message, ...(na.profile ? { profile: na.profile } : {}), ...(na.account ? { account: na.account } : {}) };
  const f = summary.failures[0];
  if (f) {
    if (/MaxSessionDuration/i.test(f.message)) return { kind: 'max-session-duration', role: f.role };
    if (/role chaining|1 hour session limit/i.test(f.message)) return { kind: 'role-chaining', role: f.role };
    if (/ExpiredToken/i.test(f.code) || /redeemed within 5 minutes/i.test(f.message)) return { kind: 'expired-assertion', role: f.role };
    if (/^AccessDenied/i.test(f.code)) return { kind: 'access-denied', role: f.role, message: f.message };
    return { kind: 'other', detail: `${f.code}: ${f.message}` };
  }
  if (summary.certificatePrompt && exit.exitCode !== 0) return { kind: 'first-run-certificate' };
  if (exit.spawnError) return { kind: 'other', detail: exit.spawnError };
  if (exit.timedOut) return { kind: 'other', detail: 'duo-sso did not finish in time (a Duo push not answered?)' };
  if (exit.exitCode !== 0) return { kind: 'other', detail: summary.errors.at(-1) ?? `duo-sso exited ${exit.exitCode ?? 'on a signal'}` };
  return undefined;
}

/**
 * Profiles that may have asked STS for more than `role` allows. The failure line names only
 * the role, so: same role name, not saved by this run, asking more than 3600 s (no role
 * allows less), and preferably not already known to work at that duration. That memory only
 * narrows the choice: a role's maximum can be lowered after it worked, so when it would rule
 * out every profile, it is ignored.
 */
export function suspects(
  inRun: readonly ProfileSummary[],
  saved: readonly string[],
  role: string,
  durationOf: (p: ProfileSummary) => number,
  workedAt: (p: ProfileSummary) => number | undefined,
): ProfileSummary[] {
  const asking = inRun.filter((p) => p.role === role && !saved.includes(p.name) && durationOf(p) > POLICY.recommended);
  const unproven = asking.filter((p) => !((workedAt(p) ?? 0) >= durationOf(p)));
  return unproven.length > 0 ? unproven : asking;
}

/** The duration we lower a refused profile to: the guide's 3600, which every role allows. */
export const SAFE_DURATION: number = POLICY.recommended;

/**
 * Where to write the lower duration: the profile's own key when it has one; otherwise the top
 * level only if no other profile inherits it (so profiles that worked keep their durations),
 * else a new key on the profile.
 */
export function durationTarget(profile: ProfileSummary, all: readonly ProfileSummary[]): { scope: 'profile' | 'top-level' } {
  if (profile.sessionDurationSeconds !== undefined) return { scope: 'profile' };
  const othersInherit = all.some((p) => p.name !== profile.name && p.sessionDurationSeconds === undefined);
  return { scope: othersInherit ? 'profile' : 'top-level' };
}
