// After duo-sso: each profile proven with STS, its role's true maximum learned, longer
// sessions offered, and keys moved into the secret store where the user keeps them.
import type { Context } from '../context.js';
import { effectiveDuration } from '../config/model.js';
import { policyCap } from '../policy/caps.js';
import { setSessionDuration } from '../config/edit.js';
import { updateFile } from '../fs/safe-write.js';
import { readState, roleKey, updateState } from '../state/state.js';
import { profileSection, readCredentialsText, credentialsOf } from '../aws/credentials-file.js';
import { configuredRegion, emptyRegionVariable, readAwsConfig, verifyProfile, type Verification } from './verify.js';
import { describeSkew, skewLevel, timeSyncCommands } from './clock.js';
import { raiseTo, readRoleMax } from './learn-max.js';
import { progress } from './progress.js';
import { sessionsOf } from '../state/sessions.js';
import type { LoadedConfig } from './preflight.js';
import type { LoginReport, ProfileReport, Suggestion } from './render.js';

export async function finishProfiles(ctx: Context, config: LoadedConfig, wanted: string[], saved: Set<string>, verify: boolean, report: LoginReport): Promise<ProfileReport[]> {
  const files = { credentials: await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined), config: await readAwsConfig(ctx.paths) };
  const state = await readState(ctx.paths);
  return Promise.all(wanted.map(async (name) => {
    const emptyVariable = emptyRegionVariable(ctx.env);
    const base: ProfileReport = {
      ...profileReport(config, name, saved.has(name)),
      regionConfigured: configuredRegion(ctx.env, files, name) !== undefined,
      ...(emptyVariable ? { emptyRegionVariable: emptyVariable } : {}),
    };
    const session = sessionsOf(state)[name];
    if (saved.has(name) && session?.expires) base.expires = session.expires;
    if (!verify || !saved.has(name)) return base;
    const v: Verification = await verifyProfile(ctx.env, name, files);
    if (v.skewSeconds !== undefined && report.clock === undefined) {
      report.clock = { skewSeconds: v.skewSeconds, level: skewLevel(v.skewSeconds), summary: describeSkew(v.skewSeconds), fix: timeSyncCommands(await ctx.platform()) };
    }
    if (!v.ok) return { ...base, verified: false, error: { code: v.code, message: v.message } };
    const verified: ProfileReport = { ...base, verified: true, identity: { arn: v.arn, account: v.account, userId: v.userId } };
    const creds = credentialsOf(profileSection(files.credentials, name));
    if (!creds || !base.role || !base.account) return verified;
    const max = await readRoleMax(creds, base.role, { env: ctx.env });
    if (!max.ok) return verified;
    const key = roleKey(base.account, base.role);
    await updateState(ctx.paths, (st) => ({ ...st, roles: { ...st.roles, [key]: { ...st.roles[key], max: max.maxSessionDuration, at: ctx.now().toISOString() } } }));
    return { ...verified, roleMaxSessionDuration: max.maxSessionDuration };
  }));
}

/**
 * duo-sso always writes plaintext keys. Profiles the user moved to a secret store (and all of
 * them with --store) go back there, after verification, so the file never keeps them.
 */
