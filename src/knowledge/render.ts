// Human and JSON renderings of diagnoses, shared by troubleshoot and login. Pure. A paragraph
// is one line: troubleshoot wraps it to the terminal's width (ui/wrap.ts).
import { paint, shellQuote, symbols, type Style } from '../ui/style.js';
import type { AwsErrorLine } from './aws-errors.js';
import type { Diagnosis } from './diagnose.js';
import type { FamilyGuess } from './families.js';
import { redactSecrets } from './redact.js';

export function renderDiagnosis(d: Diagnosis, style: Style): string[] {
  const sym = symbols(style);
  const lines = [`${paint(style, 'red', sym.fail)} ${paint(style, 'bold', d.id)}: ${d.title}`];
  lines.push(`    ${paint(style, 'dim', `line ${d.line}:`)} ${d.evidence}`);
  if (d.detail) lines.push(`    ${d.detail}`);
  lines.push(`    Why: ${d.explanation}`);
  const how = d.fix.automatic ? ' (automatic)' : '';
  lines.push(`    ${paint(style, 'cyan', sym.arrow)} ${d.fix.description}${how}`);
  for (const c of d.fix.commands) lines.push(`      ${sym.dollar} ${shellQuote(c)}`);
  return lines;
}

/** Unrecognised text: the family it most resembles, why we think so, and what to run next. */
export function renderFamily(guess: FamilyGuess, style: Style): string[] {
  const sym = symbols(style);
  const words = guess.signals.map((s) => `"${s}"`).join(', ');
  const why = guess.family === 'unknown'
    ? (guess.signals.length > 0 ? `Its words (${words}) point more than one way, so this does not guess a cause.` : 'Nothing in it points at a cause.')
    : `It looks like ${guess.title} (it mentions ${words}).`;
  const lines = [`${paint(style, 'yellow', sym.warn)} Not a known failure. ${why}`];
  if (guess.evidence) lines.push(`    ${paint(style, 'dim', `line ${guess.evidence.line}:`)} ${guess.evidence.text}`);
  lines.push(`    ${paint(style, 'cyan', sym.arrow)} Next: let doctor look at this machine`);
  for (const c of guess.commands) lines.push(`      ${sym.dollar} ${shellQuote(c)}`);
  return lines;
}

export function renderTroubleshoot(diagnoses: readonly Diagnosis[], unknownErrors: readonly AwsErrorLine[], style: Style, guess?: FamilyGuess): string {
  const lines: string[] = [];
  for (const d of diagnoses) lines.push(...renderDiagnosis(d, style), '');
  if (diagnoses.length === 0) {
    if (guess) lines.push(...renderFamily(guess, style));
    for (const e of unknownErrors) lines.push(`  line ${e.line}: AWS error ${e.code}${e.operation ? ` from ${e.operation}` : ''}${e.role ? ` (role '${redactSecrets(e.role)}')` : ''}: ${redactSecrets(e.message)}`);
    lines.push('The catalogue of known failures: docs/troubleshooting.md (duo-sso-setup troubleshoot --list).');
  } else {
    lines.push(`Recognised ${diagnoses.length} known failure${diagnoses.length === 1 ? '' : 's'}.`);
  }
  return `${lines.join('\n')}\n`;
}
