// `config fix`: applies every automatic repair in place (key order, formatting and
// unknown keys kept), after a backup. A file that does not parse is never rewritten.
import type { Context } from '../../context.js';
import { ExitCode, UserError } from '../../errors.js';
import { applyConfigFix } from '../apply-fix.js';
import type { Finding } from '../findings.js';
import { renderFindings, summaryLine } from '../render.js';
import { lineDiff } from '../line-diff.js';
import { wrapText } from '../../ui/wrap.js';
import { noTerminalRefusal, previewContext } from '../../ui/confirm-change.js';

export async function runFix(ctx: Pick<Context, 'paths' | 'options' | 'io' | 'style' | 'now' | 'canPrompt'>): Promise<number> {
  const { json, dryRun } = ctx.options;
  // Ask before writing: plan first (a dry run), then apply what was shown.
  const plan = await applyConfigFix({ paths: ctx.paths, dryRun: true, now: ctx.now });
  if (plan.kind === 'missing') {
    throw new UserError(`${plan.path} does not exist`, { hint: 'Create it with `duo-sso-setup config init`.' });
  }
  if (plan.kind === 'unreadable') {
    throw new UserError(`${plan.path} cannot be read: ${plan.reason}; left unchanged`, { hint: 'Correct it by hand, or replace it with `duo-sso-setup config init --force` (the old file is backed up).' });
  }
  if (plan.kind === 'unparseable') {
    if (json) ctx.io.out(`${JSON.stringify({ path: plan.path, changed: false, dryRun, backup: null, applied: [], remaining: plan.findings }, null, 2)}\n`);
    else {
      ctx.io.out(renderFindings(plan.findings, ctx.style, ctx.io.outWidth));
      ctx.io.err(wrapText(`${plan.path} does not parse, so it was left unchanged: correct it at that position, or replace it with \`duo-sso-setup config init --force\` (the old file is backed up).\n`, ctx.io.errWidth));
    }
    return ExitCode.failure;
  }
  // The one confirmation rule (ui/confirm-change.ts), for a change there is: a file with
  // nothing to fix changes nothing, so it is no refusal (exit 0, as with --yes).
  if (plan.changed && !dryRun && !ctx.options.yes && !ctx.canPrompt) {
    ctx.io.err('Plan (not carried out):\n');
    await runFix(previewContext(ctx));
    throw noTerminalRefusal();
  }
  let result = plan;
  if (plan.changed && !dryRun) {
    if (ctx.canPrompt && !(await confirmPlan(ctx, plan.applied))) {
      ctx.io.err('left unchanged\n');
      return ExitCode.failure;
    }
    const applied = await applyConfigFix({ paths: ctx.paths, dryRun: false, now: ctx.now });
    // The file changed under us into something we must not touch.
    if (applied.kind !== 'fixed') throw new UserError(`${plan.path} changed while fixing it; nothing was written`, { hint: 'Run `duo-sso-setup config fix` again.' });
    result = applied;
  }
  const failed = result.remaining.some((f) => f.severity === 'fail');
  if (json) {
    ctx.io.out(`${JSON.stringify({ path: result.path, changed: result.changed && !dryRun, dryRun, backup: dryRun ? null : result.backup ?? null, applied: result.applied, remaining: result.remaining }, null, 2)}\n`);
    return failed ? ExitCode.failure : ExitCode.ok;
  }
  const verb = dryRun ? 'would fix' : 'fixed';
  const width = ctx.io.outWidth;
  if (result.applied.length === 0) ctx.io.out(wrapText(`${result.path}: nothing to fix automatically\n`, width));
  else {
    ctx.io.out(wrapText(`${result.path}: ${verb} ${result.applied.length} problem${result.applied.length > 1 ? 's' : ''}\n`, width));
    for (const f of result.applied) ctx.io.out(wrapText(`  ${f.path || '(document)'}: ${f.fix?.description}\n`, width));
    // The diff is the file's own lines, each behind its +/-: never re-wrapped (a wrapped
    // line would read as a line of the file; the terminal's own wrap keeps it one line).
    ctx.io.out(lineDiff(result.before, result.text));
    if (result.backup && !dryRun) ctx.io.out(wrapText(`backup: ${result.backup}\n`, width));
  }
  if (result.remaining.length > 0) ctx.io.out(`${wrapText(`${dryRun ? 'would remain' : 'remaining'} (${summaryLine(result.remaining)}):`, width)}\n${renderFindings(result.remaining, ctx.style, width)}`);
  return failed ? ExitCode.failure : ExitCode.ok;
}

async function confirmPlan(ctx: Pick<Context, 'io'>, applied: readonly Finding[]): Promise<boolean> {
  ctx.io.err(wrapText(applied.map((f) => `  ${f.path || '(document)'}: ${f.fix?.description}\n`).join(''), ctx.io.errWidth));
  const { confirm } = await import('../../ui/prompt.js');
  return confirm(`${applied.length === 1 ? 'Apply this change' : `Apply these ${applied.length} changes`} (the current file is backed up first)?`, true);
}
