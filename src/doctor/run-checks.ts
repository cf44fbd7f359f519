// Runs checks concurrently, each under its own timeout.
import { errorMessage } from '../errors.js';
import { interruptSignal, isInterruption, whenInterrupted } from '../platform/interrupt.js';
import type { PlatformFacts } from '../platform/facts.js';
import type { Check, CheckContext, CheckResult } from '../check/types.js';

export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

export interface Outcome {
  check: Check;
  result: CheckResult;
  durationMs: number;
  fixed?: boolean;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A check the run's interruption stopped (or kept from starting): not a finding about the machine. */
export const INTERRUPTED_RESULT: CheckResult = { status: 'interrupted', summary: 'not run (interrupted)', details: [] };

/** `timeoutMs` is the user's --timeout: it wins over a check's own longer default. */
export async function runCheck(check: Check, ctx: CheckContext, timeoutMsGiven?: number): Promise<Outcome> {
  const started = performance.now();
  const timeoutMs = timeoutMsGiven ?? check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  let result: CheckResult;
  if (interruptSignal().aborted) {
    result = INTERRUPTED_RESULT;
  } else if (check.applies && !check.applies(ctx.platform, ctx)) {
    result = { status: 'skip', summary: 'not applicable on this machine', details: [] };
  } else {
    // Whatever a check makes of the interruption (the runner's InterruptedError, a child that
    // was stopped and so "failed"), it is not a finding: the check did not run to its end.
    const work = Promise.resolve().then(() => check.run(ctx)).then(
      (r) => (interruptSignal().aborted ? INTERRUPTED_RESULT : r),
      (error: unknown): CheckResult => (isInterruption(error) ? INTERRUPTED_RESULT : {
        status: 'fail',
        summary: `unexpected error while running the ${check.id} check`,
        details: [errorMessage(error)],
      }),
    );
    result = await withTimeout(
      Promise.race([work, whenInterrupted().then(() => INTERRUPTED_RESULT)]),
      timeoutMs,
      (): CheckResult => (interruptSignal().aborted ? INTERRUPTED_RESULT : { status: 'fail', summary: `timed out after ${Math.round(timeoutMs / 100) / 10} s`, details: ['It did not finish in time: a command it ran, or a file it read (a pipe, a hung network mount), did not answer.'] }),
    );
  }
  return { check, result, durationMs: Math.round(performance.now() - started) };
}

export function createProbeCache(): CheckContext['probe'] {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = fn();
      cache.set(key, hit);
    }
    return hit;
  };
}

/** What a check sees, built from a command's Context (install and setup run checks too). */
export function checkContextFor(ctx: Omit<CheckContext, 'platform' | 'probe'>, platform: PlatformFacts): CheckContext {
  return { env: ctx.env, paths: ctx.paths, runner: ctx.runner, now: ctx.now, options: ctx.options, io: ctx.io, platform, probe: createProbeCache() };
}

export function runChecks(checks: readonly Check[], ctx: CheckContext, timeoutMs?: number): Promise<Outcome[]> {
  return Promise.all(checks.map((c) => runCheck(c, ctx, timeoutMs)));
}

export function summarise(outcomes: readonly Outcome[]): Record<CheckResult['status'], number> {
  const counts = { ok: 0, warn: 0, fail: 0, skip: 0, interrupted: 0 };
  for (const o of outcomes) counts[o.result.status]++;
  return counts;
}
