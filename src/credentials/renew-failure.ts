// The record of a failed renewal (docs/renewal.md): `renew-PROFILE.failed` in our state folder,
// so that the back-off holds per profile, across processes and restarts, and `status` and
// `doctor` can say why. No secrets: when, until when, why, the command that fixes it, and a
// fingerprint of the keys the renewal failed to replace (a record about other keys is over:
// a login replaced them meanwhile).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readOwnText, UnsafeFileError } from '../fs/safe-read.js';
import { updateFile } from '../fs/safe-write.js';
import type { Paths } from '../platform/paths.js';
import { keyFingerprint } from '../state/sessions.js';

export interface RenewFailure {
  /** When it failed, and when the next duo-sso run may start (ms since the epoch). */
  at: number;
  until: number;
  /** One line: why (login's words or a timeout). */
  message: string;
  /** The one command that fixes it, as the user types it. */
  command: string;
  /** keyFingerprint of the access key id the renewal was to replace. */
  key: string;
}

/** Encoded: whatever the name holds, the file stays one file inside our folder. */
export function renewFile(paths: Pick<Paths, 'stateDir'>, profile: string, suffix: 'failed' | 'lock' | ''): string {
  const base = join(paths.stateDir, `renew-${encodeURIComponent(profile)}`);
  return suffix ? `${base}.${suffix}` : base;
}

export function parseFailure(text: string | undefined): RenewFailure | undefined {
  if (text === undefined) return undefined;
  try {
    const f = JSON.parse(text) as Partial<RenewFailure>;
    const ok = typeof f.at === 'number' && typeof f.until === 'number' && typeof f.message === 'string' && typeof f.command === 'string' && typeof f.key === 'string';
    return ok ? (f as RenewFailure) : undefined;
  } catch {
    return undefined;
  }
}

/** The failure record, when there is a readable one (a link or a pipe planted there counts as none). */
export async function readFailure(paths: Pick<Paths, 'stateDir'>, profile: string): Promise<RenewFailure | undefined> {
  // A pipe or link planted at the name is refused by name (UnsafeFileError), never read past:
  // taking it for "no failure" would start a renewal (a Duo push) on every call.
  return parseFailure(await readOwnText(renewFile(paths, profile, 'failed')).catch((error: unknown) => {
    if (error instanceof UnsafeFileError) throw error;
    return undefined;
  }));
}

/** The record applies to these keys (a login since has replaced the keys it was about: it does not). */
export function failureFor(failure: RenewFailure | undefined, accessKeyId: string): RenewFailure | undefined {
  return failure && failure.key === keyFingerprint(accessKeyId) ? failure : undefined;
}

/** No duo-sso run for these keys until the back-off is over. */
export function inBackoff(failure: RenewFailure | undefined, accessKeyId: string, now: Date): boolean {
  const f = failureFor(failure, accessKeyId);
  return f !== undefined && now.getTime() < f.until;
}

export async function writeFailure(paths: Pick<Paths, 'stateDir'>, profile: string, failure: RenewFailure): Promise<void> {
  await updateFile(renewFile(paths, profile, 'failed'), () => `${JSON.stringify(failure)}\n`, { backup: false, mode: 0o600, follow: 'never' });
}

export async function clearFailure(paths: Pick<Paths, 'stateDir'>, profile: string): Promise<void> {
  await rm(renewFile(paths, profile, 'failed'), { force: true });
}

const hhmm = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The line `status` and `doctor` show for a failure that still concerns the stored keys. */
export function describeFailure(f: RenewFailure, now: Date): string {
  const retry = now.getTime() < f.until ? `next try after ${hhmm(f.until)}` : 'tried again at the next AWS call';
  return `renewal failed at ${hhmm(f.at)}: ${f.message} (${retry}); run \`${f.command}\``;
}
