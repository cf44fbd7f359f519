// Where "now" falls in the assertion's validity window, and what that means for STS
// (which also wants the assertion redeemed within 5 minutes of issue).
import type { SamlDocument } from './parse.js';
import { parseXsDateTime } from './xs-datetime.js';

export type ValidityState = 'valid' | 'expired' | 'not-yet-valid' | 'unknown';

export interface Validity {
  state: ValidityState;
  notBefore?: string;
  /** The earlier of Conditions/@NotOnOrAfter and SubjectConfirmationData/@NotOnOrAfter. */
  notOnOrAfter?: string;
  /** Seconds until notOnOrAfter (negative once expired). */
  secondsLeft?: number;
  /** Seconds since IssueInstant (negative when issued "in the future"). */
  secondsSinceIssue?: number;
  /** STS would accept it now: within the window and issued less than 5 minutes ago. */
  redeemable: boolean;
  /** Why it would be refused, or a clock-skew hint. */
  notes: string[];
}

/** Every time the report reads, by the name the note gives it. */
const DATE_FIELDS = [
  ['IssueInstant', 'issueInstant'],
  ['Conditions/@NotBefore', 'notBefore'],
  ['Conditions/@NotOnOrAfter', 'notOnOrAfter'],
  ['SubjectConfirmationData/@NotOnOrAfter', 'subjectNotOnOrAfter'],
  ['AuthnStatement/@SessionNotOnOrAfter', 'sessionNotOnOrAfter'],
] as const;
type DateField = (typeof DATE_FIELDS)[number][1];

/** A SAML time as ISO 8601 UTC (`…Z`), or as written when it is not a date (a note says so). */
export function instant(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const ms = parseXsDateTime(raw);
  return ms === undefined ? raw : new Date(ms).toISOString();
}

const REDEEM_WINDOW_S = 5 * 60;
/** A window starting this close to now is more likely two clocks disagreeing than a future assertion. */
const SKEW_SUSPECT_S = 10 * 60;

export function validityAt(doc: SamlDocument, now: Date): Validity {
  const nowMs = now.getTime();
  const notes: string[] = [];
  const at: Partial<Record<DateField, number>> = {};
  for (const [label, key] of DATE_FIELDS) {
    const raw = doc[key];
    if (raw === undefined) continue;
    const ms = parseXsDateTime(raw);
    if (ms === undefined) notes.push(`${label} is not a date (xs:dateTime): ${JSON.stringify(raw.slice(0, 40))}`);
    else at[key] = ms;
  }
  const ends = [at.notOnOrAfter, at.subjectNotOnOrAfter].filter((t): t is number => t !== undefined);
  const end = ends.length > 0 ? Math.min(...ends) : undefined;
  const { notBefore: start, issueInstant: issued } = at;
  const notOnOrAfter = end === undefined ? undefined : new Date(end).toISOString();
  const notBefore = start === undefined ? undefined : new Date(start).toISOString();
  const secondsLeft = end === undefined ? undefined : Math.floor((end - nowMs) / 1000);
  const secondsSinceIssue = issued !== undefined ? Math.floor((nowMs - issued) / 1000) : undefined;

  let state: ValidityState = 'unknown';
  if (start !== undefined && start > nowMs) state = 'not-yet-valid';
  else if (secondsLeft !== undefined && secondsLeft <= 0) state = 'expired';
  else if (notOnOrAfter) state = 'valid';

  if (state === 'not-yet-valid') {
    const ahead = Math.ceil((start! - nowMs) / 1000);
    notes.push(ahead <= SKEW_SUSPECT_S
      ? `starts ${formatDuration(ahead)} from now: the IdP's clock and this machine's disagree (clock skew)`
      : `starts ${formatDuration(ahead)} from now`);
  } else if (secondsSinceIssue !== undefined && secondsSinceIssue < 0) {
    notes.push(`issued ${formatDuration(-secondsSinceIssue)} in the future: the IdP's clock and this machine's disagree (clock skew)`);
  }
  if (secondsSinceIssue !== undefined && secondsSinceIssue > REDEEM_WINDOW_S) {
    notes.push(`issued ${formatDuration(secondsSinceIssue)} ago: STS accepts an assertion only within 5 minutes of issue`);
  }
  if (start !== undefined && end !== undefined && start >= end) notes.push('NotBefore is not before NotOnOrAfter: the assertion is never valid');
  if (doc.notOnOrAfter === undefined && doc.subjectNotOnOrAfter === undefined) notes.push('no NotOnOrAfter: the validity window is unknown');
  const redeemable = state === 'valid' && (secondsSinceIssue === undefined || secondsSinceIssue <= REDEEM_WINDOW_S);
  return {
    state,
    ...(notBefore ? { notBefore } : {}),
    ...(notOnOrAfter ? { notOnOrAfter } : {}),
    ...(secondsLeft !== undefined ? { secondsLeft } : {}),
    ...(secondsSinceIssue !== undefined ? { secondsSinceIssue } : {}),
    redeemable,
    notes,
  };
}

/** 45 s, 4m 05s, 2h 03m, 3d 4h */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}
