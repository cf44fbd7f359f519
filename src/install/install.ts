// `install`: plan, show, confirm, execute, report. Returns an exit code.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { paint, symbols } from '../ui/style.js';
import { approvePlans, showPlan, type ApprovedPlan } from './approve.js';
import { executePlan, type ExecContext, type PlanOutcome } from './execute.js';
import { gatherPlanInput, installOptions, isRoot, type InstallFlags } from './gather.js';
import { chooseRecipe, planFor } from './planner.js';
import { renderPlanHuman, planToJson } from './render-plan.js';
import { withV1Removal } from './remove-v1.js';
import { requireUsableHome } from './home-gate.js';
import { COMPONENTS, type Component, type Plan, type PlanInput } from './types.js';
import { wrapText } from '../ui/wrap.js';

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
    async askPassphrase(what) {
      const { newPassphrase } = await import('../ui/prompt.js');
      return newPassphrase(what, undefined, (line) => ctx.io.err(`${line}\n`));
    },
  };
}

export async function runInstall(ctx: Context, targetName: string | undefined, flags: InstallFlags): Promise<number> {
  const target = parseTarget(targetName);
  if (flags.from !== undefined && target !== 'duo-sso') {
    throw new UserError('--from is for duo-sso only', { hint: 'duo-sso-setup install duo-sso --from ./duo-sso_linux_amd64', exitCode: ExitCode.usage });
  }
  const components: Component[] = target === 'all' ? [...COMPONENTS] : [target];
  if (!ctx.options.dryRun) await requireUsableHome(ctx);
  const options = installOptions(flags, ctx.env);
  const input = await gatherPlanInput(ctx, components, options);
  const plans = withV1Removal(plansFor(components, input, target === 'all'), input);

  if (ctx.options.dryRun) {
    if (ctx.options.json) ctx.io.out(`${JSON.stringify({ dryRun: true, platform: platformJson(input), plans: plans.map(planToJson) }, null, 2)}\n`);
    else ctx.io.out(wrapText(renderPlanHuman(plans, ctx.style, { dryRun: true }), ctx.io.outWidth));
    return ExitCode.ok;
  }

  showPlan(ctx, renderPlanHuman(plans, ctx.style, { dryRun: false }));
  const results = await executePlans(ctx, await approvePlans(ctx, plans), input);
  if (ctx.options.json) ctx.io.out(`${JSON.stringify({ dryRun: false, results }, null, 2)}\n`);
  else ctx.io.out(wrapText(renderResults(ctx, results), ctx.io.outWidth));
  return ExitCode.ok;
}

export type InstallResult = PlanOutcome & { notes: string[] };

export async function executePlans(ctx: Context, plans: readonly ApprovedPlan[], input: Pick<PlanInput, 'facts'>): Promise<InstallResult[]> {
  const exec = execContext(ctx, input.facts);
  const sym = symbols(ctx.style);
  const results: InstallResult[] = [];
  for (const plan of plans) {
    // Shown in the plan, not agreed to: said again in the result, never run.
    const left = plan.left.map((s) => `Not done: ${s.title} (${s.kind === 'remove-software' ? `pass ${s.consent.flag} to do it` : 'declined'})`);
    if (plan.steps.length === 0) {
      results.push({ component: plan.component, method: plan.method, steps: [], notes: [...(plan.left.length ? [] : [plan.summary]), ...left] });
      continue;
    }
    const outcome = await executePlan(exec, plan, {
      onStepStart: (step) => ctx.io.err(wrapText(`${paint(ctx.style, 'cyan', sym.arrow)} ${plan.component}: ${step.title}\n`, ctx.io.errWidth)),
      onStepEnd: (_step, o) => {
        if (o.status !== 'done' || o.detail) ctx.io.err(wrapText(`  ${o.status === 'warning' ? paint(ctx.style, 'yellow', sym.warn) : paint(ctx.style, 'green', sym.ok)} ${o.detail ?? o.status}\n`, ctx.io.errWidth));
      },
    });
    results.push({ ...outcome, notes: left });
  }
  return results;
}

function renderResults(ctx: Context, results: readonly InstallResult[]): string {
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

