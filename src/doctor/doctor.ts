// `doctor`: run the checks, optionally repair, report. Returns an exit code.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { TOOL_NAME, resolveSelf } from '../platform/self.js';
import { describeFailure, succeeded } from '../platform/process.js';
import { shellQuote } from '../ui/style.js';
import { checks as allChecks } from './checks/index.js';
import { renderHuman, toJson } from './render.js';
import { checkContextFor, createProbeCache, runCheck, runChecks, type Outcome } from './run-checks.js';
import type { Check, CheckContext } from './types.js';

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
    else ctx.io.out(checks.map((c) => `${c.id.padEnd(16)} ${c.title}`).join('\n') + '\n');
    return ExitCode.ok;
  }
  const selected = selectChecks(checks, opts.only);
  const checkCtx = checkContextFor(ctx, await ctx.platform());
  const aimed = (list: Outcome[]) => withConfigFlag(list, ctx.options.config === undefined ? undefined : ctx.paths.duoConfig);
  let outcomes = aimed(await runChecks(selected, checkCtx, opts.timeoutMs));
  if (opts.fix) outcomes = aimed(await applyFixes(ctx, checkCtx, outcomes, opts.timeoutMs));
  if (opts.report !== undefined) {
    const { writeSupportBundle } = await import('./report.js');
    return writeSupportBundle(ctx, outcomes, checkCtx.platform, opts.report);
  }
  if (opts.format === 'jamf') ctx.io.out((await import('./jamf.js')).renderJamf(outcomes));
  else if (ctx.options.json) ctx.io.out(`${JSON.stringify(toJson(outcomes, checkCtx.platform), null, 2)}\n`);
  else ctx.io.out(renderHuman(outcomes, ctx.style, { verbose: ctx.options.verbose }));
  return outcomes.some((o) => o.result.status === 'fail') ? ExitCode.failure : ExitCode.ok;
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

async function applyFixes(ctx: Context, checkCtx: CheckContext, outcomes: Outcome[], timeoutMs?: number): Promise<Outcome[]> {
  const next: Outcome[] = [];
  // Several checks can share one remedy (gpg and pass both say `install pass-gpg`): it runs once.
  const done = new Map<string, Awaited<ReturnType<typeof apply>>>();
  // Fixes run one after another: they may touch the same files (shell profile, config).
  for (const outcome of outcomes) {
    const { check, result } = outcome;
    const fix = result.fix;
    if (result.status === 'ok' || result.status === 'skip' || !fix?.automatic) {
      next.push(outcome);
      continue;
    }
    const key = check.fix && (check.fixes?.(result) ?? true) ? `check:${check.id}` : JSON.stringify(fix.commands);
    if (!done.has(key) && !(await mayApply(ctx, check.id, fix))) {
      next.push(outcome);
      continue;
    }
    const applied = done.get(key) ?? (await apply(ctx, checkCtx, check, result));
    done.set(key, applied);
    if (!applied.ok) {
      next.push({ ...outcome, fixed: false, result: { ...result, details: [...result.details, `fix failed: ${applied.message}`] } });
      continue;
    }
    if (ctx.options.dryRun) {
      next.push({ ...outcome, fixed: false, result: { ...result, details: [...result.details, 'dry run: the fix was not applied'] } });
      continue;
    }
    // A fresh probe cache: the fix changed what the probes would see.
    const rerun = await runCheck(check, { ...checkCtx, probe: createProbeCache() }, timeoutMs);
    // "(fixed)" only when the check now passes: a check that still shows ! or ✗ was not fixed.
    next.push({ ...rerun, fixed: rerun.result.status === 'ok' });
  }
  return next;
}

async function mayApply(ctx: Context, id: string, fix: NonNullable<Outcome['result']['fix']>): Promise<boolean> {
  const shown = fix.commands.map((c) => `  $ ${shellQuote(c)}`).join('\n');
  if (ctx.options.yes || ctx.options.dryRun) {
    ctx.io.err(`${ctx.options.dryRun ? 'would fix' : 'fixing'} ${id}: ${fix.description}${shown ? `\n${shown}` : ''}\n`);
    return true;
  }
  if (!fix.needsConfirmation && !ctx.canPrompt) {
    ctx.io.err(`fixing ${id}: ${fix.description}\n`);
    return true;
  }
  if (!ctx.canPrompt) {
    ctx.io.err(`not fixing ${id} without confirmation (rerun with --yes): ${fix.description}\n`);
    return false;
  }
  const { confirm } = await import('../ui/prompt.js');
  return confirm(`Fix ${id}: ${fix.description}?${shown ? `\n${shown}\n` : ''}`, true);
}

async function apply(ctx: Context, checkCtx: CheckContext, check: Check, result: Outcome['result']): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    if (check.fix && (check.fixes?.(result) ?? true)) {
      await check.fix(checkCtx, result);
      return { ok: true };
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
      if (!succeeded(r)) return { ok: false, message: describeFailure({ ...r, argv: confirmed }) };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
