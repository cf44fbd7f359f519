// The one place that starts subprocesses. Argument arrays only (no shell), always a
// timeout, never throws on a non-zero exit, and a dry-run mode that records commands
// which change the machine instead of running them.
import type { Options } from 'execa';
import { interrupt, interrupted, onInterrupt, recordChange, throwIfInterrupted } from './interrupt.js';
import { stopHelpersOf } from './after-interrupt.js';
import { KILL_GRACE_MS, signalGroup, terminateGroup, trackGroup } from './process-group.js';

export interface RunOptions {
  /** Milliseconds before the process is killed; defaults to 10 s. */
  timeoutMs?: number;
  /** Extra variables layered over the runner's environment. */
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  /** Attach the user's terminal (for Duo prompts, pinentry, sudo). Output is not captured. */
  interactive?: boolean;
  /** Called with each line of stdout/stderr as it arrives (login reads duo-sso's progress). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** With `interactive` and `onLine`: also copy the output to our stderr (default true). */
  echo?: boolean;
  /**
   * With `onLine`: called with the unfinished last line once its stream has been quiet for
   * PARTIAL_IDLE_MS (a prompt waiting for an answer would otherwise stay unseen until its
   * newline). The whole line still reaches `onLine` when it ends.
   */
  onPartial?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** The command changes the machine: in dry-run mode it is recorded, not run. */
  mutates?: boolean;
}

export interface RunResult {
  argv: readonly string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The program could not be started (not found, not executable). */
  spawnError?: string;
  /** Recorded in dry-run mode, not run. */
  dryRun?: boolean;
  /**
   * Not run: the same program timed out earlier in this run, so it hangs (a stuck agent, a
   * lock, a dead network mount); asking it again would only add another wait. `timedOut` too.
   */
  hung?: boolean;
}

