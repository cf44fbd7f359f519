// One policy for Ctrl-C (and SIGTERM, SIGHUP) everywhere, at a question, during probes, during
// an install step: stop the whole command, stop the children we started (their whole process
// groups), remove our temporary files, print one line saying what was and was not changed, and
// exit 130 (143 for SIGTERM, 129 for SIGHUP).
//
// The command is stopped by unwinding, not by process.exit in the signal handler: exiting there
// would skip every `finally` (lock files, temporary files). So a signal only *marks* the run as
// interrupted and fires the hooks that make pending work end now: prompts are cancelled
// (ui/prompt.ts), child groups get SIGTERM then SIGKILL (process-group.ts), and anything that
// asks `throwIfInterrupted()` throws InterruptedError. main.ts turns that into the summary and
// the exit code. Work that never reaches such a point (a hung library call) is cut short by a
// watchdog; a second Ctrl-C exits at once. Both still run the synchronous 'exit' hooks, which
// kill the remaining groups.
// Node built-ins only: the credential-process fast path uses it too.
import { killAllGroups, stopAllGroups } from './process-group.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNAL_NUMBERS: Readonly<Record<StopSignal, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** How long unwinding may take after a signal before we exit anyway. */
export const WATCHDOG_MS = 4_000;

/** How long after a child's death by Ctrl-C our own SIGINT from the same key may arrive. */
const SAME_KEY_MS = 1_000;

