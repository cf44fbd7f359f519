// Runs the command of `exec` as the user's own: the terminal as is, no timeout, signals passed
// on, its exit code ours. Not the Runner (src/platform/process.ts): that one captures output and
// always has a timeout, which a `terraform apply` or an interactive shell must not have.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Signals a user or a supervisor sends to us that the child should get. */
const FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH'];

/**
 * Ctrl-C and Ctrl-\ at a terminal reach the whole foreground process group, the child
 * included: passing them on too would make it see two, and to many programs (terraform, a
 * second Ctrl-C) the second one means "stop at once, without cleaning up".
 */
export function shouldForward(signal: NodeJS.Signals, fromTerminal: boolean): boolean {
  return !(fromTerminal && (signal === 'SIGINT' || signal === 'SIGQUIT'));
}

/** The shell's convention for a child that died of a signal: 128 + its number. */
export function exitCodeFor(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n = signal ? constants.signals[signal] : undefined;
  return n === undefined ? 1 : 128 + n;
}

/** `notFound`: no such file (ENOENT), the shells' 127; anything else that stopped it starting is their 126. */
export type ChildOutcome = { ok: true; exitCode: number } | { ok: false; reason: string; notFound: boolean };

export function runChild(file: string, args: readonly string[], env: Record<string, string>, opts: { stdinIsTTY: boolean }): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    // deno-lint-ignore prefer-const -- assigned once, but read by signal handlers installed before spawn() returns.
    let child: ReturnType<typeof spawn> | undefined;
    const handlers = new Map<NodeJS.Signals, () => void>();
    // While the command runs, a signal is the command's to answer (exec exits with its code):
    // our own interrupt policy (platform/interrupt.ts: SIGINT, SIGTERM, SIGHUP end us with 128+N)
    // steps aside until it has finished.
    const OURS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const previous = new Map(OURS.map((s) => [s, process.listeners(s)] as const));
    for (const s of OURS) process.removeAllListeners(s);
    // Before the child starts: a signal that came while spawn() returned would otherwise end us
    // by default and leave the child running on its own.
    for (const signal of FORWARDED) {
      const handler = () => {
        if (shouldForward(signal, opts.stdinIsTTY)) child?.kill(signal);
      };
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    child = spawn(file, args, { env, stdio: 'inherit' });
    let settled = false;
    const done = (outcome: ChildOutcome) => {
      if (settled) return;
      settled = true;
      for (const [signal, handler] of handlers) process.off(signal, handler);
      for (const [s, listeners] of previous) for (const l of listeners) process.on(s, l as () => void);
      resolve(outcome);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done({ ok: false, notFound: error.code === 'ENOENT', reason: error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'permission denied (not executable?)' : error.message });
    });
    child.on('exit', (code, signal) => done({ ok: true, exitCode: exitCodeFor(code, signal) }));
  });
}
