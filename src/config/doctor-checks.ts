// What the doctor's session-duration and profiles checks share: validate config.json, keep
// the findings that belong to one check, and turn them into a CheckResult; the fix is
// applyConfigFix (the code `config fix` runs), limited to the same findings.
import type { CheckContext, CheckResult } from '../check/types.js';
import { result } from '../check/types.js';
import { applyConfigFix, loadPolicy } from './apply-fix.js';
import { checkOf, type CheckId, type Finding } from './findings.js';
import { readConfig } from './read-config.js';
import { validateRead } from './validate.js';
import { bySeverity, findingLine } from './render.js';

export async function configFindingsResult(ctx: Pick<CheckContext, 'paths'>, check: Exclude<CheckId, 'config'>): Promise<CheckResult> {
  const read = await readConfig(ctx.paths.duoConfig);
  const data = { path: ctx.paths.duoConfig };
  if (read.kind !== 'parsed') return result.skip(read.kind === 'missing' ? 'no config.json (see the config check)' : 'config.json is not usable (see the config check)');
  const all = validateRead(read, await loadPolicy(ctx.paths));
  if (all.some((f) => f.id === 'not-object')) return result.skip('config.json is not a JSON object (see the config check)');
  const mine = all.filter((f) => checkOf(f) === check);
  const problems = bySeverity(mine.filter((f) => f.severity !== 'info'));
  const findings = { ...data, findings: mine };
  if (problems.length === 0) {
    const notes = mine.map((f) => `note: ${f.message}`);
    return result.ok(check === 'session-duration' ? 'every duration is within the policy' : 'keys and profiles are valid', notes, findings);
  }
  const details = problems.map(detail);
  const automatic = mine.filter((f) => f.fix?.automatic);
  const fix = automatic.length > 0
    ? { description: `Repair in place (backup first): ${automatic.map((f) => `${f.path || 'document'} → ${f.fix!.description}`).join('; ')}`, commands: [['duo-sso-setup', 'config', 'fix']], automatic: true }
    : { description: problems[0]!.fix?.description ?? 'See duo-sso-setup config validate', commands: [['duo-sso-setup', 'config', 'validate']], automatic: false };
  const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} problems: ${problems[0]!.message}; …`;
  return problems.some((f) => f.severity === 'fail') ? result.fail(summary, details, fix, findings) : result.warn(summary, details, fix, findings);
}

function detail(f: Finding): string {
  return `${findingLine(f)}${f.fix ? ` (fix: ${f.fix.description})` : ''}`;
}

export async function fixConfigFindings(ctx: Pick<CheckContext, 'paths' | 'options' | 'now'>, check: Exclude<CheckId, 'config'>): Promise<void> {
  const r = await applyConfigFix({ paths: ctx.paths, dryRun: ctx.options.dryRun, now: ctx.now }, (f) => checkOf(f) === check);
  if (r.kind === 'missing' || r.kind === 'unreadable' || r.kind === 'unparseable') {
    throw new Error(`${r.path} was left unchanged: it ${r.kind === 'missing' ? 'does not exist' : 'does not parse or cannot be read'}`);
  }
}
