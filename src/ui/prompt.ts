// Questions go to stderr through enquirer, loaded only when a question is really asked.
// Callers must check ctx.canPrompt first: non-TTY, --yes and --json runs never reach here.
// The Prompter interface lets tests drive real enquirer prompts through injected streams.
import { ExitCode, UserError } from '../errors.js';
import { detectStyle } from './style.js';

export interface Prompter {
  input(message: string, opts?: { initial?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  select(message: string, choices: readonly string[], initial?: string): Promise<string>;
  /** Returns the chosen names; `initial` names start selected. */
  multiselect(message: string, choices: readonly { name: string; hint?: string }[], initial: readonly string[]): Promise<string[]>;
}

export interface PromptStreams {
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
}

/** Questions go to stderr by default, so stdout stays for results. */
export function enquirerPrompter(streams: PromptStreams = {}): Prompter {
  const io = { stdin: streams.stdin ?? process.stdin, stdout: streams.stdout ?? (process.stderr.isTTY || !process.stdout.isTTY ? process.stderr : process.stdout) };
  async function ask<T>(question: Record<string, unknown>): Promise<T> {
    // enquirer's colours (ansi-colors) ignore NO_COLOR: they only listen to FORCE_COLOR=0,
    // read once when enquirer loads. (--no-color sets NO_COLOR in main.ts.)
    if (!detectStyle(process.env, Boolean(process.stderr.isTTY)).color) process.env.FORCE_COLOR = '0';
    const { default: Enquirer } = await import('enquirer');
    const enquirer = new Enquirer(io as never);
    try {
      const answer = (await enquirer.prompt({ name: 'value', ...io, ...question } as never)) as { value: T };
      return answer.value;
    } catch {
      // enquirer rejects on Ctrl-C / Escape (and a closed input).
      throw new UserError('cancelled; nothing was written', { exitCode: ExitCode.interrupted });
    }
  }
  return {
    input: (message, opts = {}) => ask<string>({ type: 'input', message, initial: opts.initial, ...(opts.validate ? { validate: opts.validate } : {}) }).then((v) => String(v).trim()),
    confirm: (message, initial) => ask<boolean>({ type: 'confirm', message, initial }),
    select: (message, choices, initial) => ask<string>({ type: 'select', message, choices: [...choices], initial: Math.max(0, initial ? choices.indexOf(initial) : 0) }),
    multiselect: (message, choices, initial) => ask<string[]>({
      type: 'multiselect',
      message,
      hint: '(space to toggle, a for all, enter to accept)',
      choices: choices.map((c) => ({ name: c.name, ...(c.hint ? { hint: c.hint } : {}), enabled: initial.includes(c.name) })),
    }),
  };
}

/** One yes/no question; Ctrl-C or a closed input counts as "no". */
export function confirm(message: string, initial = false): Promise<boolean> {
  return enquirerPrompter().confirm(message, initial).catch(() => false);
}
