// Renewal through credential_process: the stored credentials of a profile are about to run out,
// so before answering the AWS CLI we log the profile in again. One `duo-sso-setup login`
// (the login with all its repairs, then the keys moved back into the store) for any number of
// concurrent callers: the first takes a per-profile lock and runs it, the others wait for the
// lock and read the fresh keys. Its output goes to the terminal (/dev/tty) when there is one,
// else to stderr, never to stdout: stdout is the Version 1 JSON the AWS CLI parses.
// Loaded from its own bundle (dist/renew.cjs) only when credentials are due.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, utimesSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import { resolvePaths } from '../platform/paths.js';
import { selfArgv } from '../platform/self.js';
import { withFileLock } from '../fs/safe-write.js';
import { ownFileRefusal, UnsafeFileError } from '../fs/safe-read.js';
import { UserError } from '../errors.js';
import type { RenewRequest, RenewResult } from './renew-request.js';
import { isExpired, type StoredEntry } from './entry.js';
import { clearFailure, failureFor, inBackoff, readFailure, renewFile, writeFailure } from './renew-failure.js';
import { keyFingerprint } from '../state/sessions.js';
import { isDue } from './renew-settings.js';

const TOOL = 'duo-sso-setup';
/** How often the lock holder shows it is alive, so waiters never take its lock as stale. */
const HEARTBEAT_MS = 2_000;

/** The terminal the user sees, when there is one (the AWS CLI captures our stderr). */
function openTerminal(path = '/dev/tty'): number | undefined {
  try {
    return openSync(path, 'r+');
  } catch {
    // None (no controlling terminal, as under CI or a GUI app): the caller says it on stderr.
  }
  return undefined;
}

interface LoginProblem {
  id?: string;
  message?: string;
  commands?: string[][];
}

/** The one command that fixes a failed renewal: login's own advice (e.g. --interactive for the first-run certificate), for this profile. */
export function fixCommand(profile: string, problem: LoginProblem | undefined): string {
  const advice = problem?.commands?.find((c) => c[0] === TOOL && c[1] === 'login');
  return (advice ? (advice.includes('--profile') ? advice : [TOOL, 'login', '--profile', profile, ...advice.slice(2)]) : [TOOL, 'login', '--profile', profile]).join(' ');
}

/** Why the renewal failed, in one line. */
export function failureReason(problem: LoginProblem | undefined, exitCode: number | null): string {
  return problem?.message?.split('\n')[0] ?? (exitCode === null ? 'it did not finish in time (no Duo approval?)' : `login exited ${exitCode}`);
}

/** One line for the AWS CLI's error message: what went wrong and the command to run. */
export function failureLine(profile: string, problem: LoginProblem | undefined, exitCode: number | null): string {
  return `could not renew the credentials of profile ${profile}: ${failureReason(problem, exitCode)}; run \`${fixCommand(profile, problem)}\``;
}

