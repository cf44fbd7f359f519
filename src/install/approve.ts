// The gate between a plan and the machine. The executor takes only an ApprovedPlan, and only
// this module can make one: from a Plan that has been shown, after the user's yes (or --yes),
// keeping exactly the steps that were agreed to. A step that removes software this tool did
// not install (`consent`) is never part of a default yes: it runs only when its flag was given
// or the user answered yes to its own question, which defaults to No.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { shellQuote } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import type { Plan, Step } from './types.js';

declare const approved: unique symbol;

/** A plan the user agreed to. `steps` are the ones that will run; `left` were shown but not agreed to. */
export type ApprovedPlan = Readonly<Omit<Plan, 'steps'>> & {
  readonly steps: readonly Step[];
  readonly left: readonly Step[];
  readonly [approved]: true;
};

export type ApproveContext = Pick<Context, 'options' | 'canPrompt' | 'hasTerminal'>;

/**
 * Shows the plan where the confirmation will be seen: stderr, and also stdout when stderr goes
 * to a log and the question is asked on the terminal (`setup 2>log`).
 */
export function showPlan(ctx: Pick<Context, 'io' | 'canPrompt'>, text: string): void {
  ctx.io.err(wrapText(text, ctx.io.errWidth));
  if (ctx.canPrompt && !ctx.io.stderrIsTTY && ctx.io.stdoutIsTTY) ctx.io.out(wrapText(text, ctx.io.outWidth));
}

/** A step that needs its own explicit yes (a flag, or an answer at a terminal; default No). */
export function needsConsent(step: Step): step is Extract<Step, { consent: unknown }> {
  return 'consent' in step && step.consent !== undefined;
}

/** Asks a yes/no question at the terminal. Injected so tests can answer. */
export type Ask = (question: string, initial: boolean) => Promise<boolean>;

const askAtTerminal: Ask = async (question, initial) => {
  const { confirm } = await import('../ui/prompt.js');
  return confirm(question, initial);
};

/**
 * Nothing that changes the machine runs without a yes: --yes, or an answer on a terminal.
 * A step that must ask on the terminal and cannot is refused here, before anything has run.
 */
export async function approvePlans(ctx: ApproveContext, plans: readonly Plan[], ask: Ask = askAtTerminal): Promise<ApprovedPlan[]> {
  const steps = plans.flatMap((p) => p.steps);
  if (steps.length > 0) {
    if (!ctx.hasTerminal && steps.some((s) => s.kind === 'gpg-key' && s.passphrase)) throw passphraseRefusal(ctx);
    if (steps.some((s) => s.kind === 'gpg-key' && !s.name)) {
      throw new UserError('nothing was changed: a new gpg key needs your name and email, and git has none configured', {
        hint: 'Pass --gpg-name "Your Name" --gpg-email you@example.com (or run at a terminal to be asked).', exitCode: ExitCode.usage,
      });
    }
    if (!ctx.options.yes) {
      if (!ctx.canPrompt) {
        throw new UserError('nothing was changed: this would change the machine and there is no terminal to confirm it', {
          hint: 'Rerun with --yes to go ahead, or with --dry-run to see what would run.',
        });
      }
      const sudo = steps.some((s) => 'sudo' in s && s.sudo);
      if (!(await ask(`Go ahead${sudo ? ' (steps marked [sudo] ask for your password)' : ''}?`, true))) {
        throw new UserError('cancelled: nothing was changed', { exitCode: ExitCode.failure });
      }
    }
  }
  const out: ApprovedPlan[] = [];
  for (const plan of plans) {
    const keep: Step[] = [];
    const left: Step[] = [];
    for (const step of plan.steps) {
      if (!needsConsent(step)) keep.push(step);
      else if (step.consent.requested) keep.push(step);
      else if (ctx.canPrompt && (await ask(`${step.title}? (${shellQuote(step.argv)}; only if you want it gone)`, false))) keep.push(step);
      else left.push(step);
    }
    out.push({ ...plan, steps: keep, left } as unknown as ApprovedPlan);
  }
  return out;
}

/**
 * A passphrase-protected key is created by gpg asking on the terminal (pinentry), so only
 * where we may prompt. Never with --json: gpg would write to the terminal, and stdout must
 * stay one JSON document.
 */
export function passphraseRefusal(ctx: Pick<Context, 'options'>): UserError {
  return ctx.options.json
    ? new UserError('--json cannot create a passphrase-protected gpg key: gpg asks for the passphrase on the terminal and writes there, and --json keeps stdout for one JSON document', {
      hint: 'Pass --no-passphrase (a key without a passphrase, for unattended machines), or run without --json to choose a passphrase.', exitCode: ExitCode.failure,
    })
    : new UserError('a passphrase-protected gpg key needs a terminal to ask for the passphrase', {
      hint: 'Run this in a terminal, or pass --no-passphrase for an unattended machine.', exitCode: ExitCode.failure,
    });
}

