// The pass round trip is the doctor's pass check: reuse it rather than repeat it.
import { UserError } from '../errors.js';
import { passCheck } from '../doctor/checks/pass.js';
import { checkContextFor } from '../doctor/run-checks.js';
import type { CheckContext } from '../check/types.js';
import type { PlatformFacts } from '../platform/facts.js';

/** What the check needs: any command's context with its platform (the executor's does). */
export type RoundTripContext = Omit<CheckContext, 'platform' | 'probe'> & { platform: PlatformFacts };

/** Throws when the store is unusable; returns a warning (e.g. a passphrase is needed to read) or undefined. */
export async function passRoundTrip(ctx: RoundTripContext): Promise<string | undefined> {
  const result = await passCheck.run(checkContextFor(ctx, ctx.platform));
  if (result.status === 'fail') {
    throw new UserError(`the password store does not work: ${result.summary}`, { hint: result.fix ? `${result.fix.description}: ${result.fix.commands.map((c) => c.join(' ')).join('; ')}` : undefined });
  }
  return result.status === 'ok' ? undefined : result.summary;
}
