// Setup's first step: the doctor's own checks decide what is missing, so `setup` and
// `doctor` never disagree about what "working" means.
import type { Context } from '../../context.js';
import { checks } from '../../doctor/checks/index.js';
import { checkContextFor, runChecks, type Outcome } from '../../doctor/run-checks.js';
import type { Component } from '../types.js';

export async function detect(ctx: Context): Promise<Outcome[]> {
  // The default set, as a plain `doctor` runs it (opt-in checks such as network only on request).
  return runChecks(checks.filter((c) => !c.optIn), checkContextFor(ctx, await ctx.platform()));
}

export function statusOf(outcomes: readonly Outcome[], id: string): Outcome['result']['status'] | undefined {
  return outcomes.find((o) => o.check.id === id)?.result.status;
}

/** Which components to install, from the checks' verdicts. Pure. */
export function missingComponents(outcomes: readonly Outcome[]): Component[] {
  const failed = (id: string) => statusOf(outcomes, id) === 'fail';
  const aws = outcomes.find((o) => o.check.id === 'aws-cli')?.result;
  const out: Component[] = [];
  // A v1 shadowing a v2 needs a PATH fix, not another install (the install step offers it);
  // nor does an aws stopped by an unparsable ~/.aws file.
  if (aws && ((aws.status === 'fail' && !/shadows/.test(aws.summary) && aws.data?.unparsable === undefined) || (aws.status === 'warn' && /v1/.test(aws.summary)))) out.push('aws-cli');
  if (failed('duo-sso')) out.push('duo-sso');
  if (failed('gpg') || failed('pass')) out.push('pass-gpg');
  return out;
}
