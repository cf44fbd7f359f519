// `install --add-to-path`: the doctor's PATH fix, as a one-step plan.
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { executePlan } from './execute.js';
import { approvePlans, showPlan } from './approve.js';
import { requireUsableHome } from './home-gate.js';
import { execContext } from './install.js';
import { planToJson, renderPlanHuman } from './render-plan.js';
import type { Plan } from './types.js';
import { wrapText } from '../ui/wrap.js';

export function pathPlan(dir: string): Plan {
  return { component: 'path', method: 'profile', summary: `put ${dir} on PATH`, steps: [{ kind: 'add-to-path', title: `Put ${dir} on PATH`, dir }], notes: [] };
}

export async function runAddToPath(ctx: Context): Promise<number> {
  const plan = pathPlan(ctx.paths.localBin);
  if (ctx.options.dryRun) {
    ctx.io.out(ctx.options.json ? `${JSON.stringify({ dryRun: true, plans: [planToJson(plan)] }, null, 2)}\n` : wrapText(renderPlanHuman([plan], ctx.style, { dryRun: true }), ctx.io.outWidth));
    return ExitCode.ok;
  }
  await requireUsableHome(ctx);
  // The plan is shown before the question, or before the refusal when there is no terminal.
  showPlan(ctx, renderPlanHuman([plan], ctx.style, { dryRun: false }));
  const [approved] = await approvePlans(ctx, [plan]);
  const outcome = await executePlan(execContext(ctx, await ctx.platform()), approved!);
  const step = outcome.steps[0];
  if (ctx.options.json) ctx.io.out(`${JSON.stringify(outcome, null, 2)}\n`);
  else ctx.io.out(wrapText(`${step?.detail ?? step?.status ?? ''}\n`, ctx.io.outWidth));
  return ExitCode.ok;
}
