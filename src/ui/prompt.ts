// Questions go to stderr through enquirer, loaded only when a question is really asked.
// Callers must check ctx.canPrompt first: non-TTY, --yes and --json runs never reach here.
// The Prompter interface lets tests drive real enquirer prompts through injected streams.
// Ctrl-C (or Escape, or Ctrl-D) at a question stops the whole command (platform/interrupt.ts), never
// "no" to this one question: every question throws InterruptedError then, and so does any
// question asked after a Ctrl-C or a SIGTERM.
import { InterruptedError, interrupt, interrupted, onInterrupt, throwIfInterrupted } from '../platform/interrupt.js';
import { type Style, detectStyle } from './style.js';
import { visible } from './visible.js';
import { terminalWidth, wrapText } from './wrap.js';

export interface Prompter {
  input(message: string, opts?: { initial?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  select(message: string, choices: readonly string[], initial?: string): Promise<string>;
  /** Returns the chosen names; `initial` names start selected. */
  multiselect(message: string, choices: readonly { name: string; hint?: string }[], initial: readonly string[]): Promise<string[]>;
  /** A secret typed without echo (a gpg passphrase); it is returned as typed, never shown. */
  secret(message: string): Promise<string>;
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
    throwIfInterrupted();
    // enquirer leaves a long question to the terminal, which breaks it mid-word.
    const screen = io.stdout as { isTTY?: boolean; columns?: number };
    const width = screen.isTTY ? terminalWidth(process.env, screen) : undefined;
    if (width !== undefined && typeof question.message === 'string') question = { ...question, message: wrapQuestion(question.message, width) };
    const { default: Enquirer } = await import('enquirer');
    const enquirer = new Enquirer(io as never);
    let unhook = (): void => undefined;
    // A signal while the question is up (SIGTERM, or SIGINT sent by `kill`) cancels it, which
    // also puts the terminal back out of raw mode.
    const ours = signalListeners();
    const onRun = (prompt: EnquirerPrompt) => {
      // enquirer writes "No items were selected" after a list whose answer reads empty, a
      // cancelled one included; listAnswer says "none" itself when that is the answer.
      prompt.emptyError = undefined;
      const cancel = () => void prompt.cancel().catch(() => undefined);
      const unhookInterrupt = onInterrupt(cancel);
      // Ctrl-D on an empty answer closes the readline interface enquirer reads keys through:
      // nothing is left to wait for, and the process would end with exit 0, the question
      // unanswered and nothing said. The end of the input refuses the question, as Ctrl-C does.
      process.once('beforeExit', cancel);
      unhook = () => {
        unhookInterrupt();
        process.off('beforeExit', cancel);
      };
      prompt.once('start', () => tolerateClosedReadline(prompt));
      // enquirer adds SIGINT/SIGTERM listeners that call process.exit(128 + N) while a question
      // is up: that would skip the interrupt policy (no summary, no clean-up). Ours cancel it.
      for (const [signal, listeners] of Object.entries(signalListeners())) {
        for (const l of listeners) if (!ours[signal as StopSignalName]!.includes(l)) process.off(signal, l);
      }
    };
    try {
      const answer = (await enquirer.prompt({ name: 'value', ...io, ...question, onRun } as never)) as { value: T };
      return answer.value;
    } catch {
      // enquirer rejects on Ctrl-C / Escape (and a closed input, Ctrl-D): the same as a SIGINT.
      interrupt('SIGINT');
      // enquirer redraws the cancelled question once more after rejecting, and leaves the
      // cursor at its start: let that happen, then end the line, so the summary line that
      // follows neither overwrites the question nor is overwritten by it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      io.stdout.write('\n');
      throw new InterruptedError(interrupted());
    } finally {
      unhook();
    }
  }
  // A question quotes profile names and roles: shown inert (ui/visible.ts); the answer is the raw name.
  return {
    input: (message, opts = {}) => ask<string>({ type: 'input', message: visible(message), initial: opts.initial, ...(opts.validate ? { validate: opts.validate } : {}) }).then((v) => String(v).trim()),
    // enquirer shows a confirmation's answer as the boolean itself ("(Y/n) · true").
    confirm: (message, initial) => ask<boolean>({ type: 'confirm', message: visible(message), initial, format: yesNo }),
    select: (message, choices, initial) => ask<string>({ type: 'select', message: visible(message), choices: choices.map((c) => ({ name: c, message: visible(c) })), initial: Math.max(0, initial ? choices.indexOf(initial) : 0) }),
    multiselect: (message, choices, initial) => ask<string[]>({
      type: 'multiselect',
      message: visible(message),
      hint: '(space to toggle, a for all, enter to accept)',
      // enquirer starts a list with every row off and ticks only the names in `initial`: a
      // choice's own `enabled` is ignored (it was, and Enter on the "all ticked" list answered
      // "No items were selected").
      choices: choices.map((c) => ({ name: c.name, message: visible(c.name), ...(c.hint ? { hint: visible(c.hint) } : {}) })),
      initial: choices.filter((c) => initial.includes(c.name)).map((c) => c.name),
      ...listMarks(detectStyle(process.env, Boolean(process.stderr.isTTY))),
      format: listAnswer,
    }),
    secret: (message) => ask<string>({ type: 'password', message }).then((v) => String(v)),
  };
}

// The columns enquirer's answer takes after the question's last line: " (Y/n) ‣ yes".
const ANSWER_ROOM = 14;

/**
 * A question's text broken between words for a terminal `width` columns wide. enquirer writes
 * it after a two-column mark ("? ", "✔ ") and the answer after its last line: the lines go on
 * under the text, past the mark, and leave room for the answer.
 */
export function wrapQuestion(message: string, width: number): string {
  return wrapText(`? ${message}`, Math.max(20, width - ANSWER_ROOM)).slice(2);
}

type StopSignalName = 'SIGINT' | 'SIGTERM';
type Listener = (...args: unknown[]) => void;

function signalListeners(): Record<StopSignalName, Listener[]> {
  return { SIGINT: process.listeners('SIGINT') as Listener[], SIGTERM: process.listeners('SIGTERM') as Listener[] };
}

interface EnquirerPrompt {
  emptyError?: string;
  cancel(): Promise<void>;
  stop?: () => void;
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/**
 * Under Deno, Ctrl-C makes the readline interface enquirer reads keys through close itself
 * (Node's emits 'SIGINT' there), and enquirer's clean-up then pauses it: Deno throws "readline
 * was closed" out of the prompt's close, the prompt never settles and the error escapes as an
 * uncaught rejection with a stack trace. The clean-up is made to tolerate the closed interface.
 */
function tolerateClosedReadline(prompt: EnquirerPrompt): void {
  const stop = prompt.stop;
  if (typeof stop !== 'function') return;
  prompt.removeListener('close', stop);
  prompt.once('close', () => {
    try {
      stop();
    } catch {
      // Already closed: the terminal mode was restored before the throw.
    }
  });
}

/**
 * enquirer marks a ticked row with a green ✔ and an unticked one with a dim ✔, which reads as
 * ticked too (and is the same ✔ without colour); and it shows which row space would toggle only
 * by colour. Distinct marks and a pointer say both in plain text.
 */
function listMarks(style: Style): { indicator: { on: string; off: string }; pointer: string } {
  return style.unicode ? { indicator: { on: '◉', off: '◯' }, pointer: '❯' } : { indicator: { on: '[x]', off: '[ ]' }, pointer: '>' };
}

/**
 * How a list's answer reads once given: the names, or "none" (a fine answer: "none of them is
 * production"); nothing for a question cancelled by Ctrl-C, which was not answered.
 */
function listAnswer(this: { styles: Record<'primary', (s: string) => string>; state: { submitted: boolean; cancelled?: boolean }; selected: { name: string }[] }): string {
  if (!this.state.submitted || this.state.cancelled) return '';
  return this.styles.primary(this.selected.map((c) => c.name).join(', ') || 'none');
}

/** How a yes/no answer reads, during the question and after it. */
function yesNo(this: { styles: Record<'primary' | 'success', (s: string) => string>; state: { submitted: boolean; cancelled?: boolean } }, value: boolean): string {
  // A question cancelled by Ctrl-C was not answered: showing its default there ("· yes") read
  // as if the user had said yes.
  if (this.state.cancelled) return '';
  const text = value ? 'yes' : 'no';
  return this.state.submitted ? this.styles.success(text) : this.styles.primary(text);
}

/** One yes/no question. Ctrl-C stops the command: it throws InterruptedError, never "no". */
export function confirm(message: string, initial = false): Promise<boolean> {
  return enquirerPrompter().confirm(message, initial);
}

/**
 * A new passphrase, typed twice without echo; asked again (up to three times) while the two
 * differ or it is empty. Ctrl-C stops the command as at every question.
 */
export async function newPassphrase(what: string, prompter: Prompter = enquirerPrompter(), say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const first = await prompter.secret(`Passphrase for ${what}`);
    if (first === '') say('An empty passphrase leaves the key unprotected: for that, run again with --no-passphrase.');
    else if (first === (await prompter.secret('The same passphrase again'))) return first;
    else say('The two passphrases differ.');
    if (attempt === 3) throw new Error('no passphrase was chosen (three attempts)');
  }
}