export interface Runner {
  run(file: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Commands recorded instead of run (dry-run mode). */
  readonly recorded: readonly (readonly string[])[];
  readonly dryRun: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const PARTIAL_IDLE_MS = 150;

/** Why a program could not be started, by the error code the OS gave. */
const SPAWN_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'not found',
  EACCES: 'permission denied (not executable?)',
  ENOEXEC: 'cannot execute (bad binary format)',
};

export function succeeded(result: RunResult): boolean {
  return result.exitCode === 0 && !result.timedOut && result.spawnError === undefined;
}

/** Both streams, trimmed: many tools (aws v1, gpg) print what we parse on stderr. */
export function output(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}`.trim();
}

/** One line describing why a command failed, for reports. */
export function describeFailure(result: RunResult): string {
  const cmd = result.argv.join(' ');
  if (result.spawnError) return `${cmd}: ${result.spawnError}`;
  if (result.hung) return `${cmd}: hangs (it timed out earlier in this run, so it was not asked again)`;
  if (result.timedOut) return `${cmd}: timed out`;
  const lines = output(result).split('\n').filter(Boolean);
  // Tools often print a hint after the error itself ("error: X" then "Run Y"): quote the error.
  const said = lines.findLast((l) => /\berror\b|^E: |fatal/i.test(l)) ?? lines.at(-1);
  return `${cmd} exited ${result.exitCode}${said ? `: ${said}` : ''}`;
}

/**
 * Programs that timed out in this run (one process is one run). Every runner of the run shares
 * it: setup makes a second Context after an install, and the doctor's checks share one runner.
 */
const timedOutPrograms = new Set<string>();

/** The programs that timed out in this run, in the order they did. */
export function hungPrograms(): string[] {
  return [...timedOutPrograms];
}

/** For tests: forget the programs that hung. */
export function forgetHungProgramsForTests(): void {
  timedOutPrograms.clear();
}

export function createRunner(opts: { env: Record<string, string | undefined>; dryRun?: boolean }): Runner {
  const recorded: string[][] = [];
  const dryRun = opts.dryRun ?? false;
  return {
    recorded,
    dryRun,
    async run(file, args, options = {}) {
      const argv = [file, ...args];
      if (dryRun && options.mutates) {
        recorded.push(argv);
        return { argv, exitCode: 0, stdout: '', stderr: '', timedOut: false, dryRun: true };
      }
      throwIfInterrupted();
      // A program that hung once is not asked again: the waits of a run do not add up.
      if (timedOutPrograms.has(file)) return { argv, exitCode: null, stdout: '', stderr: '', timedOut: true, hung: true };
      // execa is loaded on first use so that --help and --version never pay for it.
      const { execa } = await import('execa');
      const env = { ...opts.env, ...options.env };
      const stdin = options.input !== undefined ? {} : { stdin: options.interactive ? ('inherit' as const) : ('ignore' as const) };
      const stdio = options.interactive
        ? { stdout: options.onLine ? ('pipe' as const) : ('inherit' as const), stderr: options.onLine ? ('pipe' as const) : ('inherit' as const) }
        : {};
      // A group of its own (process-group.ts), except for a child that talks to the user's
      // terminal: only the terminal's foreground group may read it (a background reader is
      // stopped by SIGTTIN), and Node cannot hand the foreground to another group. Such a
      // child shares our group, so the terminal's Ctrl-C reaches it as it reaches us.
      const ownGroup = !(options.interactive && options.input === undefined && process.stdin.isTTY);
      const execaOptions: Options = {
        env: env as Record<string, string>,
        extendEnv: false,
        reject: false,
        stripFinalNewline: false,
        windowsHide: true,
        detached: ownGroup,
        // We kill on timeout ourselves (the whole group); execa's cleanup skips detached children anyway.
        cleanup: false,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        ...(options.input !== undefined ? { input: options.input } : {}),
        ...stdin,
        ...stdio,
      };
      const child = execa(file, args, execaOptions);
      const ended = stopWhenDone(child, ownGroup, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      if (options.onLine) forwardLines(child, options.onLine, Boolean(options.interactive) && options.echo !== false, options.onPartial);
      const r = (await child) as unknown as {
        exitCode?: number; stdout?: unknown; stderr?: unknown; code?: string; failed?: boolean; originalMessage?: string; signal?: string;
      };
      const { timedOut } = ended();
      // A child on the user's terminal may wait for the user, not hang: only our own timeouts count.
      if (timedOut && !options.interactive) timedOutPrograms.add(file);
      // A child on the user's terminal that ended by Ctrl-C (its own question answered with
      // Ctrl-C exits 130; a SIGINT from the terminal kills it): the user stopped the run, not
      // just that child.
      // One of ours (our own CLI) exits 130 after printing its own summary line.
      const childReported = !ownGroup && r.exitCode === 130;
      if (!ownGroup && (childReported || r.signal === 'SIGINT')) interrupt('SIGINT', { childReported, fromChild: true });
      // Stopped because the run was interrupted: its result means nothing; the caller unwinds.
      // A command that changes the machine may have changed part of it: the summary says so.
      if (interrupted() && options.mutates && !childReported) recordChange(`started ${argv.join(' ')} (stopped before it finished)`);
      if (interrupted()) await stopHelpersOf(file, env);
      throwIfInterrupted();
      if (options.mutates) recordChange(`ran ${argv.join(' ')}`);
      const spawnError = (r.code ? SPAWN_ERRORS[r.code] : undefined)
        ?? (r.exitCode === undefined && !timedOut && r.failed && !r.signal ? (r.originalMessage ?? 'could not start') : undefined);
      return {
        argv,
        exitCode: typeof r.exitCode === 'number' ? r.exitCode : null,
        stdout: typeof r.stdout === 'string' ? r.stdout : '',
        stderr: typeof r.stderr === 'string' ? r.stderr : '',
        timedOut,
        ...(spawnError ? { spawnError } : {}),
      };
    },
  };
}

/** After the child exits, how long its pipes may stay open (held by something it started). */
export const PIPE_LINGER_MS = 500;

interface Stoppable {
  pid?: number | undefined;
  stdout?: { destroy(): void } | null;
  stderr?: { destroy(): void } | null;
  on(event: 'exit', listener: () => void): unknown;
}

/**
 * Stops `child` (its whole group when it has one) on timeout or interruption, and stops
 * waiting for its pipes when something it left behind holds them: after the child has exited,
 * or after the group got SIGKILL, the pipes get PIPE_LINGER_MS to close, then we close our ends.
 * Returns a function to call once the child's promise settled.
 */
function stopWhenDone(child: Stoppable, ownGroup: boolean, timeoutMs: number): () => { timedOut: boolean } {
  const pid = child.pid;
  let timedOut = false;
  if (pid === undefined) return () => ({ timedOut });
  const group = ownGroup ? trackGroup(pid) : undefined;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const later = (ms: number, fn: () => void) => timers.push(setTimeout(fn, ms));
  const closePipes = () => {
    child.stdout?.destroy();
    child.stderr?.destroy();
  };
  const stop = () => {
    if (ownGroup) terminateGroup(pid);
    else signalGroup(pid, 'SIGTERM');
    if (!ownGroup) later(KILL_GRACE_MS, () => signalGroup(pid, 'SIGKILL'));
    later(KILL_GRACE_MS + PIPE_LINGER_MS, closePipes);
  };
  later(timeoutMs, () => {
    timedOut = true;
    stop();
  });
  // interrupt() already signals every tracked group; this covers a child in our own group.
  const unhook = onInterrupt(() => {
    if (!ownGroup) stop();
    else later(KILL_GRACE_MS + PIPE_LINGER_MS, closePipes);
  });
  child.on('exit', () => {
    later(PIPE_LINGER_MS, () => {
      // Something the child started still holds the pipes: it belongs to the child's group.
      if (ownGroup) terminateGroup(pid);
      closePipes();
    });
  });
  return () => {
    for (const t of timers) clearTimeout(t);
    unhook();
    group?.release();
    return { timedOut };
  };
}

function forwardLines(
  child: { stdout?: NodeJS.ReadableStream | null; stderr?: NodeJS.ReadableStream | null },
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
  echo: boolean,
  onPartial?: (text: string, stream: 'stdout' | 'stderr') => void,
): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (!source) continue;
    let buffered = '';
    let idle: ReturnType<typeof setTimeout> | undefined;
    source.setEncoding?.('utf8');
    source.on('data', (chunk: string) => {
      // A subprocess's output is progress to us: on stderr, so stdout keeps only our result (--json).
      if (echo) process.stderr.write(chunk);
      buffered += chunk;
      const lines = buffered.split(/\r?\n/);
      buffered = lines.pop() ?? '';
      for (const line of lines) onLine(line, stream);
      if (idle) clearTimeout(idle);
      idle = onPartial && buffered ? setTimeout(() => buffered && onPartial(buffered, stream), PARTIAL_IDLE_MS) : undefined;
    });
    source.on('end', () => {
      if (idle) clearTimeout(idle);
      if (buffered) onLine(buffered, stream);
      buffered = '';
    });
  }
}
