// `upgrade`: for each component, find how it was installed, then check, plan or upgrade
// it that same way. Returns the exit code: 1 when any component failed.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { confirm } from '../ui/prompt.js';
import { upgradeAwsCli } from './aws-cli.js';
import { detectBrewDuoSso } from '../brew/duo-sso.js';
import { upgradeDuoSsoBrew, type Mode, type UpgradeDeps } from './duo-sso-brew.js';
import { upgradeDuoSsoBinary } from './duo-sso-binary.js';
import { renderReport } from './render.js';
import { COMPONENTS, type Component, type ComponentReport } from './report.js';
import { createReporter } from './reporter.js';
import { upgradeSelf } from './self.js';
import { basename } from 'node:path';
import { hungPrograms } from '../platform/process.js';
import { wrapText } from '../ui/wrap.js';

export interface UpgradeOptions {
  target: string | undefined;
  check: boolean;
  tapUrl?: string | undefined;
  from?: string | undefined;
  sha256?: string | undefined;
  allowUnverified?: boolean | undefined;
  releaseKey?: string | undefined;
}

export function parseTarget(target: string | undefined): Component[] {
  if (target === undefined || target === 'all') return [...COMPONENTS];
  if ((COMPONENTS as readonly string[]).includes(target)) return [target as Component];
  throw new UserError(`unknown component: ${target}`, { hint: `Choose one of: ${[...COMPONENTS, 'all'].join(', ')}`, exitCode: ExitCode.usage });
}

/** --yes approves; a terminal asks; anything else declines (and the run says how to approve). */
function approver(ctx: Context, onDecline: () => void): (question: string) => Promise<boolean> {
  return async (question) => {
    const ok = ctx.options.yes || (ctx.canPrompt && (await confirm(question, true)));
    if (!ok) onDecline();
    return ok;
  };
}

export async function runUpgrade(ctx: Context, opts: UpgradeOptions): Promise<number> {
  const components = parseTarget(opts.target);
  if ((opts.from || opts.sha256 || opts.allowUnverified || opts.releaseKey) && !components.includes('duo-sso')) {
    throw new UserError('--from, --sha256, --allow-unverified and --release-key apply to duo-sso only', { exitCode: ExitCode.usage });
  }
  const mode: Mode = opts.check ? 'check' : ctx.options.dryRun ? 'plan' : 'run';
  let reporter: Awaited<ReturnType<typeof createReporter>> | undefined;
  let declined = false;
  const deps: UpgradeDeps = {
    runner: ctx.runner,
    env: ctx.env,
    paths: ctx.paths,
    reporter: async () => (reporter ??= await createReporter(ctx)),
    approve: approver(ctx, () => (declined = true)),
  };
  const one = async (component: Component): Promise<ComponentReport> => {
    if (component === 'duo-sso') {
      const brew = await detectBrewDuoSso(deps);
      if (brew && opts.from) {
        // Overwriting a file inside Homebrew's Cellar would leave brew and the binary disagreeing.
        throw new UserError('--from applies to a duo-sso installed as a release binary; this one is managed by Homebrew', {
          hint: 'Run `duo-sso-setup upgrade duo-sso` without --from, or `brew uninstall duo-sso` first to switch to the release binary.',
          exitCode: ExitCode.usage,
        });
      }
      return brew
        ? upgradeDuoSsoBrew(deps, brew, { mode, tapUrl: opts.tapUrl })
        : upgradeDuoSsoBinary({ ...deps, platform: ctx.platform }, { mode, from: opts.from, sha256: opts.sha256, allowUnverified: opts.allowUnverified, releaseKey: opts.releaseKey });
    }
    if (component === 'aws-cli') return upgradeAwsCli({ ...deps, platform: ctx.platform }, { mode });
    return upgradeSelf(deps, { mode });
  };
  const reports: ComponentReport[] = [];
  if (mode === 'check') {
    // Only questions: all at once, and the whole bounded (a hung brew must not hold up the rest).
    reports.push(...(await Promise.all(components.map((c) => withinBudget(one(c), c)))));
    if (!ctx.options.json) for (const report of reports) ctx.io.out(wrapText(renderReport(report, ctx.style, { rerun: rerunCommand(report.component) }), ctx.io.outWidth));
  } else {
    // Changes run one after another: each asks, and two package managers at once contend.
    for (const component of components) {
      const report = await one(component);
      reports.push(report);
      if (!ctx.options.json) ctx.io.out(wrapText(renderReport(report, ctx.style, { rerun: rerunCommand(component) }), ctx.io.outWidth));
    }
  }
  if (ctx.options.json) ctx.io.out(`${JSON.stringify({ mode, components: reports }, null, 2)}\n`);
  if (declined) ctx.io.err(wrapText(`Not upgraded: ${ctx.canPrompt ? 'you declined' : 'no terminal to ask on'}. Run again with --yes to upgrade without questions.\n`, ctx.io.errWidth));
  return reports.some((r) => r.status === 'failed') || declined ? ExitCode.failure : ExitCode.ok;
}

function rerunCommand(component: Component): string {
  return `duo-sso-setup upgrade ${component} --yes`;
}

/** How long `upgrade --check` may take for one component, every tool it asks included. */
export const CHECK_BUDGET_MS = 25_000;

/** The component's check, or a report that it could not be checked in time (naming what hangs). */
function withinBudget(work: Promise<ComponentReport>, component: Component): Promise<ComponentReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ComponentReport>((resolve) => {
    timer = setTimeout(() => {
      const hung = hungPrograms();
      resolve({
        component, method: 'unknown', status: 'failed',
        summary: `could not be checked within ${CHECK_BUDGET_MS / 1000} s: ${hung.length ? `${hung.map((p) => basename(p)).join(', ')} ${hung.length > 1 ? 'hang' : 'hangs'}` : 'a tool it asks does not answer'}`,
        ...(hung.length ? { details: hung.map((p) => `${p} did not answer in time, and was not asked again`) } : {}),
      });
    }, CHECK_BUDGET_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
