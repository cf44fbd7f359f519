// Children run in process groups of their own (spawn's `detached`), so that stopping one
// stops what it started too: `pass` is a shell script around gpg, `brew` and `aws` are
// wrappers, and killing only the direct child left the grandchild running, holding the pipes
// we were reading. The price of a group of its own is that the terminal's Ctrl-C no longer
// reaches the child: we must pass it on, which interrupt.ts does through stopAllGroups().
// Node built-ins only: the credential-process fast path uses this too.

/** How long a group gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 1_000;

// Shared through the global object, not module state: the bin entry, the program and the
// credential-process bundle each carry their own copy of this module, and one signal handler
// must see the groups every copy started.
interface GroupState {
  live: Set<number>;
  /** Groups sent SIGTERM and not yet SIGKILL. */
  dying: Set<number>;
  exitHookInstalled: boolean;
}
const state: GroupState = ((globalThis as Record<symbol, unknown>)[Symbol.for('duo-sso-setup.process-groups')] ??= {
  live: new Set<number>(),
  dying: new Set<number>(),
  exitHookInstalled: false,
}) as GroupState;
const { live, dying } = state;

/** Sends `signal` to the whole group led by `pid`; a group that is gone already is fine. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Not a group leader (a child started without `detached`): the process alone.
    try {
      process.kill(pid, signal);
    } catch {
      // Gone already.
    }
  }
}

/**
 * Remembers a group we started until `release()`. Whatever way this process ends (a normal
 * exit, process.exit in a handler, an uncaught error), the groups still alive then get SIGKILL:
 * the 'exit' event is synchronous and process.kill is too, so nothing can skip it but kill -9.
 * (Groups being terminated get their SIGKILL then too.)
 */
export function trackGroup(pid: number): { release(): void } {
  live.add(pid);
  if (!state.exitHookInstalled) {
    state.exitHookInstalled = true;
    process.on('exit', () => {
      for (const p of new Set([...live, ...dying])) signalGroup(p, 'SIGKILL');
    });
  }
  return { release: () => void live.delete(pid) };
}

/**
 * SIGTERM now, SIGKILL after the grace period. The SIGKILL goes to the group whatever its
 * leader did: a leader that exits at once on SIGTERM may leave members that ignore it. If we
 * exit before the grace period ends, the exit hook sends the SIGKILL instead.
 */
export function terminateGroup(pid: number, graceMs = KILL_GRACE_MS): void {
  signalGroup(pid, 'SIGTERM');
  dying.add(pid);
  const timer = setTimeout(() => {
    dying.delete(pid);
    signalGroup(pid, 'SIGKILL');
  }, graceMs);
  timer.unref?.();
}

/** Every group still running: SIGTERM, then SIGKILL (used on Ctrl-C and SIGTERM to us). */
export function stopAllGroups(graceMs = KILL_GRACE_MS): void {
  for (const pid of live) terminateGroup(pid, graceMs);
}

/** Every group still running gets SIGKILL now (a second Ctrl-C: no more waiting). */
export function killAllGroups(): void {
  for (const pid of live) signalGroup(pid, 'SIGKILL');
}

export function liveGroups(): readonly number[] {
  return [...live];
}
