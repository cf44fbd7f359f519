// `doctor --format jamf`: one line for a Jamf Pro extension attribute, which stores whatever
// the script prints between <result> and </result>. Pure: outcomes in, the line out.
import type { Outcome } from './run-checks.js';

export function renderJamf(outcomes: readonly Outcome[]): string {
  const ids = (status: 'fail' | 'warn') => outcomes.filter((o) => o.result.status === status).map((o) => o.check.id);
  const fail = ids('fail');
  const warn = ids('warn');
  const parts = [fail.length ? `fail: ${fail.join(',')}` : '', warn.length ? `warn: ${warn.join(',')}` : ''].filter(Boolean);
  return `<result>${parts.length ? parts.join('; ') : 'ok'}</result>\n`;
}
