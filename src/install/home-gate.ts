// install and setup put files under HOME (and run package managers before that): with HOME
// unusable (read-only, full, a file, missing) they refuse before changing anything, in the
// words of the doctor's platform check.
import type { Context } from '../context.js';
import { platformCheck } from '../doctor/checks/platform.js';
import { checkContextFor } from '../doctor/run-checks.js';
import type { CheckResult } from '../check/types.js';
import { UserError } from '../errors.js';
import { shellQuote } from '../ui/style.js';

/** The platform check's failure as a refusal, or undefined when it passed. */
export function homeRefusal(result: CheckResult | undefined): UserError | undefined {
  if (result?.status !== 'fail') return undefined;
  const fix = result.fix;
  return new UserError(`nothing was changed: ${result.summary}`, {
    ...(fix ? { hint: `${fix.description}${fix.commands.length ? `: ${fix.commands.map((c) => shellQuote(c)).join(' && ')}` : ''}` } : {}),
  });
}

export async function requireUsableHome(ctx: Context): Promise<void> {
  const refusal = homeRefusal(await platformCheck.run(checkContextFor(ctx, await ctx.platform())));
  if (refusal) throw refusal;
}
