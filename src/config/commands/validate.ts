// `config validate`: every finding with its JSON path (or line:column for syntax errors)
// and its fix. Exit 0 when nothing fails, 1 otherwise.
import type { Context } from '../../context.js';
import { ExitCode } from '../../errors.js';
import { loadPolicy } from '../apply-fix.js';
import { readConfig } from '../read-config.js';
import { countBySeverity, renderFindings, summaryLine } from '../render.js';
import { validateRead } from '../validate.js';
import { wrapText } from '../../ui/wrap.js';
import { aimAtConfig } from '../../ui/aim-config.js';

export async function runValidate(ctx: Pick<Context, 'paths' | 'options' | 'io' | 'style'>): Promise<number> {
  const path = ctx.paths.duoConfig;
  const aimed = ctx.options.config === undefined ? undefined : path;
  const findings = validateRead(await readConfig(path), await loadPolicy(ctx.paths))
    .map((f) => (f.fix ? { ...f, fix: { ...f.fix, description: aimAtConfig(f.fix.description, aimed) } } : f));
  const counts = countBySeverity(findings);
  const valid = counts.fail === 0;
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify({ path, valid, findings, summary: counts }, null, 2)}\n`);
  } else {
    ctx.io.out(`${wrapText(`${path}: ${valid ? 'valid' : 'invalid'} (${summaryLine(findings)})`, ctx.io.outWidth)}\n${renderFindings(findings, ctx.style, ctx.io.outWidth)}`);
  }
  return valid ? ExitCode.ok : ExitCode.failure;
}
