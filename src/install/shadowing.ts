// After installing the AWS CLI: is a v1 still first on PATH? The doctor's aws-cli check
// knows how to tell; we run it and offer its fix (pip uninstall needs a yes).
import { awsCliCheck } from '../doctor/checks/aws-cli.js';
import { shellQuote } from '../ui/style.js';
import { succeeded, describeFailure } from '../platform/process.js';
import type { ExecContext } from './execute.js';
import { checkContextFor } from '../doctor/run-checks.js';

export async function awsCliShadowing(ctx: ExecContext): Promise<string[]> {
  const result = await awsCliCheck.run(checkContextFor(ctx, ctx.platform));
  if (result.status !== 'fail' || !/shadows/.test(result.summary)) return [];
  const notes = [result.summary, ...(result.fix ? [result.fix.description] : [])];
  const commands = result.fix?.commands ?? [];
  if (commands.length === 0) return notes;
  if (!(await ctx.approve(`${result.summary}. Run ${commands.map((c) => shellQuote(c)).join(' && ')}?`))) {
    return [...notes, `Not run: ${commands.map((c) => shellQuote(c)).join(' && ')}`];
  }
  for (const argv of commands) {
    const r = await ctx.runner.run(argv[0]!, argv.slice(1), { mutates: true, timeoutMs: 120_000 });
    if (!succeeded(r)) return [...notes, `${describeFailure(r)}`];
  }
  return [`Removed the AWS CLI v1 that shadowed v2 (${commands.map((c) => shellQuote(c)).join(' && ')})`];
}
