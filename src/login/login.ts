// `login`: run duo-sso with the user's terminal attached, read what it prints, repair the
// failures we know (bounded: at most MAX_RUNS runs of duo-sso per login), then prove every
// profile works with STS GetCallerIdentity. The decisions are pure (events.ts, repair.ts);
// this file is the imperative shell around them.
import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { readConfig, describeInvalidJson } from '../config/read-config.js';
import { effectiveDuration, listProfiles, policyCap, type ProfileSummary } from '../config/model.js';
import { setSessionDuration } from '../config/edit.js';
import { updateFile } from '../fs/safe-write.js';
import { findFirst } from '../platform/facts.js';
import { resolveSelf } from '../platform/self.js';
import { readState, roleKey, updateState, type State } from '../state/state.js';
import { sectionNames } from '../aws/ini.js';
import { findMisplaced, moveMisplaced, profileSection, readCredentialsText, credentialsOf, type Misplaced, type Section } from '../aws/credentials-file.js';
import { redactLine } from './redact-line.js';
import { diagnose } from '../knowledge/index.js';
import { emptySummary, fold, parseLine, type RunSummary } from './events.js';
import { classify, durationTarget, SAFE_DURATION, suspects, type Failure } from './repair.js';
import { keyFingerprint, withSession } from './sessions.js';
import { configuredRegion, readAwsConfig, verifyProfile, type Verification } from './verify.js';
import { describeSkew, skewLevel, timeSyncCommands } from './clock.js';
import { raiseTo, readRoleMax } from './learn-max.js';
import { renderLogin, type LoginReport, type ProfileReport, type Problem, type RepairRecord, type RunRecord, type Suggestion } from './render.js';

export const MAX_RUNS = 3;
const DUO_SSO_TIMEOUT_MS = 10 * 60_000;

export interface LoginOptions {
  profiles: string[];
  sessionDuration?: number;
  interactive: boolean;
  verify: boolean;
  /** Move the new keys into this secret store (credential_process), as `credentials migrate` does. */
  store?: 'keychain' | 'pass';
}

interface LoadedConfig {
  text: string;
  value: unknown;
  profiles: ProfileSummary[];
}

interface DuoRun {
  record: RunRecord;
  summary: RunSummary;
  lines: string[];
  misplaced: Misplaced[];
  defaultBefore: Section | undefined;
  dryRun: boolean;
}

export async function runLogin(ctx: Context, opts: LoginOptions): Promise<number> {
  const duoSso = await locateDuoSso(ctx);
  let config = await loadConfig(ctx);
  const unknown = opts.profiles.filter((p) => !config.profiles.some((c) => c.name === p));
  if (unknown.length > 0) {
    throw new UserError(`no profile ${unknown.map((u) => `'${u}'`).join(', ')} in ${ctx.paths.duoConfig}`, {
      hint: config.profiles.length > 0 ? `Profiles there: ${config.profiles.map((p) => p.name).join(', ')}` : 'It has no "profiles" yet: add one with duo-sso-setup config init.',
    });
  }
  if (config.profiles.length === 0 && !ctx.io.stdinIsTTY) {
    throw new UserError(`${ctx.paths.duoConfig} has no "profiles", so duo-sso would ask which account and role to use, and there is no terminal to answer`, {
      hint: 'Add profiles (duo-sso-setup config init), or run duo-sso-setup login in a terminal.',
    });
  }

  const report: LoginReport = { ok: false, dryRun: ctx.runner.dryRun, runs: [], repairs: [], profiles: [] };
  const state = { interactive: opts.interactive, runs: 0 };
  // Without --profile: one login for every profile (duo-sso's own default); with it, one per named profile.
  const units = opts.profiles.length > 0 ? opts.profiles.map((p) => [p]) : [config.profiles.map((p) => p.name)];
  const saved = new Set<string>();
  for (const unit of units) {
    const outcome = await loginUnit(ctx, duoSso, unit, opts.profiles.length > 0, opts, state, report, () => config, (c) => (config = c));
    for (const p of outcome.saved) saved.add(p);
    if (outcome.problem) {
      report.problem = outcome.problem;
      break;
    }
  }

  const wanted = opts.profiles.length > 0 ? opts.profiles : config.profiles.length > 0 ? config.profiles.map((p) => p.name) : [...saved];
  if (report.dryRun) {
    report.ok = true;
    report.profiles = wanted.map((name) => profileReport(config, name, false));
  } else {
    report.profiles = await finishProfiles(ctx, config, wanted, saved, opts.verify, report);
    if (opts.verify) await offerLongerSessions(ctx, report);
    report.ok = !report.problem && report.profiles.length > 0 && report.profiles.every((p) => p.saved && (!opts.verify || p.verified));
    if (report.ok) await storeSecrets(ctx, opts.store, report);
    if (!report.ok && !report.problem) {
      const missing = report.profiles.filter((p) => !p.saved).map((p) => p.name);
      const unverified = report.profiles.filter((p) => p.saved && !p.verified).map((p) => p.name);
      report.problem = missing.length > 0
        ? { id: 'not-saved', message: `duo-sso did not save credentials for ${missing.join(', ')}`, commands: [] }
        : { id: 'not-verified', message: `STS did not accept the credentials of ${unverified.join(', ')}`, commands: [['duo-sso-setup', 'troubleshoot', '--file', '-']] };
    }
  }
  const { out, err } = renderLogin(report, ctx.style, { json: ctx.options.json, os: (await ctx.platform()).os });
  if (err) ctx.io.err(err);
  if (out) ctx.io.out(out);
  return report.ok ? ExitCode.ok : ExitCode.failure;
}

