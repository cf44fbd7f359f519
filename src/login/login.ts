// `login`: run duo-sso with the user's terminal attached, read what it prints, repair the
// failures we know (bounded: at most MAX_RUNS runs of duo-sso per login, plus one per profile
// that a run after a refused profile settles), then prove every profile works with STS
// GetCallerIdentity. A profile the SSO does not grant stops duo-sso for all: the others are
// logged in one by one (-profile NAME) without it, and the login ends partial (exit 1). The decisions are pure (events.ts, repair.ts);
// this file is the imperative shell around them.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { missingProfileError } from '../config/known-profiles.js';
import { effectiveDuration, type ProfileSummary } from '../config/model.js';
import { readState } from '../state/state.js';
import { classify, MAX_RUNS, SAFE_DURATION, suspects } from './repair.js';
import { renderLogin, toJson as loginJson, type LoginReport, type Problem, type ProfileReport } from './render.js';
import { recordLoginRun } from './run-log.js';
import { UNREACHABLE } from '../aws/sts.js';
import { loadConfig, locateDuoSso, type LoadedConfig } from './preflight.js';
import { runDuoSso } from './run-duo-sso.js';
import { lowerDuration, moveCredentials, rememberRefusal, rememberSuccess } from './apply-repairs.js';
import { finishProfiles, offerLongerSessions, profileReport, storeSecrets } from './after-login.js';
import { blameDenied, budgetSpent, deniedProblem, explain, gaveUp, keptDuration, type Denied } from './explain.js';
import { progress } from './progress.js';
import { isNetworkProblem, withNetworkProbe } from './network-probe.js';
import { wrapText } from '../ui/wrap.js';

export interface LoginOptions {
  profiles: string[];
  sessionDuration?: number;
  interactive: boolean;
  verify: boolean;
  /** Move the new keys into this secret store (credential_process), as `credentials migrate` does. */
  store?: 'keychain' | 'pass' | false;
}

