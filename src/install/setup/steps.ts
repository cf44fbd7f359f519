// Runs setup's steps in order, stopping at the first failure. On a terminal, listr2 shows
// the progress; its "simple" renderer prints a line per state change instead of redrawing,
// because several steps hand the terminal over (confirmations, sudo, duo-sso's Duo prompt).
// Off a terminal (or with --json) plain lines go to stderr and listr2 is never loaded.
import type { Context } from '../../context.js';
import { UserError, errorMessage } from '../../errors.js';
import { paint, symbols } from '../../ui/style.js';
import type { SetupStepReport } from './render.js';

export interface StepResult {
  status: 'done' | 'skipped' | 'warning';
  detail: string;
}

export interface SetupStep {
  id: string;
  title: string;
  run(): Promise<StepResult>;
}

async function runOne(step: SetupStep): Promise<SetupStepReport> {
  try {
    const r = await step.run();
    return { id: step.id, title: step.title, ...r };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { id: step.id, title: step.title, status: 'failed', detail: error.message, ...(error.opts.hint ? { hint: error.opts.hint } : {}), exitCode: error.exitCode };
  }
}

export async function runSteps(ctx: Context, steps: readonly SetupStep[]): Promise<SetupStepReport[]> {
  const reports: SetupStepReport[] = [];
  if (ctx.io.stderrIsTTY && !ctx.options.json) {
    const { Listr } = await import('listr2');
    const list = new Listr(steps.map((step) => ({
      title: step.title,
      task: async (_: unknown, task: { title: string; skip(message?: string): void }) => {
        const r = await runOne(step);
        reports.push(r);
        if (r.status === 'failed') throw new Error(`${r.detail}${r.hint ? `\n${r.hint}` : ''}`);
        if (r.status === 'skipped') task.skip(r.detail);
        else task.title = `${step.title}: ${r.detail}`;
      },
      // Ctrl-C is platform/interrupt.ts's: listr's own handler would exit 127 on the spot.
    })), { renderer: 'simple', exitOnError: true, registerSignalListeners: false, rendererOptions: {} } as never);
    try {
      await list.run();
    } catch (error) {
      if (!reports.some((r) => r.status === 'failed')) throw new Error(errorMessage(error));
    }
    return reports;
  }
  const sym = symbols(ctx.style);
  for (const step of steps) {
    ctx.io.err(`${paint(ctx.style, 'cyan', sym.arrow)} ${step.title}\n`);
    const r = await runOne(step);
    reports.push(r);
    const mark = r.status === 'failed' ? paint(ctx.style, 'red', sym.fail) : r.status === 'warning' ? paint(ctx.style, 'yellow', sym.warn) : r.status === 'skipped' ? paint(ctx.style, 'dim', sym.skip) : paint(ctx.style, 'green', sym.ok);
    ctx.io.err(`  ${mark} ${r.detail}\n`);
    if (r.status === 'failed') break;
  }
  return reports;
}