/** One login of a set of profiles: run, repair, run again, at most MAX_RUNS times. */
async function loginUnit(
  ctx: Context,
  duoSso: string,
  names: string[],
  restrict: boolean,
  opts: LoginOptions,
  shared: { interactive: boolean; runs: number },
  report: LoginReport,
  getConfig: () => LoadedConfig,
  setConfig: (c: LoadedConfig) => void,
): Promise<{ saved: string[]; problem?: Problem }> {
  const pending = new Set(names);
  const saved: string[] = [];
  let only: string | undefined = restrict ? names[0] : undefined;
  let transientRetried = false;
  let sessionFlag = opts.sessionDuration;
  // Profiles that may have caused a MaxSessionDuration refusal, while we narrow them down.
  let unresolved: { role: string; suspects: string[] } | undefined;
  // What duo-sso asks STS for: the profile's own value, else -session-duration, else the top level.
  const durationOf = (p: ProfileSummary) => p.sessionDurationSeconds ?? sessionFlag ?? effectiveDuration(getConfig().value, p.name);
  const lower = async (culprit: ProfileSummary): Promise<boolean> => {
    const repair = await lowerDuration(ctx, getConfig(), culprit, durationOf(culprit));
    if (!repair) return false;
    report.repairs.push(repair);
    setConfig(await loadConfig(ctx));
    if (sessionFlag && sessionFlag > SAFE_DURATION) sessionFlag = undefined;
    unresolved = undefined;
    only = restrict || pending.size === 1 ? [...pending][0] : undefined;
    return true;
  };
  for (let run = 1; run <= MAX_RUNS; run++) {
    const args = [...(only ? ['-profile', only] : []), ...(sessionFlag ? ['-session-duration', String(sessionFlag)] : []), ...(shared.interactive ? ['-interactive'] : [])];
    // Without profiles duo-sso asks which account and role to use: hand it the terminal as is
    // (a prompt without a newline would wait unseen in our line reader).
    const passthrough = getConfig().profiles.length === 0 && ctx.io.stdoutIsTTY && !ctx.options.json;
    const outcome = await runDuoSso(ctx, duoSso, args, passthrough);
    shared.runs++;
    report.runs.push(outcome.record);
    if (outcome.dryRun) return { saved: [] };

    if (outcome.misplaced.length > 0) {
      const moved = await moveCredentials(ctx, outcome);
      report.repairs.push(moved);
    }
    const config = getConfig();
    for (const p of outcome.summary.saved) {
      if (!pending.has(p) && !names.includes(p) && config.profiles.length > 0) continue;
      pending.delete(p);
      if (!saved.includes(p)) saved.push(p);
      await rememberSuccess(ctx, config, p);
    }
    const failure = classify(outcome.summary, outcome.record);
    outcome.record.failure = failure;
    if (!failure) {
      if (pending.size === 0 || config.profiles.length === 0) return { saved };
      if (unresolved) {
        // The suspect we tried alone worked: the refusal came from one of the others.
        const left = unresolved.suspects.filter((n) => pending.has(n));
        const profiles = config.profiles.filter((p) => left.includes(p.name));
        if (profiles.length === 1) {
          if (!(await lower(profiles[0]!))) return { saved, problem: { id: 'max-session-duration', message: `STS refused role '${unresolved.role}' for profile ${profiles[0]!.name}; its duration was left as it is`, commands: [] } };
          continue;
        }
        if (profiles.length > 1) {
          unresolved = { role: unresolved.role, suspects: profiles.map((p) => p.name) };
          only = profiles[0]!.name;
          continue;
        }
        unresolved = undefined;
      }
      if (!only) return { saved, problem: { id: 'not-saved', message: `duo-sso finished without saving ${[...pending].join(', ')}`, commands: [] } };
      only = restrict || pending.size === 1 ? [...pending][0] : undefined;
      continue;
    }
    if (failure.kind === 'access-denied' || failure.kind === 'other') return { saved, problem: explain(failure, outcome, getConfig()) };
    if (run === MAX_RUNS) return { saved, problem: gaveUp(failure, outcome) };

    const inRun = config.profiles.filter((p) => (only ? p.name === only : pending.has(p.name) || outcome.summary.saved.includes(p.name)));
    switch (failure.kind) {
      case 'max-session-duration': {
        const memory = await readState(ctx.paths);
        const blamed = suspects(inRun, outcome.summary.saved, failure.role, durationOf, (p) => memory.durations[p.name]?.worked);
        if (blamed.length === 0) {
          if (sessionFlag && sessionFlag > SAFE_DURATION) {
            progress(ctx, `STS refused role '${failure.role}' at -session-duration ${sessionFlag}; retrying without it`);
            sessionFlag = undefined;
            continue;
          }
          return { saved, problem: explain(failure, outcome, config) };
        }
        if (blamed.length > 1) {
          // The error names only the role: ask duo-sso for one suspect alone to learn which it is.
          unresolved = { role: failure.role, suspects: blamed.map((b) => b.name) };
          only = blamed[0]!.name;
          progress(ctx, `STS refused role '${failure.role}', which ${blamed.map((b) => b.name).join(' and ')} use; trying ${only} alone to find which one`);
          continue;
        }
        if (!(await lower(blamed[0]!))) return { saved, problem: explain(failure, outcome, config) };
        continue;
      }
      case 'role-chaining':
      case 'expired-assertion':
        if (transientRetried) return { saved, problem: explain(failure, outcome, config) };
        transientRetried = true;
        progress(ctx, failure.kind === 'expired-assertion'
          ? 'the SAML assertion expired before STS redeemed it (slow Duo approval or clock skew); trying once more'
          : `STS refused role '${failure.role}' for role chaining; trying once more`);
        continue;
      case 'first-run-certificate':
        if (shared.interactive || !(ctx.io.stdinIsTTY && ctx.io.stderrIsTTY)) return { saved, problem: explain(failure, outcome, config) };
        shared.interactive = true;
        progress(ctx, "the SSO page wants a client certificate chosen (first login on this machine); running duo-sso again with -interactive: pick your certificate in the browser");
        continue;
      default:
        return { saved, problem: explain(failure, outcome, config) };
    }
  }
  return { saved, problem: { id: 'gave-up', message: `gave up after ${MAX_RUNS} runs of duo-sso`, commands: [] } };
}

