// `saml inspect`: decode, parse, place in time, print.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { readInputBytes } from '../io/read-input.js';
import { MAX_SAML_BYTES, decodeSamlInput } from './decode.js';
import { parseSaml } from './parse.js';
import { inspectionJson, renderInspection, type Inspection } from './render.js';
import { validityAt } from './validity.js';
import { wrapText } from '../ui/wrap.js';

export interface InspectOptions {
  file?: string;
  showSubject: boolean;
}

export async function runSamlInspect(ctx: Pick<Context, 'io' | 'options' | 'style' | 'now'>, opts: InspectOptions): Promise<number> {
  const fromStdin = opts.file === undefined || opts.file === '-';
  if (fromStdin && opts.file === undefined && ctx.io.stdinIsTTY) {
    throw new UserError('no SAML response given', {
      exitCode: ExitCode.usage,
      hint: 'Pass a file (saml inspect response.txt) or pipe it in (pbpaste | duo-sso-setup saml inspect -).',
    });
  }
  const raw = await readInputBytes(fromStdin ? { kind: 'stdin' } : { kind: 'file', path: opts.file! }, { maxBytes: MAX_SAML_BYTES });
  const inspection = inspect(raw, ctx.now(), opts.showSubject);
  ctx.io.out(ctx.options.json ? `${JSON.stringify(inspectionJson(inspection), null, 2)}\n` : wrapText(renderInspection(inspection, ctx.style), ctx.io.outWidth));
  return ExitCode.ok;
}

/** Pure: what `saml inspect` reports for `raw` (bytes as read, or text) at `now`. */
export function inspect(raw: string | Uint8Array, now: Date, showSubject: boolean): Inspection {
  const { xml, encoding, charset } = decodeSamlInput(raw);
  const doc = parseSaml(xml);
  return { encoding, charset, doc, validity: validityAt(doc, now), showSubject };
}
