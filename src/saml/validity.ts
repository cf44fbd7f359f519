// Where "now" falls in the assertion's validity window, and what that means for STS
// (which also wants the assertion redeemed within 5 minutes of issue).
import type { SamlDocument } from './parse.js';

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

const REDEEM_WINDOW_S = 5 * 60;
/** A window starting this close to now is more likely two clocks disagreeing than a future assertion. */
const SKEW_SUSPECT_S = 10 * 60;

export function validityAt(doc: SamlDocument, now: Date): Validity {
  const nowMs = now.getTime();
  const notes: string[] = [];
  const ends = [doc.notOnOrAfter, doc.subjectNotOnOrAfter].filter((d): d is string => d !== undefined && !Number.isNaN(Date.parse(d)));
  const notOnOrAfter = ends.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const notBefore = doc.notBefore !== undefined && !Number.isNaN(Date.parse(doc.notBefore)) ? doc.notBefore : undefined;
  for (const [label, value] of [['NotBefore', doc.notBefore], ['NotOnOrAfter', doc.notOnOrAfter], ['IssueInstant', doc.issueInstant]] as const) {
    if (value !== undefined && Number.isNaN(Date.parse(value))) notes.push(`${label} is not a date: ${value}`);
  }
  const secondsLeft = notOnOrAfter ? Math.floor((Date.parse(notOnOrAfter) - nowMs) / 1000) : undefined;
  const issued = doc.issueInstant !== undefined && !Number.isNaN(Date.parse(doc.issueInstant)) ? Date.parse(doc.issueInstant) : undefined;
  const secondsSinceIssue = issued !== undefined ? Math.floor((nowMs - issued) / 1000) : undefined;

  let state: ValidityState = 'unknown';
  if (notBefore && Date.parse(notBefore) > nowMs) state = 'not-yet-valid';
  else if (secondsLeft !== undefined && secondsLeft <= 0) state = 'expired';
  else if (notOnOrAfter) state = 'valid';

  if (state === 'not-yet-valid') {
    const ahead = Math.ceil((Date.parse(notBefore!) - nowMs) / 1000);
    notes.push(ahead <= SKEW_SUSPECT_S
      ? `starts ${formatDuration(ahead)} from now: the IdP's clock and this machine's disagree (clock skew)`
      : `starts ${formatDuration(ahead)} from now`);
  } else if (secondsSinceIssue !== undefined && secondsSinceIssue < 0) {
    notes.push(`issued ${formatDuration(-secondsSinceIssue)} in the future: the IdP's clock and this machine's disagree (clock skew)`);
  }
  if (secondsSinceIssue !== undefined && secondsSinceIssue > REDEEM_WINDOW_S) {
    notes.push(`issued ${formatDuration(secondsSinceIssue)} ago: STS accepts an assertion only within 5 minutes of issue`);
  }
  if (!notOnOrAfter) notes.push('no NotOnOrAfter: the validity window is unknown');
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