async function runDuoSso(ctx: Context, duoSso: string, args: string[], passthrough = false): Promise<DuoRun> {
  const before = await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined);
  if (passthrough) {
    progress(ctx, `running ${['duo-sso', ...args].join(' ')}`);
    const r = await ctx.runner.run(duoSso, args, { interactive: true, mutates: true, timeoutMs: DUO_SSO_TIMEOUT_MS });
    const changed = r.dryRun ? [] : changedSections(before, await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined));
    const summary = { ...emptySummary(), saved: changed };
    const record: RunRecord = { argv: ['duo-sso', ...args], exitCode: r.exitCode, timedOut: r.timedOut, ...(r.spawnError ? { spawnError: r.spawnError } : {}), saved: changed };
    return { record, summary, lines: [], misplaced: [], defaultBefore: profileSection(before, 'default'), dryRun: Boolean(r.dryRun) };
  }
  const seen: { profile: string; own: Section | undefined; fallback: Section | undefined }[] = [];
  const lines: string[] = [];
  let summary = emptySummary();
  progress(ctx, `running ${['duo-sso', ...args].join(' ')}`);
  const r = await ctx.runner.run(duoSso, args, {
    interactive: true,
    echo: false,
    mutates: true,
    timeoutMs: DUO_SSO_TIMEOUT_MS,
    onLine: (line) => {
      const shown = redactLine(line);
      lines.push(shown);
      const event = parseLine(line);
      summary = fold(summary, event);
      if (event.kind === 'profile-saved') {
        // duo-sso has just written the file: look now, before its next profile overwrites [default].
        const text = readTextSync(ctx.paths.awsCredentials);
        seen.push({ profile: event.profile, own: profileSection(text, event.profile), fallback: profileSection(text, 'default') });
      }
      ctx.io.err(`${shown}\n`);
    },
  });
  if (!r.dryRun && r.exitCode === 0 && summary.saved.length === 0) {
    // Its wording may differ from the guide's: trust the file over the words.
    summary = { ...summary, saved: changedSections(before, await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined)) };
  }
  const record: RunRecord = {
    argv: ['duo-sso', ...args],
    exitCode: r.exitCode,
    timedOut: r.timedOut,
    ...(r.spawnError ? { spawnError: r.spawnError } : {}),
    saved: summary.saved,
  };
  if (r.dryRun) progress(ctx, 'dry run: duo-sso was not run');
  return { record, summary, lines, misplaced: r.dryRun ? [] : findMisplaced(before, seen), defaultBefore: profileSection(before, 'default'), dryRun: Boolean(r.dryRun) };
}