export async function runLogin(ctx: Context, opts: LoginOptions): Promise<number> {
  let config = await loadConfig(ctx);
  const unknown = opts.profiles.filter((p) => !config.profiles.some((c) => c.name === p));
  // Bad input is said before anything about the machine (duo-sso missing), as a usage error.
  if (unknown.length > 0) {
    throw missingProfileError(unknown, ctx.paths.duoConfig, config.profiles.map((p) => p.name), 'It has no "profiles" yet: add one with duo-sso-setup config add-profile NAME --account ID --role ROLE.');
  }
  const duoSso = await locateDuoSso(ctx);
  if (config.profiles.length === 0 && !ctx.io.stdinIsTTY) {
    throw new UserError(`${ctx.paths.duoConfig} has no "profiles", so duo-sso would ask which account and role to use, and there is no terminal to answer`, {
      // Not `config init`: it refuses a config.json that exists (and --force would replace it).
      hint: 'Add profiles (duo-sso-setup config add-profile NAME --account ID --role ROLE), or run duo-sso-setup login in a terminal: duo-sso lists your accounts and roles, and `duo-sso-setup config import` turns that listing into profiles.',
    });
  }

  const report: LoginReport = { ok: false, dryRun: ctx.runner.dryRun, runs: [], repairs: [], profiles: [] };
  const state: RunBudget = { interactive: opts.interactive, runs: 0, settled: 0 };
  // Every profile: one login (duo-sso's own default, one Duo approval); a subset: one per named
  // profile, unless that alone would use up the runs a login may make: then one login of all.
  const all = config.profiles.map((p) => p.name);
  const named = [...new Set(opts.profiles)];
  const subset = named.length > 0 && named.length <= MAX_RUNS && !all.every((n) => named.includes(n));
  const units = subset ? named.map((p) => [p]) : [all];
  const saved = new Set<string>();
  const denied: Denied[] = [];
  for (const [i, unit] of units.entries()) {
    // The bound is per login, not per profile: naming profiles one by one does not multiply it.
    const later = units.slice(i + 1).flat();
    const outcome = !runsLeft(state)
      ? { saved: [], denied: [], problem: budgetSpent([...unit, ...later]) }
      : await loginUnit(ctx, duoSso, unit, later, subset, opts, state, report, () => config, (c) => (config = c));
    for (const p of outcome.saved) saved.add(p);
    denied.push(...outcome.denied);
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
    report.profiles = (await finishProfiles(ctx, config, wanted, saved, opts.verify, report)).map((p) => {
      const d = denied.find((x) => x.profile === p.name);
      return d && !p.saved ? { ...p, error: { code: 'NotGranted', message: d.message } } : p;
    });
    if (opts.verify) await offerLongerSessions(ctx, report);
    // STS out of reach from here (a proxy the SDK does not use, say) is not the credentials' fault:
    // duo-sso itself just got them from STS. Reported, but not a failed login.
    const proven = (p: ProfileReport) => !opts.verify || p.verified || p.error?.code === UNREACHABLE;
    report.ok = !report.problem && report.profiles.length > 0 && report.profiles.every((p) => p.saved && proven(p));
    // A refused profile does not hold back the others' keys from the store.
    const onlyDenied = !report.problem && report.profiles.every((p) => (p.saved && proven(p)) || denied.some((d) => d.profile === p.name));
    if (report.ok || (onlyDenied && report.profiles.some((p) => p.saved))) await storeSecrets(ctx, opts.store, report);
    if (denied.length > 0) {
      const loggedIn = report.profiles.filter((p) => p.saved && proven(p)).map((p) => p.name);
      report.problem = deniedProblem(denied, loggedIn, ctx.paths.duoConfig, report.problem);
    } else if (!report.ok && !report.problem) {
      const missing = report.profiles.filter((p) => !p.saved).map((p) => p.name);
      const unverified = report.profiles.filter((p) => p.saved && !p.verified).map((p) => p.name);
      report.problem = missing.length > 0
        ? { id: 'not-saved', message: `duo-sso did not save credentials for ${missing.join(', ')}`, commands: [] }
        : { id: 'not-verified', message: `STS did not accept the credentials of ${unverified.join(', ')}`, commands: [['duo-sso-setup', 'troubleshoot', '--file', '-']] };
    }
  }
  // duo-sso stopped on the network: say at which layer (proxy, DNS, TCP, TLS) it fails from here.
  if (report.problem && !report.dryRun && isNetworkProblem(report.problem)) report.problem = await withNetworkProbe(ctx, report.problem);
  const os = (await ctx.platform()).os;
  if (!report.dryRun) await recordLoginRun(ctx.paths, ctx.now(), loginJson(report, os));
  const { out, err } = renderLogin(report, ctx.style, { json: ctx.options.json, os });
  // JSON is never wrapped: only the human text (and the clock's lines on stderr).
  if (err) ctx.io.err(wrapText(err, ctx.io.errWidth));
  if (out) ctx.io.out(ctx.options.json ? out : wrapText(out, ctx.io.outWidth));
  return report.ok ? ExitCode.ok : ExitCode.failure;
}

