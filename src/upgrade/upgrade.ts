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
  const reports: ComponentReport[] = [];
  for (const component of components) {
    let report: ComponentReport;
    if (component === 'duo-sso') {
      const brew = await detectBrewDuoSso(deps);
      if (brew && opts.from) {
        // Overwriting a file inside Homebrew's Cellar would leave brew and the binary disagreeing.
        throw new UserError('--from applies to a duo-sso installed as a release binary; this one is managed by Homebrew', {
          hint: 'Run `duo-sso-setup upgrade duo-sso` without --from, or `brew uninstall duo-sso` first to switch to the release binary.',
          exitCode: ExitCode.usage,
        });
      }
      report = brew
        ? await upgradeDuoSsoBrew(deps, brew, { mode, tapUrl: opts.tapUrl })
        : await upgradeDuoSsoBinary({ ...deps, platform: ctx.platform }, { mode, from: opts.from, sha256: opts.sha256, allowUnverified: opts.allowUnverified, releaseKey: opts.releaseKey });
    } else if (component === 'aws-cli') {
      report = await upgradeAwsCli({ ...deps, platform: ctx.platform }, { mode });
    } else {
      report = await upgradeSelf(deps, { mode });
    }
    reports.push(report);
    if (!ctx.options.json) ctx.io.out(renderReport(report, ctx.style, { rerun: rerunCommand(component) }));
  }
  if (ctx.options.json) ctx.io.out(`${JSON.stringify({ mode, components: reports }, null, 2)}\n`);
  if (declined) ctx.io.err(`Not upgraded: ${ctx.canPrompt ? 'you declined' : 'no terminal to ask on'}. Run again with --yes to upgrade without questions.\n`);
  return reports.some((r) => r.status === 'failed') || declined ? ExitCode.failure : ExitCode.ok;
}

function rerunCommand(component: Component): string {
  return `duo-sso-setup upgrade ${component} --yes`;
}
