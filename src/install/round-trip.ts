// The pass round trip is the doctor's pass check: reuse it rather than repeat it.
import { UserError } from '../errors.js';
import { passCheck } from '../doctor/checks/pass.js';
import { createProbeCache } from '../doctor/run-checks.js';
import type { CheckContext } from '../doctor/types.js';
import type { ExecContext } from './execute.js';

export function checkContext(ctx: Omit<ExecContext, 'approve' | 'isRoot' | 'canPrompt'>): CheckContext {
  return { env: ctx.env, paths: ctx.paths, runner: ctx.runner, now: ctx.now, options: ctx.options, io: ctx.io, platform: ctx.platform, probe: createProbeCache() };
}

/** Throws when the store is unusable; returns a warning (e.g. a passphrase is needed to read) or undefined. */
export async function passRoundTrip(ctx: ExecContext): Promise<string | undefined> {
  const result = await passCheck.run(checkContext(ctx));
  if (result.status === 'fail') {
    throw new UserError(`the password store does not work: ${result.summary}`, { hint: result.fix ? `${result.fix.description}: ${result.fix.commands.map((c) => c.join(' ')).join('; ')}` : undefined });
  }
  return result.status === 'ok' ? undefined : result.summary;
}