/** One login of a set of profiles: run, repair, run again, at most MAX_RUNS times. */
async function loginUnit(
  ctx: Context,
  duoSso: string,
  names: string[],
  /** Profiles still to be logged in after these, by later runs of this login. */
  later: string[],
  restrict: boolean,
  opts: LoginOptions,
  shared: RunBudget,
  report: LoginReport,
  getConfig: () => LoadedConfig,
  setConfig: (c: LoadedConfig) => void,
): Promise<{ saved: string[]; denied: Denied[]; problem?: Problem }> {
  const pending = new Set(names);
  const saved: string[] = [];
  const denied: Denied[] = [];
  // After a refused profile, a run of all would run it again: the rest go one by one.
  let oneByOne = restrict;
  let only: string | undefined = restrict ? names[0] : undefined;
  let transientRetried = false;
  let sessionFlag = opts.sessionDuration;
  // Profiles that may have caused a MaxSessionDuration refusal, while we narrow them down.
  let unresolved: { role: string; suspects: string[] } | undefined;
  // What duo-sso asks STS for: the profile's own value, else -session-duration, else the top level.
  const durationOf = (p: ProfileSummary) => p.sessionDurationSeconds ?? sessionFlag ?? effectiveDuration(getConfig().value, p.name);
  const lower = async (culprit: ProfileSummary): Promise<boolean> => {
    if (culprit.sessionDurationSeconds === undefined && sessionFlag !== undefined && sessionFlag > SAFE_DURATION) {
      // It asked for what --session-duration said, not for anything in config.json: drop the flag.
      progress(ctx, `role '${culprit.role}' in account ${culprit.accountId} allows less than the ${sessionFlag} s of --session-duration; running duo-sso again without it`);
      await rememberRefusal(ctx, culprit, sessionFlag);
      sessionFlag = undefined;
      unresolved = undefined;
      only = oneByOne || pending.size === 1 ? [...pending][0] : undefined;
      return true;
    }
    const repair = await lowerDuration(ctx, getConfig(), culprit, durationOf(culprit));
    if (!repair) return false;
    report.repairs.push(repair);
    setConfig(await loadConfig(ctx));
    if (sessionFlag && sessionFlag > SAFE_DURATION) sessionFlag = undefined;
    unresolved = undefined;
    only = oneByOne || pending.size === 1 ? [...pending][0] : undefined;
    return true;
  };
  while (runsLeft(shared)) {
    const args = [...(only ? ['-profile', only] : []), ...(sessionFlag ? ['-session-duration', String(sessionFlag)] : []), ...(shared.interactive ? ['-interactive'] : [])];
    // Without profiles duo-sso asks which account and role to use: hand it the terminal as is,
    // in case its picker needs a real terminal on stdout. Not with "debug": true, which makes it
    // print the SAML assertion and the keys: then its output goes through our redaction (prompts
    // still show: the runner hands us a line that goes quiet before its newline).
    const picker = getConfig().profiles.length === 0 && ctx.io.stdoutIsTTY && !ctx.options.json;
    const debug = isDebug(getConfig().value);
    if (picker && debug && shared.runs === 0) progress(ctx, `${ctx.paths.duoConfig} has "debug": true, so duo-sso prints your SAML assertion and AWS keys: its output is shown redacted (if its account/role picker misbehaves, set "debug": false)`);
    const passthrough = picker && !debug;
    const profiles = getConfig().profiles;
    const single = only ?? (profiles.length === 1 ? profiles[0]!.name : undefined);
    const expected = single && !profiles.some((p) => p.name === 'default') ? single : undefined;
    const started = ctx.now();
    const outcome = await runDuoSso(ctx, duoSso, args, { passthrough, ...(expected ? { expected } : {}) });
    shared.runs++;
    report.runs.push(outcome.record);
    if (outcome.dryRun) return { saved: [], denied: [] };
    const settledBefore = saved.length + denied.length;

    if (outcome.misplaced.length > 0) {
      const moved = await moveCredentials(ctx, outcome);
      report.repairs.push(moved);
    }
    const config = getConfig();
    for (const p of outcome.summary.saved) {
      if (!pending.has(p) && !names.includes(p) && config.profiles.length > 0) continue;
      pending.delete(p);
      if (!saved.includes(p)) saved.push(p);
      // What duo-sso asked STS for (a profile's own value, else -session-duration, else the top level).
      const summary = config.profiles.find((c) => c.name === p);
      await rememberSuccess(ctx, p, summary ? durationOf(summary) : sessionFlag ?? effectiveDuration(config.value, p), started);
    }
    const failure = classify(outcome.summary, outcome.record);
    outcome.record.failure = failure;
    if (failure?.kind === 'access-denied' && config.profiles.length > 0) {
      const culprit = blameDenied(failure, config.profiles.filter((p) => pending.has(p.name)), only);
      if (culprit) {
        denied.push({ profile: culprit.name, account: culprit.accountId, role: culprit.role, message: failure.message, source: failure.profile || failure.account ? 'duo-sso' : 'sts', granted: outcome.summary.listed });
        pending.delete(culprit.name);
      }
      // One run per profile from here: each settles one (saved or refused), so it does not use up the repairs' runs.
      if (oneByOne && saved.length + denied.length > settledBefore) shared.settled++;
      if (pending.size === 0) return { saved, denied };
      if (!culprit && oneByOne) return { saved, denied, problem: explain(failure, outcome, config) };
      oneByOne = true;
      only = [...pending][0];
      progress(ctx, culprit
        ? `${culprit.name} is not granted to you; logging in ${[...pending].join(', ')} without it, one at a time`
        : `STS refused role '${failure.role}', which ${[...pending].join(' or ')} may use; trying them one at a time`);
      continue;
    }
    if (oneByOne && !failure && denied.length > 0 && saved.length + denied.length > settledBefore) shared.settled++;
    if (!failure) {
      if (pending.size === 0 || config.profiles.length === 0) return { saved, denied };
      if (unresolved) {
        // The suspect we tried alone worked: the refusal came from one of the others.
        const left = unresolved.suspects.filter((n) => pending.has(n));
        const profiles = config.profiles.filter((p) => left.includes(p.name));
        if (profiles.length === 1) {
          if (!(await lower(profiles[0]!))) return { saved, denied, problem: keptDuration(unresolved.role, profiles[0]!, durationOf(profiles[0]!)) };
          continue;
        }
        if (profiles.length > 1) {
          unresolved = { role: unresolved.role, suspects: profiles.map((p) => p.name) };
          only = profiles[0]!.name;
          continue;
        }
        unresolved = undefined;
      }
      if (!only) return { saved, denied, problem: { id: 'not-saved', message: `duo-sso finished without saving ${[...pending].join(', ')}`, commands: [] } };
      only = oneByOne || pending.size === 1 ? [...pending][0] : undefined;
      continue;
    }
    if (failure.kind === 'access-denied' || failure.kind === 'other') return { saved, denied, problem: explain(failure, outcome, getConfig()) };
    // No run left: a repair that needs no run to learn from is still made (so the next login
    // needs one run), a plain retry is not.
    const giveUp = !runsLeft(shared) ? { saved, denied, problem: gaveUp(failure, outcome, [...pending, ...later]) } : undefined;

    const inRun = config.profiles.filter((p) => (only ? p.name === only : pending.has(p.name) || outcome.summary.saved.includes(p.name)));
    switch (failure.kind) {
      case 'max-session-duration': {
        const memory = await readState(ctx.paths);
        const blamed = suspects(inRun, outcome.summary.saved, failure.role, durationOf, (p) => memory.durations[p.name]?.worked);
        if (blamed.length === 0) {
          if (sessionFlag && sessionFlag > SAFE_DURATION) {
            if (giveUp) return giveUp;
            progress(ctx, `STS refused role '${failure.role}' at -session-duration ${sessionFlag}; retrying without it`);
            sessionFlag = undefined;
            continue;
          }
          return { saved, denied, problem: explain(failure, outcome, config) };
        }
        if (blamed.length > 1) {
          if (giveUp) return giveUp;
          // The error names only the role: ask duo-sso for one suspect alone to learn which it is.
          unresolved = { role: failure.role, suspects: blamed.map((b) => b.name) };
          only = blamed[0]!.name;
          progress(ctx, `STS refused role '${failure.role}', which ${blamed.map((b) => b.name).join(' and ')} use; trying ${only} alone to find which one`);
          continue;
        }
        if (!(await lower(blamed[0]!))) return { saved, denied, problem: keptDuration(failure.role, blamed[0]!, durationOf(blamed[0]!)) };
        if (giveUp) return giveUp;
        continue;
      }
      case 'role-chaining':
      case 'expired-assertion':
        if (transientRetried) return { saved, denied, problem: explain(failure, outcome, config) };
        if (giveUp) return giveUp;
        transientRetried = true;
        progress(ctx, failure.kind === 'expired-assertion'
          ? 'the SAML assertion expired before STS redeemed it (slow Duo approval or clock skew); trying once more'
          : `STS refused role '${failure.role}' for role chaining; trying once more`);
        continue;
      case 'first-run-certificate':
        if (shared.interactive || !(ctx.io.stdinIsTTY && ctx.io.stderrIsTTY)) return { saved, denied, problem: explain(failure, outcome, config) };
        if (giveUp) return giveUp;
        shared.interactive = true;
        progress(ctx, "the SSO page wants a client certificate chosen (first login on this machine); running duo-sso again with -interactive: pick your certificate in the browser");
        continue;
      default:
        return { saved, denied, problem: explain(failure, outcome, config) };
    }
  }
  return { saved, denied, problem: budgetSpent([...pending, ...later]) };
}

/** How many runs of duo-sso this login made, and how many of them each settled one profile after a refusal. */
interface RunBudget {
  interactive: boolean;
  runs: number;
  settled: number;
}

const runsLeft = (b: RunBudget): boolean => b.runs - b.settled < MAX_RUNS;

/** duo-sso's "debug" switch (config.json): on, it prints secrets. (A non-boolean makes duo-sso refuse the file.) */
function isDebug(config: unknown): boolean {
  return typeof config === 'object' && config !== null && (config as { debug?: unknown }).debug === true;
}
