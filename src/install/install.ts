// `install`: plan, show, confirm, execute, report. Returns an exit code.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { paint, symbols } from '../ui/style.js';
import { executePlan, passphraseRefusal, type ExecContext, type PlanOutcome } from './execute.js';
import { gatherPlanInput, installOptions, isRoot, type InstallFlags } from './gather.js';
import { chooseRecipe, planFor } from './planner.js';
import { renderPlanHuman, planToJson } from './render-plan.js';
import { awsCliShadowing } from './shadowing.js';
import { COMPONENTS, type Component, type Plan, type PlanInput } from './types.js';

export type InstallTarget = Component | 'all';

export function parseTarget(value: string | undefined): InstallTarget {
  const target = value ?? 'all';
  if (target === 'all' || (COMPONENTS as readonly string[]).includes(target)) return target as InstallTarget;
  throw new UserError(`unknown component "${target}"`, { hint: `Choose one of: ${[...COMPONENTS, 'all'].join(', ')}`, exitCode: ExitCode.usage });
}

/** With `all`, --method applies to the components that have that method. */
export function plansFor(components: readonly Component[], input: PlanInput, all: boolean): Plan[] {
  return components.map((c) => {
    if (!all || !input.options.method) return planFor(c, input);
    try {
      return chooseRecipe(c, input).plan(input);
    } catch {
      const { method: _ignored, ...rest } = input.options;
      return planFor(c, { ...input, options: rest });
    }
  });
}

export function execContext(ctx: Context, platform: ExecContext['platform']): ExecContext {
  return {
    runner: ctx.runner, env: ctx.env, paths: ctx.paths, io: ctx.io, options: ctx.options, now: ctx.now, canPrompt: ctx.canPrompt, hasTerminal: ctx.hasTerminal,
    platform,
    isRoot: isRoot(),
    async approve(question) {
      if (ctx.options.yes) return true;
      if (!ctx.canPrompt) return false;
      const { confirm } = await import('../ui/prompt.js');
      return confirm(question, true);
    },
  };
}

/**
 * Nothing that changes the machine runs without a yes: --yes, or an answer on a terminal.
 * A step that must ask on the terminal and cannot is refused here, before anything has run.
 */
export async function confirmPlans(ctx: Context, plans: readonly Plan[]): Promise<void> {
  const steps = plans.flatMap((p) => p.steps);
  if (steps.length === 0) return;
  if (!ctx.hasTerminal && steps.some((s) => s.kind === 'gpg-key' && s.passphrase)) throw passphraseRefusal(ctx);
  if (ctx.options.yes) return;
  if (!ctx.canPrompt) {
    throw new UserError('nothing was changed: this would change the machine and there is no terminal to confirm it', {
      hint: 'Rerun with --yes to go ahead, or with --dry-run to see what would run.',
    });
  }
  const sudo = steps.some((s) => 'sudo' in s && s.sudo);
  const { confirm } = await import('../ui/prompt.js');
  if (!(await confirm(`Go ahead${sudo ? ' (steps marked [sudo] ask for your password)' : ''}?`, true))) {
    throw new UserError('cancelled: nothing was changed');
  }
}

export async function runInstall(ctx: Context, targetName: string | undefined, flags: InstallFlags): Promise<number> {
  const target = parseTarget(targetName);
  if (flags.from !== undefined && target !== 'duo-sso') {
    throw new UserError('--from is for duo-sso only', { hint: 'duo-sso-setup install duo-sso --from ./duo-sso_linux_amd64', exitCode: ExitCode.usage });
  }
  const components: Component[] = target === 'all' ? [...COMPONENTS] : [target];
  const options = installOptions(flags, ctx.env);
  const input = await gatherPlanInput(ctx, components, options);
  const plans = plansFor(components, input, target === 'all');

  if (ctx.options.dryRun) {
    if (ctx.options.json) ctx.io.out(`${JSON.stringify({ dryRun: true, platform: platformJson(input), plans: plans.map(planToJson) }, null, 2)}\n`);
    else ctx.io.out(renderPlanHuman(plans, ctx.style, { dryRun: true }));
    return ExitCode.ok;
  }

  ctx.io.err(renderPlanHuman(plans, ctx.style, { dryRun: false }));
  await confirmPlans(ctx, plans);
  const results = await executePlans(ctx, plans, input);
  if (ctx.options.json) ctx.io.out(`${JSON.stringify({ dryRun: false, results }, null, 2)}\n`);
  else ctx.io.out(renderResults(ctx, results));
  return ExitCode.ok;
}

export async function executePlans(ctx: Context, plans: readonly Plan[], input: PlanInput): Promise<(PlanOutcome & { notes: string[] })[]> {
  const exec = execContext(ctx, input.facts);
  const sym = symbols(ctx.style);
  const results: (PlanOutcome & { notes: string[] })[] = [];
  for (const plan of plans) {
    if (plan.steps.length === 0) {
      results.push({ component: plan.component, method: plan.method, steps: [], notes: [plan.summary] });
      continue;
    }
    const outcome = await executePlan(exec, plan, {
      onStepStart: (step) => ctx.io.err(`${paint(ctx.style, 'cyan', sym.arrow)} ${plan.component}: ${step.title}\n`),
      onStepEnd: (_step, o) => {
        if (o.status !== 'done' || o.detail) ctx.io.err(`  ${o.status === 'warning' ? paint(ctx.style, 'yellow', sym.warn) : paint(ctx.style, 'green', sym.ok)} ${o.detail ?? o.status}\n`);
      },
    });
    const notes: string[] = [];
    if (plan.component === 'aws-cli') notes.push(...(await awsCliShadowing(exec)));
    results.push({ ...outcome, notes });
  }
  return results;
}

function renderResults(ctx: Context, results: readonly (PlanOutcome & { notes: string[] })[]): string {
  const sym = symbols(ctx.style);
  const lines: string[] = [];
  for (const r of results) {
    const warnings = r.steps.filter((s) => s.status === 'warning');
    const mark = warnings.length > 0 || r.notes.length > 0 ? paint(ctx.style, 'yellow', sym.warn) : paint(ctx.style, 'green', sym.ok);
    const last = r.steps.at(-1)?.detail;
    lines.push(`${mark} ${r.component}: ${r.steps.length === 0 ? r.notes[0] ?? 'nothing to do' : `installed (${r.method})${last ? `: ${last}` : ''}`}`);
    for (const w of warnings) lines.push(`    ${w.title}: ${w.detail ?? ''}`);
    for (const n of r.steps.length === 0 ? [] : r.notes) lines.push(`    ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

function platformJson(input: PlanInput): Record<string, unknown> {
  const f = input.facts;
  return { os: f.os, arch: f.arch, distro: f.distro?.id ?? null, packageManager: f.packageManager ?? null, homebrew: f.homebrewPrefix !== undefined, root: input.isRoot };
}

