// Upgrading a Homebrew-managed duo-sso (src/brew/duo-sso.ts decides that): find out what is
// offered, then walk the ladder (ladder.ts) and report what ran.
import { appliedPolicy, readPolicy } from '../policy/read.js';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { rememberBrewManaged, type BrewDuoSso } from '../brew/duo-sso.js';
import { formulaVersions } from '../brew/formula-versions.js';
import { FORMULA, TAP } from '../brew/names.js';
import { tapRemoteUrl } from '../brew/tap-remote.js';
import { findFirst } from '../platform/facts.js';
import { compareVersions } from '../parsers/tool-version.js';
import { readState, updateState } from '../state/state.js';
import { shellQuote } from '../ui/style.js';
import type { LatestLookup } from './latest-cache.js';
import { changedFiles, fingerprint } from './file-guard.js';
import { RUNGS } from './ladder.js';
import { remedyFor } from './remedies.js';
import type { ComponentReport, PlanStep } from './report.js';
import type { Reporter } from './reporter.js';
import { displayArgv, runLadder } from './run-ladder.js';
import { chooseTapUrl, type TapUrl } from './tap-url.js';

type Deps = Pick<Context, 'runner' | 'env' | 'paths'>;

export async function resolveTapUrl(deps: Deps, brew: string, flag: string | undefined): Promise<TapUrl> {
  const state = await readState(deps.paths);
  // The organisation policy's tap URL counts as if given on the command line.
  const chosen = flag || appliedPolicy(await readPolicy(deps.paths))?.tapUrl;
  const remote = chosen || state.tapUrl ? undefined : await tapRemoteUrl(deps, brew, TAP);
  return chooseTapUrl({ flag: chosen, state: state.tapUrl, remote });
}

/** The whole ladder as the user would run it by hand, for --dry-run and refusals. */
export function brewPlan(tapUrl: string): PlanStep[] {
  return RUNGS.map((r) => ({ phase: r.phase, title: r.title, command: displayArgv(r.id, tapUrl), ...(r.when ? { when: r.when } : {}) }));
}

export interface BrewUpgradeOptions {
  tapUrl?: string | undefined;
  /** check: say what is outdated; plan: also the full ladder (--dry-run); run: do it, once approved. */
  mode: Mode;
}

export type Mode = 'check' | 'plan' | 'run';

export interface UpgradeDeps extends Deps {
  reporter: () => Promise<Reporter>;
  /** Newest-version lookups over the network; direct unless the caller caches them. */
  latest?: LatestLookup;
  /** Asks (or applies --yes); false means show the plan and change nothing. */
  approve: (question: string) => Promise<boolean>;
}

export async function upgradeDuoSsoBrew(
  ctx: UpgradeDeps,
  found: BrewDuoSso,
  opts: BrewUpgradeOptions,
): Promise<ComponentReport> {
  const before = found.running ?? found.listed;
  const resume = found.listed === undefined && found.running === undefined;
  const versions = await formulaVersions(ctx, found.brew, FORMULA);
  const target = versions?.available;
  const tap = await resolveTapUrl(ctx, found.brew, opts.tapUrl);
  const base = { component: 'duo-sso' as const, method: 'homebrew', from: before, to: target };
  const tapNote = `tap URL for a re-tap: ${tap.url} (from ${tap.source})`;
  if (before && target && compareVersions(before, target) >= 0) {
    return { ...base, status: 'current', summary: `duo-sso ${before} is current (Homebrew offers ${target})` };
  }
  const wanted = resume ? 'again: a previous repair uninstalled it, so the repair ladder resumes'
    : target ? `${before ?? '?'} → ${target}` : `${before ?? '?'} → newest (Homebrew could not say which; the tap may be broken)`;
  if (opts.mode === 'check') {
    return target
      ? { ...base, status: 'planned', summary: `duo-sso ${wanted} available through Homebrew` }
      : { ...base, status: 'skipped', summary: `duo-sso ${before ?? '(not installed)'}: Homebrew cannot say which version the tap offers (the tap may be broken)`, next: { advice: 'Upgrading repairs the tap if it is broken:', commands: [['duo-sso-setup', 'upgrade', 'duo-sso']] } };
  }
  const plan = brewPlan(tap.url).filter((p) => !resume || p.phase !== 'upgrade');
  const planned: ComponentReport = { ...base, status: 'planned', summary: `would ${resume ? 'install' : 'upgrade'} duo-sso ${wanted} through Homebrew`, details: [tapNote], plan };
  if (opts.mode === 'plan' || !(await ctx.approve(`Upgrade duo-sso ${wanted} through Homebrew (repairing the tap if the upgrade fails)?`))) return planned;

  await rememberBrewManaged(ctx.paths);
  const guarded = [ctx.paths.duoConfig, ctx.paths.awsCredentials, ctx.paths.awsConfig];
  const snapshot = await fingerprint(guarded);
  const prefixBinary = found.prefix ? join(found.prefix, 'bin', FORMULA) : undefined;
  const result = await runLadder({ runner: ctx.runner, reporter: await ctx.reporter() }, {
    brew: found.brew,
    duoSsoPath: async () => prefixBinary ?? findFirst(FORMULA, ctx.env),
    tapUrl: tap.url,
    before,
    target,
    resume,
  });
  const touched = changedFiles(snapshot, await fingerprint(guarded));
  const details = [tapNote];
  if (touched.length) details.push(`changed during the upgrade (not by duo-sso-setup): ${touched.join(', ')}`);
  else details.push('config.json, ~/.aws/config and ~/.aws/credentials untouched');
  const first = findFirst(FORMULA, ctx.env);
  if (first && prefixBinary && first !== prefixBinary) details.push(`note: the duo-sso first on PATH is ${first}, not Homebrew's ${prefixBinary}`);

  if (result.ok) {
    const retapped = result.steps.some((s) => s.rung === 'tap' && s.outcome === 'ok');
    if (retapped && tap.source !== 'state') await updateState(ctx.paths, (s) => ({ ...s, tapUrl: tap.url }));
    const repaired = result.steps.some((s) => s.rung === 'uninstall');
    return {
      ...base,
      to: result.version,
      status: 'upgraded',
      summary: `${before ? `duo-sso upgraded ${before} → ${result.version}` : `duo-sso ${result.version} installed again`}${repaired ? ' (after the repair ladder: uninstall, untap, cleanup, tap, install)' : ''}`,
      details,
      steps: result.steps,
    };
  }
  const failed = result.failed!;
  const uninstalled = result.steps.some((s) => s.rung === 'uninstall' && s.outcome === 'ok')
    && !result.steps.some((s) => s.rung === 'install' && s.outcome === 'ok');
  if (uninstalled) details.unshift(`duo-sso is NOT installed right now: the repair uninstalled it and stopped before reinstalling.`);
  return {
    ...base,
    status: 'failed',
    summary: `duo-sso upgrade failed at \`${failed.command}\`${failed.note ? `: ${failed.note}` : ''}`,
    details,
    steps: result.steps,
    failedStep: failed,
    next: remedyFor(failed, tap.url),
    plan: brewPlan(tap.url).filter((p) => p.phase === 'repair' && stillToDo(result.steps, p)),
  };
}

/** Repair steps that have not succeeded yet: what is left to do by hand. */
function stillToDo(steps: readonly { command: string; outcome: string }[], step: PlanStep): boolean {
  return !steps.some((s) => s.outcome === 'ok' && s.command === shellQuote(step.command));
}