/** Sections whose access key is new since `before`. */
function changedSections(before: string | undefined, after: string | undefined): string[] {
  return (after ? sectionNames(after) : []).filter((n) => {
    const key = profileSection(after, n)?.aws_access_key_id;
    return key !== undefined && key !== profileSection(before, n)?.aws_access_key_id;
  });
}

function readTextSync(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function moveCredentials(ctx: Context, run: DuoRun): Promise<RepairRecord> {
  const names = run.misplaced.map((m) => m.profile);
  progress(ctx, `duo-sso saved the credentials of ${names.join(', ')} under [default] (a known duo-sso bug); moving them to ${names.map((n) => `[${n}]`).join(', ')} and restoring [default]`);
  const result = await updateFile(ctx.paths.awsCredentials, (current) => (current === undefined ? undefined : moveMisplaced(current, run.misplaced, run.defaultBefore)), { mode: 0o600, dryRun: ctx.options.dryRun });
  return { kind: 'move-credentials', profiles: names, file: ctx.paths.awsCredentials, ...(result.backup ? { backup: result.backup } : {}) };
}

async function lowerDuration(ctx: Context, config: LoadedConfig, profile: ProfileSummary, from: number): Promise<RepairRecord | undefined> {
  const { scope } = durationTarget(profile, config.profiles);
  // A maximum learned with iam:GetRole on an earlier login beats the guide's safe 3600.
  const learned = (await readState(ctx.paths)).roles[roleKey(profile.accountId, profile.role)]?.max;
  const to = learned !== undefined && learned >= SAFE_DURATION && learned < from ? learned : SAFE_DURATION;
  const where = scope === 'profile' ? `profile ${profile.name}'s session_duration_seconds` : 'the top-level session_duration_seconds';
  const message = `role '${profile.role}' in account ${profile.accountId} allows less than the ${from} s that profile ${profile.name} asks for; setting ${where} to ${to} in ${ctx.paths.duoConfig}`;
  if (ctx.canPrompt) {
    const { confirm } = await import('../ui/prompt.js');
    if (!(await confirm(`${message}?`, true))) return undefined;
  } else {
    progress(ctx, message);
  }
  const result = await updateFile(ctx.paths.duoConfig, (current) => (current === undefined ? undefined : setSessionDuration(current, scope === 'profile' ? profile.name : undefined, to)), { dryRun: ctx.options.dryRun });
  const at = ctx.now().toISOString();
  await updateState(ctx.paths, (s) => ({
    ...s,
    durations: { ...s.durations, [profile.name]: { ...s.durations[profile.name], refused: Math.min(s.durations[profile.name]?.refused ?? Infinity, from), at } },
    roles: { ...s.roles, [roleKey(profile.accountId, profile.role)]: { ...s.roles[roleKey(profile.accountId, profile.role)], below: Math.min(s.roles[roleKey(profile.accountId, profile.role)]?.below ?? Infinity, from), at } },
  }), { dryRun: ctx.options.dryRun });
  return { kind: 'lower-duration', profile: profile.name, scope, from, to, file: ctx.paths.duoConfig, ...(result.backup ? { backup: result.backup } : {}) };
}

/** Remembers the duration STS accepted and when these credentials will expire. */
async function rememberSuccess(ctx: Context, config: LoadedConfig, profile: string): Promise<void> {
  const duration = effectiveDuration(config.value, profile);
  const creds = credentialsOf(profileSection(await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined), profile));
  const now = ctx.now();
  await updateState(ctx.paths, (s: State) => {
    const next: State = { ...s, durations: { ...s.durations, [profile]: { ...s.durations[profile], worked: Math.max(s.durations[profile]?.worked ?? 0, duration), at: now.toISOString() } } };
    if (!creds) return next;
    return withSession(next, profile, { expires: new Date(now.getTime() + duration * 1000).toISOString(), key: keyFingerprint(creds.accessKeyId), durationSeconds: duration, at: now.toISOString() });
  });
}