export class InterruptedError extends Error {
  constructor(readonly signal: StopSignal = 'SIGINT') {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/** 130 for Ctrl-C, as shells report a command killed by signal N: 128 + N. */
export function exitCodeFor(signal: StopSignal): number {
  return 128 + SIGNAL_NUMBERS[signal];
}

// Shared through the global object, like process-group.ts's state: the bin entry (which
// installs the handlers) and the program are separate bundles with a copy of this module each.
interface InterruptState {
  received: StopSignal | undefined;
  hooks: Set<() => void>;
  changes: string[];
  /** Set once the handlers are installed: leaves without waiting for the command to unwind. */
  leaveNow: ((signal: StopSignal) => void) | undefined;
  /** A child of ours on the terminal was interrupted and printed its own summary line. */
  childReported: boolean;
  /** The one cancellation every step, check and wait of this run listens to. */
  controller: AbortController;
  /**
   * Until then a SIGINT is the same Ctrl-C that a child on the terminal died of, noticed first
   * through the child: not a second Ctrl-C (which would exit before the summary is printed).
   */
  sameKeyUntil?: number;
}
const state: InterruptState = ((globalThis as Record<symbol, unknown>)[Symbol.for('duo-sso-setup.interrupt')] ??= {
  received: undefined,
  hooks: new Set(),
  changes: [],
  leaveNow: undefined,
  childReported: false,
  controller: new AbortController(),
}) as InterruptState;
// A state made by an older copy of this module (the bin entry's) may lack the controller.
state.controller ??= new AbortController();
const { hooks, changes } = state;

/** The signal that interrupted this run, if one did. */
export function interrupted(): StopSignal | undefined {
  return state.received;
}

/**
 * The run's cancellation: aborted (with an InterruptedError as its reason) when the run is
 * interrupted. Steps and checks race their work against it, so nothing waits on work that was
 * stopped, and loops ask `signal.aborted` before starting the next piece.
 */
export function interruptSignal(): AbortSignal {
  return state.controller.signal;
}

/** Resolves (never rejects) when the run is interrupted; at once if it already was. */
export function whenInterrupted(): Promise<StopSignal> {
  const { controller } = state;
  // One listener per run however many checks wait (AbortSignal warns past ten).
  let waiting = interruptWaits.get(controller);
  if (!waiting) {
    waiting = controller.signal.aborted
      ? Promise.resolve(state.received ?? 'SIGINT')
      : new Promise((resolve) => controller.signal.addEventListener('abort', () => resolve(state.received ?? 'SIGINT'), { once: true }));
    interruptWaits.set(controller, waiting);
  }
  return waiting;
}
const interruptWaits = new WeakMap<AbortController, Promise<StopSignal>>();

export function throwIfInterrupted(): void {
  if (state.received) throw new InterruptedError(state.received);
}

/**
 * Runs `hook` when the run is interrupted (at once if it already was). Returns the function
 * that unregisters it: call it when the work it would stop has ended.
 */
export function onInterrupt(hook: () => void): () => void {
  if (state.received) {
    hook();
    return () => undefined;
  }
  hooks.add(hook);
  return () => void hooks.delete(hook);
}

/**
 * Marks the run as interrupted and stops what is pending. Idempotent: the first signal wins.
 * A Ctrl-C typed at a question arrives here too (the terminal is in raw mode then, so no
 * SIGINT is sent; the prompt reports the key).
 */
export function interrupt(signal: StopSignal = 'SIGINT', opts: { childReported?: boolean; fromChild?: boolean } = {}): void {
  if (state.received) return;
  state.received = signal;
  // The terminal sent the key's SIGINT to us too; it may arrive after the child's exit.
  if (opts.fromChild) state.sameKeyUntil = Date.now() + SAME_KEY_MS;
  state.childReported = Boolean(opts.childReported);
  stopAllGroups();
  state.controller.abort(new InterruptedError(signal));
  for (const hook of [...hooks]) {
    try {
      hook();
    } catch {
      // One hook failing must not keep the others from stopping their work.
    }
  }
  hooks.clear();
  const exitNow = state.leaveNow;
  if (exitNow) {
    const watchdog = setTimeout(() => exitNow(signal), WATCHDOG_MS);
    watchdog.unref?.();
  }
}

/** Notes a change this run has made (a file written, a command that changes the machine). */
export function recordChange(what: string): void {
  if (!changes.includes(what)) changes.push(what);
}

export function recordedChanges(): readonly string[] {
  return changes;
}

/**
 * The one line to print for this interrupted run, or undefined when a child of ours (a
 * command we ran on the terminal) has printed it already and we changed nothing ourselves.
 */
export function finalSummary(tool: string): string | undefined {
  const signal = state.received;
  if (!signal || (state.childReported && changes.length === 0)) return undefined;
  return summaryLine(tool, signal);
}

/** The one line printed when a run is interrupted: what changed and what did not. */
export function summaryLine(tool: string, signal: StopSignal, done: readonly string[] = changes): string {
  const what = signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`;
  if (done.length === 0) return `${tool}: ${what}; nothing was changed.`;
  const shown = done.length > 3 ? [...done.slice(0, 3), `${done.length - 3} more`] : done;
  return `${tool}: ${what}; changed before stopping: ${shown.join(', ')}; nothing else was changed.`;
}

/** Installs the signal handlers (once) for a run of `tool`. */
export function installInterruptHandlers(tool: string, write: (line: string) => void = (l) => void process.stderr.write(l)): void {
  if (state.leaveNow) return;
  state.leaveNow = (signal) => {
    killAllGroups();
    write(`${summaryLine(tool, signal)}\n`);
    process.exit(exitCodeFor(signal));
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) {
    process.on(signal, () => {
      if (state.received) {
        if (signal === 'SIGINT' && Date.now() < (state.sameKeyUntil ?? 0)) {
          state.sameKeyUntil = undefined;
          return;
        }
        // A second signal: no more waiting for the command to unwind.
        return state.leaveNow?.(state.received);
      }
      // The terminal echoed ^C where the cursor was: what we print next starts a line of its own.
      if (signal === 'SIGINT' && process.stderr.isTTY) write('\n');
      interrupt(signal);
    });
  }
}

/** For tests: forget a previous interruption. */
export function resetInterruptForTests(): void {
  state.received = undefined;
  state.childReported = false;
  state.sameKeyUntil = undefined;
  state.controller = new AbortController();
  hooks.clear();
  changes.length = 0;
}

/** An error that means "the run was interrupted", whichever copy of this module threw it. */
export function isInterruption(error: unknown): boolean {
  return error instanceof InterruptedError || (error instanceof Error && error.name === 'InterruptedError') || state.received !== undefined;
}
