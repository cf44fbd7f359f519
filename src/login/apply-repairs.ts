// The changes a login makes to the user's files, each shown (or asked for) first and written
// through the safe writer with a backup: a lower session duration in config.json, credentials
// moved out of [default]; and what we remember in our state afterwards.
import type { Context } from '../context.js';
import type { ProfileSummary } from '../config/model.js';
import { policyCap } from '../policy/caps.js';
import { setSessionDuration } from '../config/edit.js';
import { isProductionProfile } from '../config/validate.js';
import { isUsableProfileName } from '../aws/names.js';
import { UserError } from '../errors.js';
import { updateFile } from '../fs/safe-write.js';
import { readState, roleKey, updateState, type State } from '../state/state.js';
import { moveMisplaced, profileSection, readCredentialsText, credentialsOf } from '../aws/credentials-file.js';
import { durationTarget, SAFE_DURATION } from './repair.js';
import { loginSession, withSession } from '../state/sessions.js';
import { progress } from './progress.js';
import type { LoadedConfig } from './preflight.js';
import type { DuoRun } from './run-duo-sso.js';
import type { RepairRecord } from './render.js';

export async function moveCredentials(ctx: Context, run: DuoRun): Promise<RepairRecord> {
  const names = run.misplaced.map((m) => m.profile);
  // A profile name from a hand-edited config.json becomes a section header here: `x]y` would
  // be written as `[x]y]`, which the AWS CLI reads as another profile. Refused, file untouched.
  const bad = names.filter((n) => !isUsableProfileName(n));
  if (bad.length > 0) {
    throw new UserError(`cannot move the credentials duo-sso saved under [default] to profile ${bad.map((n) => JSON.stringify(n)).join(', ')}: not a name ${ctx.paths.awsCredentials} can hold; it was left as duo-sso wrote it`, {
      hint: 'Rename the profile in config.json to letters, digits and . _ - + @ (`duo-sso-setup config validate` shows it), then log in again.',
    });
  }
  progress(ctx, `duo-sso saved the credentials of ${names.join(', ')} under [default] (a known duo-sso bug); moving them to ${names.map((n) => `[${n}]`).join(', ')} and restoring [default]`);
  // Bytes that are not UTF-8 are refused, never rewritten as U+FFFD (strict: the same under the lock).
  await readCredentialsText(ctx.paths.awsCredentials).catch((error: Error) => {
    throw new UserError(`${error.message}; the credentials were left under [default]`, { hint: `Save ${ctx.paths.awsCredentials} as UTF-8, then log in again.` });
  });
  // Computed from the file as it is under its lock: a concurrent restore's keys stay.
  const result = await updateFile(ctx.paths.awsCredentials, (current) => (current === undefined ? undefined : moveMisplaced(current, run.misplaced, run.defaultBefore)), { mode: 0o600, strict: true, dryRun: ctx.options.dryRun });
  return { kind: 'move-credentials', profiles: names, file: ctx.paths.awsCredentials, ...(result.backup ? { backup: result.backup } : {}) };
}

export async function lowerDuration(ctx: Context, config: LoadedConfig, profile: ProfileSummary, from: number): Promise<RepairRecord | undefined> {
  const { scope } = durationTarget(profile, config.profiles);
  // A maximum learned with iam:GetRole on an earlier login beats the guide's safe 3600.
  const learned = (await readState(ctx.paths)).roles[roleKey(profile.accountId, profile.role)]?.max;
  // Never above the profile's cap: the organisation policy may cap production below 3600 s.
  const cap = await profileCap(ctx, profile);
  const to = Math.min(cap, learned !== undefined && learned >= SAFE_DURATION && learned < from ? learned : SAFE_DURATION);
  const where = scope === 'profile' ? `profile ${profile.name}'s session_duration_seconds` : 'the top-level session_duration_seconds';
  const message = `role '${profile.role}' in account ${profile.accountId} allows less than the ${from} s that profile ${profile.name} asks for; setting ${where} to ${to} in ${ctx.paths.duoConfig}`;
  if (ctx.canPrompt) {
    const { confirm } = await import('../ui/prompt.js');
    if (!(await confirm(`${message}?`, true))) return undefined;
  } else {
    progress(ctx, message);
  }
  const result = await updateFile(ctx.paths.duoConfig, (current) => (current === undefined ? undefined : setSessionDuration(current, scope === 'profile' ? profile.name : undefined, to)), { dryRun: ctx.options.dryRun });
  await rememberRefusal(ctx, profile, from);
  return { kind: 'lower-duration', profile: profile.name, scope, from, to, file: ctx.paths.duoConfig, ...(result.backup ? { backup: result.backup } : {}) };
}

/** The policy cap for a profile: production when state or the organisation policy says so. */
async function profileCap(ctx: Pick<Context, 'paths'>, profile: ProfileSummary): Promise<number> {
  const { loadPolicy } = await import('../config/apply-fix.js');
  const policy = await loadPolicy(ctx.paths);
  return policyCap(isProductionProfile(policy, profile.name, profile.accountId), policy.caps);
}

/** Records in our state that STS refused `from` seconds for the profile and its role. */
export async function rememberRefusal(ctx: Context, profile: ProfileSummary, from: number): Promise<void> {
  const at = ctx.now().toISOString();
  const key = roleKey(profile.accountId, profile.role);
  await updateState(ctx.paths, (s) => ({
    ...s,
    durations: { ...s.durations, [profile.name]: { ...s.durations[profile.name], refused: Math.min(s.durations[profile.name]?.refused ?? Infinity, from), at } },
    roles: { ...s.roles, [key]: { ...s.roles[key], below: Math.min(s.roles[key]?.below ?? Infinity, from), at } },
  }), { dryRun: ctx.options.dryRun });
}

/** Remembers the duration STS accepted and when these credentials expire at the earliest (`started`: the duo-sso run's start). */
export async function rememberSuccess(ctx: Context, profile: string, duration: number, started: Date): Promise<void> {
  const creds = credentialsOf(profileSection(await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined), profile));
  const now = ctx.now();
  await updateState(ctx.paths, (s: State) => {
    const next: State = { ...s, durations: { ...s.durations, [profile]: { ...s.durations[profile], worked: Math.max(s.durations[profile]?.worked ?? 0, duration), at: now.toISOString() } } };
    if (!creds) return next;
    // From the run's start: STS issued the keys during the run, so the expiry is never later than this.
    return withSession(next, profile, loginSession(started, duration, creds.accessKeyId, now));
  });
}
