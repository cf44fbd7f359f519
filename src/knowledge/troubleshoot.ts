// `troubleshoot`: reads an error message or a log and explains every known failure in it.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { osName } from '../platform/facts.js';
import { readInput, type InputSource } from '../io/read-input.js';
import { KNOWLEDGE, diagnose, parseAwsErrors, redactSecrets } from './index.js';
import { diagnoseWith } from './diagnose.js';
import { resembles } from './families.js';
import { ownKnowledge } from './own.js';
import { renderTroubleshoot } from './render.js';
import { wrapText } from '../ui/wrap.js';

/** Logs bigger than this are not a pasted error; ask for the relevant part. */
export const MAX_LOG_BYTES = 8 * 1024 * 1024;

export interface TroubleshootOptions {
  text: string[];
  file?: string;
  list: boolean;
}

export async function runTroubleshoot(ctx: Pick<Context, 'io' | 'options' | 'style'>, opts: TroubleshootOptions, stdin?: AsyncIterable<Buffer | string>): Promise<number> {
  if (opts.list) return list(ctx);
  const text = await gatherText(ctx, opts, stdin);
  const os = { os: osName(process.platform) };
  // Our own lines are answered only when nothing in the knowledge base proper is recognised.
  const found = diagnose(text, os);
  const diagnoses = found.length > 0 ? found : diagnoseWith(ownKnowledge(), text, os);
  const known = new Set(diagnoses.map((d) => d.line));
  const unknownErrors = parseAwsErrors(text).filter((e) => !known.has(e.line));
  // Never a bare "not recognised": unknown text gets the family it resembles and doctor.
  const guess = diagnoses.length === 0 ? resembles(text) : undefined;
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify({
      recognised: diagnoses.length > 0,
      diagnoses,
      ...(guess ? { family: guess } : {}),
      unrecognisedAwsErrors: unknownErrors.map((e) => ({ ...e, message: redactSecrets(e.message), ...(e.role ? { role: redactSecrets(e.role) } : {}) })),
    }, null, 2)}\n`);
  } else {
    ctx.io.out(wrapText(renderTroubleshoot(diagnoses, unknownErrors, ctx.style, guess), ctx.io.outWidth));
  }
  return diagnoses.length > 0 ? ExitCode.ok : ExitCode.failure;
}

function gatherText(ctx: Pick<Context, 'io'>, opts: TroubleshootOptions, stdin: AsyncIterable<Buffer | string> | undefined): Promise<string> {
  const fromStdin = opts.text.length === 1 && opts.text[0] === '-';
  const sources = [opts.text.length > 0 && !fromStdin, fromStdin, opts.file !== undefined].filter(Boolean).length;
  if (sources > 1) throw new UserError('give the error as TEXT, --file LOG or - (standard input), not several', { exitCode: ExitCode.usage });
  // `--file -` is standard input, as for most tools (and as login's suggestions write it).
  if (opts.file !== undefined && opts.file !== '-') return readInput({ kind: 'file', path: opts.file }, { maxBytes: MAX_LOG_BYTES });
  if (opts.text.length > 0 && !fromStdin) return Promise.resolve(opts.text.join(' '));
  if (!fromStdin && opts.file === undefined && ctx.io.stdinIsTTY) {
    throw new UserError('nothing to troubleshoot', {
      exitCode: ExitCode.usage,
      hint: 'Paste the error in quotes, pass --file LOG, or pipe it: duo-sso 2>&1 | duo-sso-setup troubleshoot -',
    });
  }
  const source: InputSource = { kind: 'stdin' };
  return readInput(source, { maxBytes: MAX_LOG_BYTES, ...(stdin ? { stdin } : {}) });
}

function list(ctx: Pick<Context, 'io' | 'options'>): number {
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify(KNOWLEDGE.map((e) => ({ id: e.id, title: e.title, group: e.group, automatic: e.fix.automatic })), null, 2)}\n`);
  } else {
    const width = Math.max(...KNOWLEDGE.map((e) => e.id.length));
    // A table (id, title): not re-wrapped, each row stays one line for grep.
    ctx.io.out(`${KNOWLEDGE.map((e) => `${e.id.padEnd(width)}  ${e.title}`).join('\n')}\n`);
  }
  return ExitCode.ok;
}
