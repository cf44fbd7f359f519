// The pass round trip is the doctor's pass check: reuse it rather than repeat it.
import { UserError } from '../errors.js';
import { passCheck } from '../doctor/checks/pass.js';
import { checkContextFor } from '../doctor/run-checks.js';
import type { ExecContext } from './execute.js';

/** Throws when the store is unusable; returns a warning (e.g. a passphrase is needed to read) or undefined. */
export async function passRoundTrip(ctx: ExecContext): Promise<string | undefined> {
  const result = await passCheck.run(checkContextFor(ctx, ctx.platform));
  if (result.status === 'fail') {
    throw new UserError(`the password store does not work: ${result.summary}`, { hint: result.fix ? `${result.fix.description}: ${result.fix.commands.map((c) => c.join(' ')).join('; ')}` : undefined });
  }
  return result.status === 'ok' ? undefined : result.summary;
}