async function finishProfiles(ctx: Context, config: LoadedConfig, wanted: string[], saved: Set<string>, verify: boolean, report: LoginReport): Promise<ProfileReport[]> {
  const files = { credentials: await readCredentialsText(ctx.paths.awsCredentials).catch(() => undefined), config: await readAwsConfig(ctx.paths) };
  const state = await readState(ctx.paths);
  return Promise.all(wanted.map(async (name) => {
    const base = { ...profileReport(config, name, saved.has(name)), regionConfigured: configuredRegion(ctx.env, files.config, name) !== undefined };
    const session = (state.sessions as Record<string, { expires?: string }> | undefined)?.[name];
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
async function storeSecrets(ctx: Context, requested: LoginOptions['store'], report: LoginReport): Promise<void> {
  const state = await readState(ctx.paths);
  const saved = report.profiles.filter((p) => p.saved).map((p) => p.name);
  const profiles = requested ? saved : saved.filter((p) => (state.storedProfiles ?? []).includes(p));
  if (profiles.length === 0) return;
  const expirations = Object.fromEntries(report.profiles.filter((p) => p.expires && profiles.includes(p.name)).map((p) => [p.name, new Date(p.expires!)]));
  try {
    const { storeFor, migrateProfiles } = await import('../credentials/index.js');
    const store = await storeFor(ctx, requested);
    progress(ctx, `moving the keys of ${profiles.join(', ')} into the ${store.name} store (served back through credential_process)`);
    const outcomes = await migrateProfiles(ctx, profiles, store, { expirations });
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
async function offerLongerSessions(ctx: Context, report: LoginReport): Promise<void> {
  const production = new Set((await readState(ctx.paths)).productionProfiles);
  for (const p of report.profiles) {
    if (p.roleMaxSessionDuration === undefined || p.sessionDurationSeconds === undefined || !p.account || !p.role) continue;
    const isProduction = production.has(p.name);
    const to = raiseTo(p.sessionDurationSeconds, p.roleMaxSessionDuration, policyCap(isProduction));
    if (to === undefined) continue;
    const why = `role '${p.role}' in account ${p.account} allows ${p.roleMaxSessionDuration} s; ${isProduction ? 'production' : 'non-production'} policy allows ${policyCap(isProduction)} s without SRE approval`;
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

function profileReport(config: LoadedConfig, name: string, saved: boolean): ProfileReport {
  const p = config.profiles.find((x) => x.name === name);
  return {
    name,
    ...(p ? { account: p.accountId, role: p.role, sessionDurationSeconds: effectiveDuration(config.value, name) } : {}),
    saved,
    verified: false,
  };
}

function explain(failure: Failure, run: DuoRun, config: LoadedConfig): Problem {
  const forRole = (role: string) => config.profiles.filter((p) => p.role === role && !run.summary.saved.includes(p.name));
  switch (failure.kind) {
    case 'access-denied': {
      const asked = forRole(failure.role).map((p) => `profile ${p.name} asks for role '${p.role}' in account ${p.accountId}`);
      const granted = run.summary.listed.map((g) => `${g.account} ${g.role}`);
      return {
        id: 'access-denied-role',
        message: `STS refused role '${failure.role}': ${failure.message}`,
        details: [
          ...asked,
          granted.length > 0 ? `your SSO grants: ${granted.join(', ')}` : 'Your SSO login does not grant that role in that account (a typo in aws_account_id or aws_role_name, or access not yet given).',
        ],
        commands: [['duo-sso-setup', 'saml', 'inspect', '-']],
      };
    }
    case 'first-run-certificate':
      return {
        id: 'first-run-client-certificate',
        message: 'the SSO page wants a client certificate chosen in the browser (first login on this machine)',
        details: ['That needs a terminal and a visible browser: run this once yourself, then logins work unattended.'],
        commands: [['duo-sso-setup', 'login', '--interactive']],
      };
    case 'max-session-duration':
      return {
        id: 'max-session-duration',
        message: `STS refused role '${failure.role}': The requested DurationSeconds exceeds the MaxSessionDuration set for this role`,
        details: ['No profile using that role asks for more than 3600 s, which every role allows; check the -session-duration given to duo-sso.'],
        commands: [['duo-sso-setup', 'config', 'validate']],
      };
    default: {
      const detail = failure.kind === 'other' ? failure.detail : `${failure.kind}${'role' in failure && failure.role ? ` (role '${failure.role}')` : ''}`;
      // The shared knowledge base may know this one (IdP rejected claim, region disabled, ...).
      const known = diagnose(run.lines.join('\n'))[0];
      if (known && failure.kind === 'other') {
        return {
          id: known.id,
          message: `duo-sso failed: ${detail}`,
          details: [known.title, ...(known.detail ? [known.detail] : []), known.explanation, ...(known.fix.description ? [`Fix: ${known.fix.description}`] : [])],
          commands: known.fix.commands,
        };
      }
      return { id: failure.kind, message: `duo-sso failed: ${detail}`, details: run.lines.slice(-5), commands: [['duo-sso-setup', 'troubleshoot', '--file', '-']] };
    }
  }
}

function gaveUp(failure: Failure, run: DuoRun): Problem {
  const last = failure.kind === 'other' ? failure.detail : failure.kind;
  return { id: 'gave-up', message: `still failing after ${MAX_RUNS} runs of duo-sso (last: ${last})`, details: run.lines.slice(-5), commands: [['duo-sso-setup', 'troubleshoot', '--file', '-']] };
}

function progress(ctx: Pick<Context, 'io'>, message: string): void {
  ctx.io.err(`→ ${message}\n`);
}

async function locateDuoSso(ctx: Context): Promise<string> {
  const find = () => findFirst('duo-sso', ctx.env) ?? (process.platform === 'win32' ? findFirst('duo-sso_windows_amd64', ctx.env) : undefined);
  const found = find();
  if (found) return found;
  if (ctx.canPrompt) {
    const { confirm } = await import('../ui/prompt.js');
    if (await confirm('duo-sso is not installed. Install it now (duo-sso-setup install duo-sso)?', true)) {
      const [file, ...args] = resolveSelf(['duo-sso-setup', 'install', 'duo-sso']);
      await ctx.runner.run(file!, args, { interactive: true, mutates: true, timeoutMs: 15 * 60_000 });
      const again = find();
      if (again) return again;
    }
  }
  throw new UserError('duo-sso is not installed (not found on PATH)', { hint: 'Install it: duo-sso-setup install duo-sso' });
}

async function loadConfig(ctx: Context): Promise<LoadedConfig> {
  let read = await readConfig(ctx.paths.duoConfig);
  if (read.kind === 'missing' && ctx.canPrompt) {
    const { confirm } = await import('../ui/prompt.js');
    if (await confirm(`${ctx.paths.duoConfig} does not exist. Create it now (duo-sso-setup config init)?`, true)) {
      const [file, ...args] = resolveSelf(['duo-sso-setup', 'config', 'init']);
      await ctx.runner.run(file!, args, { interactive: true, mutates: true, timeoutMs: 15 * 60_000 });
      read = await readConfig(ctx.paths.duoConfig);
    }
  }
  switch (read.kind) {
    case 'missing':
      throw new UserError(`${ctx.paths.duoConfig} does not exist`, { hint: 'Create it: duo-sso-setup config init' });
    case 'unreadable':
      throw new UserError(`${ctx.paths.duoConfig} cannot be read: ${read.reason}`, { hint: 'duo-sso-setup config init --force recreates it (the old file is backed up)' });
    case 'invalid-json':
      throw new UserError(`invalid JSON: ${describeInvalidJson(read)}`, { hint: 'Correct it at that position, or see duo-sso-setup config validate' });
    case 'parsed':
      return { text: read.text, value: read.value, profiles: listProfiles(read.value) };
  }
}
