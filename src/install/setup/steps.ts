// Runs setup's steps in order. A step that fails or is declined does not end the run: only
// the steps that need it are skipped (`blockedBy`), and each unfinished step names the
// command that finishes it. On a terminal, listr2 shows the progress; its "simple" renderer
// prints a line per state change instead of redrawing, because several steps hand the
// terminal over (confirmations, sudo, duo-sso's Duo prompt). Off a terminal (or with --json)
// plain lines go to stderr and listr2 is never loaded.
import type { Context } from '../../context.js';
import { UserError } from '../../errors.js';
import { interruptSignal, isInterruption } from '../../platform/interrupt.js';
import { paint, symbols } from '../../ui/style.js';
import { oneLine } from '../../ui/text.js';
import { wrapText } from '../../ui/wrap.js';
import { stepMark, type SetupStepReport } from './render.js';

export interface StepResult {
  status: 'done' | 'skipped' | 'warning' | 'failed';
  detail: string;
  hint?: string;
  /** Commands that finish what this step left undone. */
  remaining?: string[][];
}

export interface SetupStep {
  id: string;
  title: string;
  /** Why this step cannot run now (a step it needs failed or was declined), or undefined. */
  blockedBy?(): string | undefined;
  /** The command that does this step by hand (shown when it did not run). */
  command?: string[];
  /** Its work began before the steps ran (setup's detection): a Ctrl-C then interrupted it. */
  began?: boolean;
  run(): Promise<StepResult>;
}

/**
 * Runs one step under the run's cancellation: nothing starts after a Ctrl-C, and a step the
 * Ctrl-C reached is "interrupted", whatever it made of it (an error, a failed child, or a
 * result it can no longer vouch for: a dry run's "would log in").
 */
export async function runOne(step: SetupStep): Promise<SetupStepReport> {
  const base = { id: step.id, title: step.title };
  if (interruptSignal().aborted) return step.began ? { ...base, status: 'interrupted', detail: 'interrupted' } : { ...base, status: 'not-started', detail: 'not started (interrupted)' };
  try {
    const report = await runOnce(step);
    return interruptSignal().aborted ? { ...base, status: 'interrupted', detail: 'interrupted' } : report;
  } catch (error) {
    if (isInterruption(error)) return { ...base, status: 'interrupted', detail: 'interrupted' };
    throw error;
  }
}

async function runOnce(step: SetupStep): Promise<SetupStepReport> {
  const blocked = step.blockedBy?.();
  if (blocked) return { id: step.id, title: step.title, status: 'skipped', detail: `not run: ${blocked}`, ...(step.command ? { remaining: [step.command] } : {}) };
  try {
    const r = await step.run();
    const remaining = r.remaining ?? (r.status === 'failed' && step.command ? [step.command] : undefined);
    return { id: step.id, title: step.title, ...r, ...(remaining ? { remaining } : {}) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      id: step.id, title: step.title, status: 'failed', detail: error.message, ...(error.opts.hint ? { hint: error.opts.hint } : {}), exitCode: error.exitCode,
      ...(step.command ? { remaining: [step.command] } : {}),
    };
  }
}

export async function runSteps(ctx: Context, steps: readonly SetupStep[]): Promise<SetupStepReport[]> {
  const reports: SetupStepReport[] = [];
  if (ctx.io.stderrIsTTY && !ctx.options.json) {
    const { Listr, ListrLogger, ProcessOutput, LISTR_LOGGER_STDERR_LEVELS } = await import('listr2');
    // listr's own logger (the simple renderer's default) writing through ui/wrap.ts, so a
    // step's line wraps at the terminal's width like the rest of our output.
    const wrapped = (stream: NodeJS.WriteStream, width: number | undefined) => ({ write: (text: string) => stream.write(wrapText(text, width)) }) as unknown as NodeJS.WriteStream;
    const logger = new ListrLogger({ useIcons: true, toStderr: LISTR_LOGGER_STDERR_LEVELS, processOutput: new ProcessOutput(wrapped(process.stdout, ctx.io.outWidth), wrapped(process.stderr, ctx.io.errWidth)) });
    const list = new Listr(steps.map((step) => ({
      title: step.title,
      task: async (_: unknown, task: { title: string; skip(message?: string): void }) => {
        const r = await runOne(step);
        reports.push(r);
        if (r.status === 'failed') throw new Error(oneLine(r.detail));
        if (r.status === 'skipped' || r.status === 'interrupted' || r.status === 'not-started') task.skip(oneLine(r.detail));
        else task.title = `${step.title}: ${oneLine(r.detail)}`;
      },
      // Ctrl-C is platform/interrupt.ts's: listr's own handler would exit 127 on the spot.
    })), { renderer: 'simple', exitOnError: false, registerSignalListeners: false, rendererOptions: { logger } } as never);
    await list.run().catch(() => undefined);
    return reports;
  }
  const sym = symbols(ctx.style);
  for (const step of steps) {
    // Not started: no heading for it as it were beginning.
    if (!interruptSignal().aborted) ctx.io.err(`${paint(ctx.style, 'cyan', sym.arrow)} ${step.title}\n`);
    const r = await runOne(step);
    reports.push(r);
    ctx.io.err(wrapText(`  ${stepMark(ctx.style, r.status)} ${r.detail}\n`, ctx.io.errWidth));
  }
  return reports;
}
