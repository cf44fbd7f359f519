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
import { join } from 'node:path';
import { resolvePaths } from '../platform/paths.js';
import { selfArgv } from '../platform/self.js';
import { withFileLock } from '../fs/safe-write.js';
import { ownFileRefusal, readOwnTextSync, UnsafeFileError, writeOwnFileSync } from '../fs/safe-read.js';
import { UserError } from '../errors.js';
import type { RenewRequest, RenewResult } from './credential-process.js';
import type { StoredEntry } from './entry.js';
import { isDue } from './renew-settings.js';

const TOOL = 'duo-sso-setup';
/** How often the lock holder shows it is alive, so waiters never take its lock as stale. */
const HEARTBEAT_MS = 2_000;

/** The terminal the user sees, when there is one (the AWS CLI captures our stderr). */
function openTerminal(): number | undefined {
  try {
    return openSync('/dev/tty', 'r+');
  } catch {
    return undefined;
  }
}

interface LoginProblem {
  id?: string;
  message?: string;
  commands?: string[][];
}

/** One line for the AWS CLI's error message: what went wrong and the command to run. */
export function failureLine(profile: string, problem: LoginProblem | undefined, exitCode: number | null): string {
  // Login's own advice (e.g. --interactive for the first-run certificate), for this profile.
  const advice = problem?.commands?.find((c) => c[0] === TOOL && c[1] === 'login');
  const command = (advice ? (advice.includes('--profile') ? advice : [TOOL, 'login', '--profile', profile, ...advice.slice(2)]) : [TOOL, 'login', '--profile', profile]).join(' ');
  const why = problem?.message?.split('\n')[0] ?? (exitCode === null ? 'it did not finish in time (no Duo approval?)' : `login exited ${exitCode}`);
  return `could not renew the credentials of profile ${profile}: ${why}; run \`${command}\``;
}

/** Runs `duo-sso-setup login --profile P` and reads its JSON report. */
async function runLogin(request: RenewRequest): Promise<{ ok: boolean; problem?: LoginProblem; exitCode: number | null; output: string }> {
  const { profile, env, renewal } = request;
  const terminal = openTerminal();
  const [runtime, ...pre] = selfArgv();
  let output = '';
  try {
    const say = (text: string) => (terminal === undefined ? void (output += text) : void writeSync(terminal, text));
    say(`${TOOL}: the credentials of profile ${profile} are about to expire; logging in again (approve the Duo push)\n`);
    // deno-lint-ignore prefer-const -- assigned once, but read by signal handlers installed before spawn() returns.
    let child: ReturnType<typeof spawn> | undefined;
    const stopGroup = () => {
      try {
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
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (json += d));
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
      report = undefined;
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

/** Our files for one profile's renewal: its lock target (the lock is `${lock}.lock`) and the failure marker. */
export function renewFiles(stateDir: string, profile: string): { lock: string; failed: string } {
  // Encoded: whatever the name holds, the lock stays one file inside our folder.
  const lock = join(stateDir, `renew-${encodeURIComponent(profile)}`);
  return { lock, failed: `${lock}.failed` };
}

export async function renewCredentials(request: RenewRequest): Promise<RenewResult> {
  try {
    return await renew(request);
  } catch (error) {
    // A pipe, link or device planted at one of our files: refused by name, never waited on.
    if (error instanceof UnsafeFileError) return { ok: false, message: ownFileRefusal(error) };
    throw error;
  }
}

async function renew(request: RenewRequest): Promise<RenewResult> {
  const { profile, env, now, renewal } = request;
  const fresh = (e: StoredEntry | undefined): e is StoredEntry => e !== undefined && !isDue(e.Expiration, now(), renewal.refreshBeforeMs);
  const stateDir = resolvePaths(env).stateDir;
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const { lock: lockTarget, failed: failedFile } = renewFiles(stateDir, profile);
  // Waiters give up a little after the renewal itself would have.
  const started = Date.now();
  const deadline = started + renewal.timeoutMs + 30_000;
  // A renewal that failed while we waited (duo-sso needs a terminal, no approval) fails us too:
  // trying again would send one more Duo push per waiting call.
  // Read with a non-blocking, no-follow open (src/fs/safe-read.ts): a pipe planted here once
  // blocked this synchronous read for ever, with no way for SIGTERM's handler to run.
  const failedSince = (): string | undefined => {
    const text = readOwnTextSync(failedFile);
    if (text === undefined) return undefined;
    try {
      const f = JSON.parse(text) as { at?: number; message?: string };
      return typeof f.at === 'number' && f.at >= started && typeof f.message === 'string' ? f.message : undefined;
    } catch {
      return undefined;
    }
  };
  for (;;) {
    try {
      return await holding(lockTarget, async (): Promise<RenewResult> => {
        // Another caller may have renewed while we waited for the lock.
        const current = await request.read();
        if (fresh(current)) return { ok: true, entry: current };
        const failed = failedSince();
        if (failed) return { ok: false, message: failed };
        const login = await runLogin(request);
        const after = await request.read();
        if (login.ok && fresh(after)) {
          if (login.output) request.io.err(login.output);
          return { ok: true, entry: after };
        }
        const message = failureLine(profile, login.problem, login.exitCode);
        writeOwnFileSync(failedFile, JSON.stringify({ at: Date.now(), message }), 0o600);
        return { ok: false, message };
      });
    } catch (error) {
      // The lock stayed taken past withFileLock's own wait: the holder is still renewing.
      if (!(error instanceof UserError)) throw error;
      const current = await request.read();
      if (fresh(current)) return { ok: true, entry: current };
      const failed = failedSince();
      if (failed) return { ok: false, message: failed };
      if (Date.now() > deadline) return { ok: false, message: `another renewal of profile ${profile} did not finish in time; run \`${TOOL} login --profile ${profile}\`` };
    }
  }
}
