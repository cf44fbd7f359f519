// Human rendering of upgrade reports (stdout). --json prints the reports themselves.
import { symbols, paint, shellQuote, type Style } from '../ui/style.js';
import type { ComponentReport, PlanStep } from './report.js';

function renderPlan(plan: readonly PlanStep[], style: Style, indent: string): string[] {
  const lines: string[] = [];
  const s = symbols(style);
  let n = 0;
  const numbered = (steps: readonly PlanStep[]) => steps.map((p) => `${indent}  ${++n}. ${p.command.length ? shellQuote(p.command) : p.title}`);
  const first = plan.filter((p) => p.phase === 'upgrade');
  const repair = plan.filter((p) => p.phase === 'repair');
  const when = plan.filter((p) => p.phase === 'when-needed');
  if (first.length) lines.push(`${indent}Plan:`, ...numbered(first));
  if (repair.length) lines.push(first.length ? `${indent}If that fails, the repair ladder:` : `${indent}Still to do:`, ...numbered(repair));
  if (when.length) {
    lines.push(`${indent}Only when needed:`);
    for (const p of when) lines.push(`${indent}  ${s.bullet} ${shellQuote(p.command)}  (when ${p.when ?? 'needed'})`);
  }
  return lines;
}

/** Summaries are written with → and —; a terminal without UTF-8 gets ASCII. */
function forTerminal(text: string, style: Style): string {
  return style.unicode ? text : text.replace(/→/g, '->').replace(/—/g, '-');
}

export function renderReport(r: ComponentReport, style: Style, opts: { rerun: string }): string {
  const s = symbols(style);
  const mark = r.status === 'upgraded' || r.status === 'current' ? paint(style, 'green', s.ok)
    : r.status === 'failed' ? paint(style, 'red', s.fail)
      : r.status === 'planned' ? paint(style, 'yellow', s.arrow) : s.skip;
  const lines = [`${mark} ${r.component} (${r.method}): ${r.summary}`];
  for (const d of r.details ?? []) lines.push(`    ${d}`);
  if (r.status === 'failed') {
    if (r.steps?.length) {
      lines.push('  What ran:');
      for (const step of r.steps) {
        const m = step.outcome === 'ok' ? s.ok : step.outcome === 'failed' ? s.fail : s.warn;
        lines.push(`    ${m} ${step.command}${step.note ? ` — ${step.note}` : ''}`);
      }
    }
    if (r.failedStep) {
      lines.push(`  What failed: ${r.failedStep.command}${r.failedStep.exitCode !== null ? ` (exit ${r.failedStep.exitCode})` : ''}`);
      for (const l of r.failedStep.output.split('\n').filter(Boolean)) lines.push(`    ${l}`);
    }
    if (r.next) {
      lines.push('  What to do next:', `    ${r.next.advice}`);
      for (const c of r.next.commands) lines.push(`      ${s.dollar} ${shellQuote(c)}`);
    }
    if (r.plan?.length) lines.push(...renderPlan(r.plan, style, '  '));
    lines.push(`    or, once fixed, run again: ${opts.rerun}`);
  } else if (r.plan?.length) {
    lines.push(...renderPlan(r.plan, style, '  '));
  } else if (r.next) {
    lines.push(`    ${r.next.advice}`);
    for (const c of r.next.commands) lines.push(`      ${s.dollar} ${shellQuote(c)}`);
  }
  return forTerminal(`${lines.join('\n')}\n`, style);
}