/** Runs `duo-sso-setup login --profile P` and reads its JSON report. */
async function runLogin(request: RenewRequest): Promise<{ ok: boolean; problem?: LoginProblem; exitCode: number | null; output: string }> {
  const { profile, env, renewal } = request;
  const terminal = openTerminal(request.terminal);
  const [runtime, ...pre] = selfArgv();
  let output = '';
  try {
    const say = (text: string) => (terminal === undefined ? void (output += text) : void writeSync(terminal, text));
    say(`${TOOL}: the credentials of profile ${profile} are about to expire; logging in again (approve the Duo push)\n`);
    // deno-lint-ignore prefer-const -- assigned once, but read by signal handlers installed before spawn() returns.
    let child: ReturnType<typeof spawn> | undefined;
    const stopGroup = () => {
      try {
        // Stryker disable next-line OptionalChaining,ConditionalExpression,StringLiteral: equivalent, without a child or a pid process.kill throws (the catch takes that as gone), and its '' signal is SIGTERM
        if (child?.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    // Ctrl-C or a kill while waiting for the Duo approval: duo-sso must not carry on without
    // us (a signal that ends us by default runs no 'exit' handler). In place before the child
    // starts, so no signal can slip in between.
    const onSignal = (signal: NodeJS.Signals) => {
      stopGroup();
      process.exit(128 + (constants.signals[signal] ?? 1));
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, onSignal);
    process.on('exit', stopGroup);
    // Its own process group, so a timeout or our own end stops duo-sso and its browser too.
    child = spawn(runtime!, [...pre, 'login', '--profile', profile, '--yes', '--json', '--no-verify'], {
      env: { ...env } as Record<string, string>,
      stdio: [terminal ?? 'ignore', 'pipe', terminal ?? 'pipe'],
      detached: true,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup();
    }, renewal.timeoutMs);
    let json = '';
    // Stryker disable next-line StringLiteral: equivalent, setEncoding('') decodes UTF-8 too
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (json += d));
    // Stryker disable next-line StringLiteral: equivalent, setEncoding('') decodes UTF-8 too
    child.stderr?.setEncoding('utf8').on('data', (d: string) => say(d));
    const exitCode = await new Promise<number | null>((resolve) => {
      child!.on('error', () => resolve(1));
      // null: stopped (by our timeout), however login chose to end on the signal.
      child!.on('close', (code, signal) => resolve(signal || timedOut ? null : code));
    });
    clearTimeout(timer);
    process.off('exit', stopGroup);
    for (const signal of signals) process.off(signal, onSignal);
    let report: { ok?: boolean; problem?: LoginProblem } | undefined;
    try {
      report = JSON.parse(json) as typeof report;
    } catch {
      // Not JSON (login ended before its report): no report.
    }
    return { ok: exitCode === 0 && report?.ok === true, ...(report?.problem ? { problem: report.problem } : {}), exitCode, output };
  } finally {
    if (terminal !== undefined) closeSync(terminal);
  }
}

/** Holds the lock while `fn` runs, touching it so that waiters see a live owner. */
async function holding<T>(lockTarget: string, fn: () => Promise<T>): Promise<T> {
  return withFileLock(lockTarget, async () => {
    const beat = setInterval(() => {
      try {
        const t = new Date();
        utimesSync(`${lockTarget}.lock`, t, t);
      } catch {
        // The lock file's name is the lock's business; a missed beat only risks a stale verdict.
      }
    }, HEARTBEAT_MS);
    try {
      return await fn();
    } finally {
      clearInterval(beat);
    }
  });
}

/** Our files for one profile's renewal: its lock target (the lock is `${lock}.lock`) and the failure record. */
export function renewFiles(stateDir: string, profile: string): { lock: string; failed: string } {
  return { lock: renewFile({ stateDir }, profile, ''), failed: renewFile({ stateDir }, profile, 'failed') };
}

/** UTC to the second: 2026-11-26T10:05:00Z. */
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Said once per failure, where the user sees it: the AWS CLI swallows a successful credential_process's stderr. */
function tellUser(request: RenewRequest, text: string): void {
  const terminal = openTerminal(request.terminal);
  if (terminal === undefined) return request.io.err(text);
  try {
    writeSync(terminal, text);
  } finally {
    closeSync(terminal);
  }
}

/**
 * Renews the profile's keys, or says why not (docs/renewal.md). Never a duo-sso run during a
 * back-off for these keys (renew-failure.ts); the caller serves the current keys while they
 * are valid either way.
 */
export async function renewCredentials(request: RenewRequest): Promise<RenewResult> {
  try {
    return await renew(request);
  } catch (error) {
    // A pipe, link or device planted at one of our files: refused by name, never waited on.
    // Said where the user sees it (the keys, while valid, are still served by the caller).
    if (error instanceof UnsafeFileError) {
      const message = ownFileRefusal(error);
      tellUser(request, `${TOOL}: cannot renew the credentials of profile ${request.profile}: ${message}\n`);
      return { ok: false, message, command: `rm '${error.path.replace(/'/g, "'\\''")}'` };
    }
    throw error;
  }
}

async function renew(request: RenewRequest): Promise<RenewResult> {
  const { profile, env, now, renewal } = request;
  const fresh = (e: StoredEntry): boolean => !isDue(e.Expiration, now(), renewal.refreshBeforeMs);
  const paths = resolvePaths(env);
  mkdirSync(paths.stateDir, { recursive: true, mode: 0o700 });
  const lockTarget = renewFile(paths, profile, '');
  // Waiters give up a little after the renewal itself would have.
  const started = now().getTime();
  const deadline = started + renewal.timeoutMs + 30_000;
  // A back-off for the keys we hold, or a renewal that failed while we waited for the lock
  // (duo-sso needs a terminal, no approval): trying again would send one more Duo push per call.
  const failed = async (keys: StoredEntry): Promise<RenewResult | undefined> => {
    const f = failureFor(await readFailure(paths, profile), keys.AccessKeyId);
    return f && (inBackoff(f, keys.AccessKeyId, now()) || f.at >= started) ? { ok: false, message: f.message, command: f.command } : undefined;
  };
  const before = await failed(request.current);
  if (before) return before;
  for (;;) {
    try {
      return await holding(lockTarget, async (): Promise<RenewResult> => {
        // Another caller may have renewed (or failed to) while we waited for the lock.
        const current = (await request.read()) ?? request.current;
        if (fresh(current)) return { ok: true, entry: current };
        const earlier = await failed(current);
        if (earlier) return earlier;
        const login = await runLogin(request);
        const after = await request.read();
        if (login.ok && after && fresh(after)) {
          // Stryker disable next-line ConditionalExpression: equivalent, writing '' writes nothing
          if (login.output) request.io.err(login.output);
          await clearFailure(paths, profile);
          return { ok: true, entry: after };
        }
        const message = failureReason(login.problem, login.exitCode);
        const command = fixCommand(profile, login.problem);
        const at = now().getTime();
        await writeFailure(paths, profile, { at, until: at + renewal.backoffMs, message, command, key: keyFingerprint(current.AccessKeyId) });
        // The one line for this failure. Keys that are still valid are served: say until when.
        if (!isExpired(current, now())) {
          tellUser(request, `${TOOL}: could not renew the credentials of profile ${profile}: ${message}; the current keys stay in use until ${iso(Date.parse(current.Expiration!))}; next try after ${iso(at + renewal.backoffMs)}, or run \`${command}\`\n`);
        }
        return { ok: false, message, command };
      });
    } catch (error) {
      // The lock stayed taken past withFileLock's own wait: the holder is still renewing.
      if (!(error instanceof UserError)) throw error;
      const current = (await request.read()) ?? request.current;
      if (fresh(current)) return { ok: true, entry: current };
      const earlier = await failed(current);
      if (earlier) return earlier;
      if (now().getTime() > deadline) return { ok: false, message: `another renewal of profile ${profile} did not finish in time`, command: `${TOOL} login --profile ${profile}` };
    }
  }
}
