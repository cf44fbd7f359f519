// A doctor check is data plus one small function. Checks never print; the runner
// turns a throw or a timeout into a failed result so one bad probe never sinks the run.
// The types sit below doctor/: config/ and remedies/ define checks and fixes too, and the
// doctor is above them.
import type { Context } from '../context.js';
import type { PlatformFacts } from '../platform/facts.js';

/** `interrupted`: the run was interrupted before the check finished; says nothing about the machine. */
export type Status = 'ok' | 'warn' | 'fail' | 'skip' | 'interrupted';

/** What to do about a finding. Commands are data: shown to humans, put in --json, run by --fix. */
export interface Fix {
  description: string;
  commands: string[][];
  /** `doctor --fix` may apply it (through the check's `fix`, or by running `commands`). */
  automatic: boolean;
  /** Needs sudo or downloads something: shown and asked for, never run silently. */
  needsConfirmation?: boolean;
}

export interface CheckResult {
  status: Status;
  summary: string;
  details: string[];
  fix?: Fix;
  /** Machine-readable facts for --json (versions, paths). Never secrets. */
  data?: Record<string, unknown>;
}

export interface CheckContext extends Pick<Context, 'env' | 'paths' | 'runner' | 'now' | 'options' | 'io'> {
  platform: PlatformFacts;
  /** Memoised probes shared between checks (e.g. two checks both need `gpg --list-secret-keys`). */
  probe<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export interface Check {
  id: string;
  title: string;
  /** Whether the check means anything on this machine; otherwise it is reported as skipped. */
  applies?(platform: PlatformFacts, ctx: CheckContext): boolean;
  run(ctx: CheckContext): Promise<CheckResult>;
  /** Applies the automatic fix in-process; without it, `fix.commands` are run in order. */
  fix?(ctx: CheckContext, result: CheckResult): Promise<void>;
  /** Whether `fix` handles this result; without it, `fix` handles every result. Otherwise `fix.commands` run. */
  fixes?(result: CheckResult): boolean;
  timeoutMs?: number;
  /** Runs only when asked for by id (`--only ID`): it probes the world, not this machine's setup. */
  optIn?: boolean;
}

export const result = {
  ok: (summary: string, details: string[] = [], data?: Record<string, unknown>): CheckResult => ({ status: 'ok', summary, details, ...(data ? { data } : {}) }),
  warn: (summary: string, details: string[] = [], fix?: Fix, data?: Record<string, unknown>): CheckResult => ({ status: 'warn', summary, details, ...(fix ? { fix } : {}), ...(data ? { data } : {}) }),
  fail: (summary: string, details: string[] = [], fix?: Fix, data?: Record<string, unknown>): CheckResult => ({ status: 'fail', summary, details, ...(fix ? { fix } : {}), ...(data ? { data } : {}) }),
  skip: (summary: string, details: string[] = []): CheckResult => ({ status: 'skip', summary, details }),
};
