// Human text for findings: one line each (path: message), the caret excerpt of a syntax
// error, and the fix. Pure, so the exact text is tested.
import { paint, symbols, type Style } from '../ui/style.js';
import type { Finding, Severity } from './findings.js';
import { wrapText } from '../ui/wrap.js';

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { fail: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `path: message`, without repeating a path the message already names. */
export function findingLine(f: Finding): string {
  const named = f.message.includes(f.path) || f.message.includes(`"${f.path}"`);
  return `${f.path && !named ? `${f.path}: ` : ''}${f.message}`;
}

const ORDER: Record<Severity, number> = { fail: 0, warn: 1, info: 2 };
/** Failures first, then warnings, then notes; document order within each. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export function renderFinding(f: Finding, style: Style, width?: number): string {
  const s = symbols(style);
  const mark = f.severity === 'fail' ? paint(style, 'red', s.fail) : f.severity === 'warn' ? paint(style, 'yellow', s.warn) : paint(style, 'dim', style.unicode ? 'i' : '[i]');
  const lines = [wrapText(`${mark} ${findingLine(f)}`, width)];
  // The excerpt is the file's own lines with a caret under the column: never re-wrapped, or
  // the caret would point at the wrong character.
  if (f.position) lines.push(...placeLines(f, f.position));
  if (f.fix) lines.push(wrapText(`    ${s.arrow} ${f.fix.description}${f.fix.automatic ? paint(style, 'dim', ' (automatic: duo-sso-setup config fix)') : ''}`, width));
  return lines.join('\n');
}

/**
 * A syntax error's excerpt is shown as the file has it (its message names file:line:col). A
 * schema finding names its place as words, the same at every width (an excerpt of a long line
 * could not wrap); --json carries its excerpt too.
 */
function placeLines(f: Finding, at: NonNullable<Finding['position']>): string[] {
  if (f.message.includes(`:${at.line}:${at.column}:`)) return at.excerpt.split('\n').map((l) => `    ${l}`);
  return [`    at line ${at.line}, column ${at.column}`];
}

/** `width`: the terminal's (ui/wrap.ts); undefined (a pipe, a test) leaves every line whole. */
export function renderFindings(findings: readonly Finding[], style: Style, width?: number): string {
  return bySeverity(findings).map((f) => `${renderFinding(f, style, width)}\n`).join('');
}

export function summaryLine(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  if (findings.length === 0) return 'no problems found';
  const parts = [c.fail && `${c.fail} failed`, c.warn && `${c.warn} warning${c.warn > 1 ? 's' : ''}`, c.info && `${c.info} note${c.info > 1 ? 's' : ''}`].filter(Boolean);
  return parts.join(', ');
}
