// Human and JSON renderings of a doctor run. Pure: outcomes in, text out.
import { paint, shellQuote, symbols, type Style } from '../ui/style.js';
import { TOOL_NAME, TOOL_VERSION } from '../platform/self.js';
import type { PlatformFacts } from '../platform/facts.js';
import type { Outcome } from './run-checks.js';
import { summarise } from './run-checks.js';
import type { Status } from '../check/types.js';

const TONE = { ok: 'green', warn: 'yellow', fail: 'red', skip: 'dim', interrupted: 'dim' } as const;

export function renderHuman(outcomes: readonly Outcome[], style: Style, opts: { verbose?: boolean; dryRun?: boolean } = {}): string {
  const sym = symbols(style);
  const width = Math.max(...outcomes.map((o) => o.check.id.length));
  const lines: string[] = [];
  for (const { check, result, fixed, durationMs } of outcomes) {
    if (result.status === 'skip' && !opts.verbose) continue;
    const mark = paint(style, TONE[result.status], sym[result.status === 'interrupted' ? 'skip' : result.status]);
    const timing = opts.verbose ? paint(style, 'dim', ` (${durationMs} ms)`) : '';
    lines.push(`${mark} ${check.id.padEnd(width)}  ${result.summary}${fixed ? paint(style, 'green', ' (fixed)') : ''}${timing}`);
    const showDetails = result.status === 'fail' || result.status === 'warn' || opts.verbose;
    if (showDetails) for (const d of result.details) lines.push(`    ${d}`);
    if (result.fix && result.status !== 'ok' && !fixed) {
      lines.push(`    ${paint(style, 'cyan', sym.arrow)} ${result.fix.description}`);
      for (const c of result.fix.commands) lines.push(`      ${sym.dollar} ${shellQuote(c)}`);
    }
  }
  const counts = summarise(outcomes);
  const ran = outcomes.length - counts.skip - counts.interrupted;
  const tail = [counts.warn ? `${counts.warn} warning${counts.warn === 1 ? '' : 's'}` : '', counts.fail ? `${counts.fail} failed` : ''].filter(Boolean).join(', ');
  const aside = [counts.skip ? `${counts.skip} not applicable` : '', counts.interrupted ? `${counts.interrupted} not run: interrupted` : ''].filter(Boolean).join('; ');
  lines.push('', `${counts.ok}/${ran} checks passed${tail ? `: ${tail}` : ''}${aside ? ` (${aside})` : ''}.`);
  // `fixed` is set only where this run tried the fix (--fix): one that failed is not offered again.
  const untried = outcomes.filter((o) => o.result.status !== 'ok' && o.result.fix?.automatic && o.fixed === undefined);
  const tried = outcomes.some((o) => o.fixed !== undefined);
  // Interrupted: the report is partial, and a fix is no answer to a check that did not run.
  if (counts.interrupted) lines.push(`Run \`${TOOL_NAME} doctor\` again for the checks that did not run.`);
  else if (opts.dryRun && tried) lines.push(`Dry run: nothing was changed. Run \`${TOOL_NAME} doctor --fix\` without --dry-run to apply the fixes above.`);
  else if (untried.length > 0) lines.push(`Run \`${TOOL_NAME} doctor --fix\` to repair what can be repaired automatically.`);
  return `${lines.join('\n')}\n`;
}

export interface DoctorJson {
  tool: { name: string; version: string };
  platform: { os: string; arch: string; distro: string | null; packageManager: string | null; wsl: boolean };
  checks: {
    id: string; title: string; status: Status; summary: string; details: string[];
    fix: { description: string; commands: string[][]; automatic: boolean } | null;
    fixed?: boolean; data?: Record<string, unknown>; durationMs: number;
  }[];
  summary: Record<Status, number>;
}

export function toJson(outcomes: readonly Outcome[], platform: PlatformFacts): DoctorJson {
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    platform: {
      os: platform.os,
      arch: platform.arch,
      distro: platform.distro?.name ?? null,
      packageManager: platform.packageManager ?? null,
      wsl: platform.wsl,
    },
    checks: outcomes.map(({ check, result, fixed, durationMs }) => ({
      id: check.id,
      title: check.title,
      status: result.status,
      summary: result.summary,
      details: result.details,
      fix: result.fix ? { description: result.fix.description, commands: result.fix.commands, automatic: result.fix.automatic } : null,
      ...(fixed !== undefined ? { fixed } : {}),
      ...(result.data ? { data: result.data } : {}),
      durationMs,
    })),
    summary: summarise(outcomes),
  };
}