export async function storeSecrets(ctx: Context, choice: 'keychain' | 'pass' | false | undefined, report: LoginReport): Promise<void> {
  let state = await readState(ctx.paths);
  // An explicit --store becomes the default for later logins; --no-store forgets it.
  if (choice !== undefined && (choice || undefined) !== state.loginStore && !ctx.options.dryRun) {
    state = await updateState(ctx.paths, ({ loginStore: _, ...rest }) => ({ ...rest, ...(choice ? { loginStore: choice } : {}) }));
  }
  const requested = choice === false ? undefined : choice ?? state.loginStore;
  const saved = report.profiles.filter((p) => p.saved).map((p) => p.name);
  const profiles = requested ? saved : saved.filter((p) => (state.storedProfiles ?? []).includes(p));
  if (profiles.length === 0) return;
  try {
    const { storeFor, migrateProfiles } = await import('../credentials/index.js');
    const { storeAllowed } = await import('../credentials/run.js');
    const { readPolicy } = await import('../policy/read.js');
    const policy = await readPolicy(ctx.paths);
    const store = await storeFor(ctx, storeAllowed(policy, requested));
    const why = choice === undefined && state.loginStore ? `; the default since \`login --store ${state.loginStore}\`, \`login --no-store\` stops it` : '';
    progress(ctx, `moving the keys of ${profiles.join(', ')} into the ${store.name} store (served back through credential_process${why})`);
    // The expiry comes from login's record of the run (state.json), as for `credentials migrate`.
    const outcomes = await migrateProfiles(ctx, profiles, store);
    // Profiles `login --store` keeps in the store renew themselves through credential-process,
    // unless `credentials migrate --no-renew` said otherwise, or the organisation policy's
    // autoRenew is false.
    const autoRenew = policy.kind === 'applied' ? policy.policy.autoRenew : undefined;
    if (requested && autoRenew !== false) await (await import('../credentials/renew-state.js')).rememberRenewal(ctx, outcomes.map((o) => o.profile), true, { onlyIfUnset: true });
    report.stored = outcomes.map((o) => ({ profile: o.profile, store: o.store, status: o.status, ...(o.plaintextBackups.length > 0 ? { plaintextBackups: o.plaintextBackups } : {}) }));
  } catch (error) {
    report.ok = false;
    report.problem = {
      id: 'store-failed',
      message: `logged in, but the keys could not be moved into the secret store: ${error instanceof Error ? error.message : String(error)}`,
      details: [`They are in ${ctx.paths.awsCredentials} for now.`],
      commands: [['duo-sso-setup', 'credentials', 'migrate', ...profiles.flatMap((p) => ['--profile', p]), ...(requested ? ['--store', requested] : [])]],
    };
  }
}

/** Where iam:GetRole showed a role allows more than the profile asks (within policy), offer it. */
export async function offerLongerSessions(ctx: Context, report: LoginReport): Promise<void> {
  // The organisation policy's caps and production accounts count as much as our own memory.
  const { loadPolicy } = await import('../config/apply-fix.js');
  const policy = await loadPolicy(ctx.paths);
  const { isProductionProfile } = await import('../config/validate.js');
  for (const p of report.profiles) {
    if (p.roleMaxSessionDuration === undefined || p.sessionDurationSeconds === undefined || !p.account || !p.role) continue;
    const isProduction = isProductionProfile(policy, p.name, p.account);
    const cap = policyCap(isProduction, policy.caps);
    const to = raiseTo(p.sessionDurationSeconds, p.roleMaxSessionDuration, cap);
    if (to === undefined) continue;
    const why = `role '${p.role}' in account ${p.account} allows ${p.roleMaxSessionDuration} s; ${isProduction ? 'production' : 'non-production'} policy allows ${cap} s without SRE approval`;
    const suggestion: Suggestion = {
      profile: p.name,
      from: p.sessionDurationSeconds,
      to,
      reason: why,
      commands: [['duo-sso-setup', 'config', 'add-profile', p.name, '--account', p.account, '--role', p.role, '--duration', String(to), '--force', ...(isProduction ? ['--production'] : [])]],
    };
    // Longer sessions are an offer, never a default: --yes and non-TTY runs only report them.
    if (ctx.canPrompt) {
      const { confirm } = await import('../ui/prompt.js');
      if (await confirm(`${why}. Raise profile ${p.name} from ${p.sessionDurationSeconds} to ${to} s?`, false)) {
        const r = await updateFile(ctx.paths.duoConfig, (cur) => (cur === undefined ? undefined : setSessionDuration(cur, p.name, to)), { dryRun: ctx.options.dryRun });
        report.repairs.push({ kind: 'raise-duration', profile: p.name, from: p.sessionDurationSeconds, to, file: ctx.paths.duoConfig, ...(r.backup ? { backup: r.backup } : {}) });
        continue;
      }
    }
    (report.suggestions ??= []).push(suggestion);
  }
}

export function profileReport(config: LoadedConfig, name: string, saved: boolean): ProfileReport {
  const p = config.profiles.find((x) => x.name === name);
  return {
    name,
    ...(p ? { account: p.accountId, role: p.role, sessionDurationSeconds: effectiveDuration(config.value, name) } : {}),
    saved,
    verified: false,
  };
}
