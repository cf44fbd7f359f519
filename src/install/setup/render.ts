// Setup's summary: one line per step, then what to do next.
import type { Paths } from '../../platform/paths.js';
import { paint, shellQuote, symbols, type Style } from '../../ui/style.js';

export interface SetupStepReport {
  id: string;
  title: string;
  /** `interrupted`: a Ctrl-C reached it while it ran; `not-started`: it came after one. */
  status: 'done' | 'skipped' | 'warning' | 'failed' | 'interrupted' | 'not-started';
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
  /** Dry run: the questions a real run would ask (a dry run asks none). */
  questions?: string[];
  [captured: string]: unknown;
}

export function stepMark(style: Style, status: SetupStepReport['status']): string {
  const sym = symbols(style);
  switch (status) {
    case 'done': return paint(style, 'green', sym.ok);
    case 'warning': return paint(style, 'yellow', sym.warn);
    case 'failed': return paint(style, 'red', sym.fail);
    case 'interrupted': return paint(style, 'yellow', sym.skip);
    case 'skipped':
    case 'not-started': return paint(style, 'dim', sym.skip);
  }
}

/** `profiles`: the profile names in config.json, so the next steps name a real one. */
export function renderSetup(report: SetupReport, style: Style, paths: Pick<Paths, 'duoConfig'>, profiles: readonly string[] = []): string {
  const sym = symbols(style);
  const interrupted = report.steps.some((s) => s.status === 'interrupted' || s.status === 'not-started');
  const heading = interrupted ? `Setup interrupted${report.dryRun ? ' (dry run, nothing changed)' : ''}:` : report.dryRun ? 'Setup (dry run, nothing changed):' : 'Setup summary:';
  const lines = ['', paint(style, 'bold', heading)];
  for (const s of report.steps) {
    lines.push(`${stepMark(style, s.status)} ${s.title}: ${s.detail}`);
    // Every line of a hint under its step (a refusal's hint names two commands, one a line).
    if (s.hint) lines.push(...s.hint.split('\n').map((l) => `    ${l}`));
  }
  lines.push('');
  if (report.dryRun && report.questions) {
    lines.push(report.questions.length === 0 ? 'A real run would ask nothing (--yes, the flags or the machine answer every question).' : 'A real run would ask:');
    for (const q of report.questions) lines.push(`  ? ${q}`);
    lines.push('');
  }
  if (interrupted) {
    // What is left is the rest of setup, not the commands of the steps it never reached.
    lines.push(`Run \`duo-sso-setup setup${report.dryRun ? ' --dry-run' : ''}\` again to finish: finished steps are skipped.`);
    return `${lines.join('\n')}\n`;
  }
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
