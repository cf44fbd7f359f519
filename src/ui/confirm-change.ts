// One confirmation rule for every command that changes files or the machine (the table in
// docs/confirmation.md): --dry-run shows the plan and changes nothing; --yes goes ahead; at a
// terminal the plan is shown and the command asks (default as documented); with no terminal
// and no --yes the plan is printed, nothing changes, and the exit is 1.
// The plan is the command's own --dry-run: what it shows is what a yes would do.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';

type Gate = Pick<Context, 'options' | 'canPrompt' | 'io'>;

/** The refusal when there is no terminal to ask on and no --yes. */
export function noTerminalRefusal(): UserError {
  return new UserError('nothing was changed: this would change the machine and there is no terminal to confirm it', {
    hint: 'Rerun with --yes to go ahead, or with --dry-run to see what would change.',
  });
}

/** The same context with its changes only shown: the command's own --dry-run, its report on stderr. */
export function previewContext<C extends Gate>(ctx: C): C {
  return { ...ctx, options: { ...ctx.options, dryRun: true }, io: { ...ctx.io, out: ctx.io.err } };
}

export interface Question {
  text: string;
  /** The default answer (Enter), as the command's help documents it. */
  initial: boolean;
}

/**
 * Runs `work` under the rule. `question`: the command's own confirmation at a terminal; leave it
 * out when the command asks for itself there (a wizard, a list to pick from, its own "Apply?").
 */
export async function underConfirmation<C extends Gate>(ctx: C, work: (c: C) => Promise<number>, question?: Question): Promise<number> {
  if (ctx.options.dryRun || ctx.options.yes) return work(ctx);
  if (!ctx.canPrompt) {
    ctx.io.err('Plan (not carried out):\n');
    await work(previewContext(ctx));
    throw noTerminalRefusal();
  }
  if (question) {
    await work(previewContext(ctx));
    const { confirm } = await import('./prompt.js');
    if (!(await confirm(question.text, question.initial))) throw new UserError('cancelled: nothing was changed', { exitCode: ExitCode.failure });
  }
  return work(ctx);
}
