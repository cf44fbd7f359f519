// `doctor`: run the checks, optionally repair, report. Returns an exit code.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { TOOL_NAME, resolveSelf } from '../platform/self.js';
import { describeFailure, succeeded } from '../platform/process.js';
import { shellQuote } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { checks as allChecks } from './checks/index.js';
import { renderHuman, toJson } from './render.js';
import { checkContextFor, createProbeCache, runChecks, type Outcome } from './run-checks.js';
import { interruptSignal, interrupted, isInterruption } from '../platform/interrupt.js';
import { noTerminalRefusal } from '../ui/confirm-change.js';
import type { Check, CheckContext } from '../check/types.js';

export interface DoctorOptions {
  fix: boolean;
  only?: string[];
  timeoutMs?: number;
  listChecks?: boolean;
  /** Output: human (default; --json gives JSON), jamf (one <result> line). */
  format?: 'human' | 'jamf';
  /** Write a support bundle there ('' = the default name in this folder) instead of printing the report. */
  report?: string;
}

export function selectChecks(checks: readonly Check[], only: readonly string[] | undefined): Check[] {
  if (!only || only.length === 0) return checks.filter((c) => !c.optIn);
  const known = new Set(checks.map((c) => c.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UserError(`unknown check${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      hint: `Known checks: ${[...known].join(', ')} (see duo-sso-setup doctor --list-checks)`,
      exitCode: ExitCode.usage,
    });
  }
  return checks.filter((c) => only.includes(c.id));
}

export async function runDoctor(ctx: Context, opts: DoctorOptions, checks: readonly Check[] = allChecks): Promise<number> {
  if (opts.listChecks) {
    if (ctx.options.json) ctx.io.out(`${JSON.stringify(checks.map((c) => ({ id: c.id, title: c.title })), null, 2)}\n`);
    // A table (id, title): not re-wrapped, each row stays one line for grep and the eye.
    else ctx.io.out(checks.map((c) => `${c.id.padEnd(16)} ${c.title}`).join('\n') + '\n');
    return ExitCode.ok;
  }
  const selected = selectChecks(checks, opts.only);
  const checkCtx = checkContextFor(ctx, await ctx.platform());
  const aimed = (list: Outcome[]) => withConfigFlag(list, ctx.options.config === undefined ? undefined : ctx.paths.duoConfig);
  let outcomes = aimed(await runChecks(selected, checkCtx, opts.timeoutMs));
  // The one confirmation rule: no terminal and no --yes, so the fixes are only shown.
  const refused = opts.fix && !interrupted() && !ctx.options.yes && !ctx.options.dryRun && !ctx.canPrompt && fixable(outcomes).length > 0;
  if (opts.fix && !refused && !interrupted()) {
    const applied = await applyFixes(ctx, checkCtx, outcomes);
    // A fresh report: every check again, with fresh probes, because a fix changes what other
    // checks see too (a profile `config fix` added, a PATH line).
    const anyApplied = [...applied.values()].some((a) => a.kind === 'applied' || a.kind === 'failed');
    const after = anyApplied && !ctx.options.dryRun && !interrupted()
      ? aimed(await runChecks(selected, { ...checkCtx, probe: createProbeCache() }, opts.timeoutMs))
      : outcomes;
    outcomes = after.map((o) => withFixNote(o, applied.get(o.check.id), outcomes.find((b) => b.check.id === o.check.id)));
  }
  if (opts.report !== undefined) {
    const { writeSupportBundle } = await import('./report.js');
    return writeSupportBundle(ctx, outcomes, checkCtx.platform, opts.report);
  }
  // Jamf's extension-attribute format and JSON are read by programs: never wrapped.
  if (opts.format === 'jamf') ctx.io.out((await import('./jamf.js')).renderJamf(outcomes));
  // Refused, the report is the plan and goes to stderr: stdout's one JSON document is the refusal.
  else if (ctx.options.json) (refused ? ctx.io.err : ctx.io.out)(`${JSON.stringify(toJson(outcomes, checkCtx.platform), null, 2)}\n`);
  else ctx.io.out(wrapText(renderHuman(outcomes, ctx.style, { verbose: ctx.options.verbose, dryRun: ctx.options.dryRun }), ctx.io.outWidth));
  if (refused) {
    ctx.io.err(wrapText(`Plan (not carried out):\n${fixable(outcomes).map((o) => describeFix(o.check.id, o.result.fix!, 'would fix')).join('')}`, ctx.io.errWidth));
    throw noTerminalRefusal();
  }
  return outcomes.some((o) => o.result.status === 'fail') ? ExitCode.failure : ExitCode.ok;
}

/** The findings `--fix` would act on. */
function fixable(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.filter((o) => (o.result.status === 'warn' || o.result.status === 'fail') && o.result.fix?.automatic);
}

function describeFix(id: string, fix: NonNullable<Outcome['result']['fix']>, verb: string): string {
  const shown = fix.commands.map((c) => `  $ ${shellQuote(c)}`).join('\n');
  return `${verb} ${id}: ${fix.description}${shown ? `\n${shown}` : ''}\n`;
}

/** What --fix did about one check. */
type Applied =
  | { kind: 'applied' }
  | { kind: 'failed'; message: string }
  | { kind: 'declined' }
  | { kind: 'dry-run' }
  | { kind: 'interrupted' }
  | { kind: 'not-started' };

/** The check's outcome after --fix, with what the fix did said in its details. */
function withFixNote(o: Outcome, applied: Applied | undefined, before: Outcome | undefined): Outcome {
  const note = (text: string): Outcome => ({ ...o, fixed: false, result: { ...o.result, details: [...o.result.details, text] } });
  switch (applied?.kind) {
    case undefined:
    case 'declined':
      return o;
    // "(fixed)" only when the check now passes: a check that still shows ! or ✗ was not fixed.
    case 'applied':
      return { ...o, fixed: o.result.status === 'ok' && before?.result.status !== 'ok' };
    case 'failed':
      return note(`fix failed: ${applied.message}`);
    case 'dry-run':
      return note('dry run: the fix was not applied');
    case 'interrupted':
      return note('fix interrupted: it may have done part of its work');
    case 'not-started':
      return note('fix not started (interrupted)');
  }
}

async function applyFixes(ctx: Context, checkCtx: CheckContext, outcomes: readonly Outcome[]): Promise<Map<string, Applied>> {
  const byCheck = new Map<string, Applied>();
  // Several checks can share one remedy (gpg and pass both say `install pass-gpg`): it runs once.
  const done = new Map<string, Applied>();
  // Fixes run one after another: they may touch the same files (shell profile, config).
  for (const outcome of fixable(outcomes)) {
    const { check, result } = outcome;
    const fix = result.fix!;
    if (interruptSignal().aborted) {
      byCheck.set(check.id, { kind: 'not-started' });
      continue;
    }
    const key = check.fix && (check.fixes?.(result) ?? true) ? `check:${check.id}` : JSON.stringify(fix.commands);
    const previous = done.get(key);
    if (previous) {
      byCheck.set(check.id, previous);
      continue;
    }
    if (!(await mayApply(ctx, check.id, fix))) {
      byCheck.set(check.id, { kind: 'declined' });
      continue;
    }
    const applied: Applied = ctx.options.dryRun ? { kind: 'dry-run' } : await apply(ctx, checkCtx, check, result);
    done.set(key, applied);
    byCheck.set(check.id, applied);
  }
  return byCheck;
}

async function mayApply(ctx: Context, id: string, fix: NonNullable<Outcome['result']['fix']>): Promise<boolean> {
  if (ctx.options.yes || ctx.options.dryRun) {
    ctx.io.err(wrapText(describeFix(id, fix, ctx.options.dryRun ? 'would fix' : 'fixing'), ctx.io.errWidth));
    return true;
  }
  const shown = fix.commands.map((c) => `  $ ${shellQuote(c)}`).join('\n');
  const { confirm } = await import('../ui/prompt.js');
  return confirm(`Fix ${id}: ${fix.description}?${shown ? `\n${shown}\n` : ''}`, true);
}

async function apply(ctx: Context, checkCtx: CheckContext, check: Check, result: Outcome['result']): Promise<Applied> {
  try {
    if (check.fix && (check.fixes?.(result) ?? true)) {
      await check.fix(checkCtx, result);
      return interrupted() ? { kind: 'interrupted' } : { kind: 'applied' };
    }
    // On a terminal the fix gets it: gpg's pinentry, sudo's password prompt and the fix's own
    // progress need it. Otherwise (--json, output redirected) its output is captured, so
    // stdout keeps only our report.
    const attached = !ctx.options.json && ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY && ctx.io.stderrIsTTY;
    for (const command of result.fix?.commands ?? []) {
      // The user has just said yes (or gave --yes): our own command must not ask again, and
      // without a terminal it would refuse to change anything.
      const confirmed = command[0] === 'duo-sso-setup' && !command.includes('--yes') ? [...command, '--yes'] : command;
      const [file, ...args] = resolveSelf(confirmed);
      const r = await ctx.runner.run(file!, args, { mutates: true, timeoutMs: 600_000, ...(attached ? { interactive: true } : {}) });
      // Named as the user would type it, not as `node /path/to/cli.js ...`.
      if (!succeeded(r)) return { kind: 'failed', message: describeFailure({ ...r, argv: confirmed }) };
    }
    return { kind: 'applied' };
  } catch (error) {
    if (isInterruption(error)) return { kind: 'interrupted' };
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
/**
 * With --config PATH, our own fix commands must act on that file: shown, put in --json and run
 * by --fix with `--config PATH` (without it `config fix` would repair the default file).
 */
export function withConfigFlag(outcomes: readonly Outcome[], configPath: string | undefined): Outcome[] {
  if (configPath === undefined) return [...outcomes];
  return outcomes.map((o) => {
    const fix = o.result.fix;
    if (!fix) return o;
    const commands = fix.commands.map((c) => (c[0] === TOOL_NAME && !c.includes('--config') ? [...c, '--config', configPath] : c));
    return { ...o, result: { ...o.result, fix: { ...fix, commands } } };
  });
}

