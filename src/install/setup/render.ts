// Setup's summary: one line per step, then what to do next.
import type { Paths } from '../../platform/paths.js';
import { paint, shellQuote, symbols, type Style } from '../../ui/style.js';

export interface SetupStepReport {
  id: string;
  title: string;
  status: 'done' | 'skipped' | 'warning' | 'failed';
  detail: string;
  hint?: string;
  exitCode?: number;
  /** Commands that finish what this step left undone. */
  remaining?: string[][];
}

export interface SetupReport {
  ok: boolean;
  dryRun: boolean;
  steps: SetupStepReport[];
  [captured: string]: unknown;
}

/** `profiles`: the profile names in config.json, so the next steps name a real one. */
export function renderSetup(report: SetupReport, style: Style, paths: Pick<Paths, 'duoConfig'>, profiles: readonly string[] = []): string {
  const sym = symbols(style);
  const mark = { done: paint(style, 'green', sym.ok), skipped: paint(style, 'dim', sym.skip), warning: paint(style, 'yellow', sym.warn), failed: paint(style, 'red', sym.fail) };
  const lines = ['', paint(style, 'bold', report.dryRun ? 'Setup (dry run, nothing changed):' : 'Setup summary:')];
  for (const s of report.steps) {
    lines.push(`${mark[s.status]} ${s.title}: ${s.detail}`);
    if (s.hint) lines.push(`    ${s.hint}`);
  }
  lines.push('');
  if (report.ok && !report.dryRun) {
    lines.push('Next steps:');
    const profile = profiles[0];
    lines.push(profile
      ? `  aws sts get-caller-identity --profile ${profile}${profiles.length > 1 ? `   # also: ${profiles.slice(1).join(', ')}` : ''}`
      : '  aws sts get-caller-identity --profile NAME   # use a profile from the config');
    lines.push('  duo-sso-setup login                          # when the credentials expire');
    lines.push('  duo-sso-setup doctor                         # if anything stops working');
    lines.push(`  Your duo-sso config: ${paths.duoConfig}`);
  }
  const remaining = report.steps.flatMap((s) => s.remaining ?? []);
  if (remaining.length > 0) {
    lines.push('Still to do (or fix the problem above and run `duo-sso-setup setup` again: finished steps are skipped):');
    for (const c of remaining) lines.push(`  ${sym.dollar} ${shellQuote(c)}`);
  }
  return `${lines.join('\n')}\n`;
}
