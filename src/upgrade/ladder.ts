// The guide's Homebrew upgrade and repair procedure as data: ordered rungs, each one
// command, and one pure function that picks the next rung from what has happened so far.
// The executor (run-ladder.ts) only runs what `decide` says; every path through the
// ladder is therefore testable without running anything.
import { FORMULA, QUALIFIED_FORMULA, TAP } from '../brew/names.js';

export type RungId =
  | 'tap-repair' | 'upgrade' | 'upgrade-qualified' | 'update' | 'verify'
  | 'uninstall' | 'untap' | 'cleanup' | 'tap' | 'install';

/** What a rung's result means for the ladder. */
export type Outcome =
  | 'ok'
  /** "No available formula": the local tap index is stale. */
  | 'no-formula'
  /** Homebrew 6 refused an untrusted third-party tap. */
  | 'untrusted'
  | 'failed';

export type Phase = 'upgrade' | 'repair' | 'when-needed';

export interface Rung {
  id: RungId;
  phase: Phase;
  /** What the step does, in the user's words. */
  title: string;
  /** `brew` and `duo-sso` are resolved to full paths when run; `{url}` to the tap URL. */
  argv: readonly string[];
  /** Changes the machine (recorded, not run, in --dry-run). */
  mutates: boolean;
  /** For conditional rungs: when they run. */
  when?: string;
}

/** In the order the guide gives them; `when-needed` rungs are reached only from `decide`. */
export const RUNGS: readonly Rung[] = [
  { id: 'tap-repair', phase: 'upgrade', title: 'Repair the tap', argv: ['brew', 'tap', '--repair', TAP], mutates: true },
  { id: 'upgrade', phase: 'upgrade', title: 'Upgrade duo-sso', argv: ['brew', 'upgrade', FORMULA], mutates: true },
  { id: 'verify', phase: 'upgrade', title: 'Check the new version', argv: ['duo-sso', '--version'], mutates: false },
  { id: 'uninstall', phase: 'repair', title: 'Uninstall duo-sso', argv: ['brew', 'uninstall', FORMULA], mutates: true },
  { id: 'untap', phase: 'repair', title: 'Remove the tap', argv: ['brew', 'untap', TAP], mutates: true },
  { id: 'cleanup', phase: 'repair', title: 'Clean up Homebrew', argv: ['brew', 'cleanup'], mutates: true },
  { id: 'tap', phase: 'repair', title: 'Tap again from its URL', argv: ['brew', 'tap', TAP, '{url}'], mutates: true },
  { id: 'install', phase: 'repair', title: 'Install duo-sso by its full name', argv: ['brew', 'install', QUALIFIED_FORMULA], mutates: true },
  { id: 'update', phase: 'when-needed', title: 'Update the formula index', argv: ['brew', 'update'], mutates: true, when: '"No available formula": the tap index is stale; then the step is retried once' },
  { id: 'upgrade-qualified', phase: 'when-needed', title: 'Upgrade by the full name (tap trust)', argv: ['brew', 'upgrade', QUALIFIED_FORMULA], mutates: true, when: 'Homebrew refuses the tap as untrusted' },
];

export function rung(id: RungId): Rung {
  const found = RUNGS.find((r) => r.id === id);
  if (!found) throw new Error(`no rung ${id}`);
  return found;
}

export interface Attempt {
  rung: RungId;
  outcome: Outcome;
}

export type Decision =
  | { kind: 'run'; rung: RungId }
  | { kind: 'done' }
  /** The ladder cannot go on: `failed` is the attempt that ended it. */
  | { kind: 'stop'; failed: Attempt };

/** Rungs whose failure does not end the ladder: the guide goes on regardless. */
const TOLERATED: ReadonlySet<RungId> = new Set(['tap-repair', 'cleanup']);

export function repairStarted(history: readonly Attempt[]): boolean {
  return history.some((a) => a.rung === 'uninstall');
}

/** Whether `rung` already got its one `brew update` + retry. */
function alreadyUpdatedFor(history: readonly Attempt[], id: RungId): boolean {
  return history.some((a, i) => a.rung === id && a.outcome === 'no-formula' && history[i + 1]?.rung === 'update');
}

/** The repair ladder starts from the top, or the run stops if it is already under way. */
function repairOrStop(history: readonly Attempt[], last: Attempt): Decision {
  return repairStarted(history) ? { kind: 'stop', failed: last } : { kind: 'run', rung: 'uninstall' };
}

/**
 * `start` is where an empty history begins: the top of the guide's procedure, or the top
 * of the repair ladder when duo-sso is already gone (a rerun after a repair that stopped).
 */
export function decide(history: readonly Attempt[], start: 'tap-repair' | 'uninstall' = 'tap-repair'): Decision {
  const last = history.at(-1);
  if (!last) return { kind: 'run', rung: start };
  const { rung: id, outcome } = last;
  const run = (r: RungId): Decision => ({ kind: 'run', rung: r });

  if (outcome === 'no-formula' && id !== 'update') {
    if (!alreadyUpdatedFor(history, id)) return run('update');
    return id === 'install' ? { kind: 'stop', failed: last } : repairOrStop(history, last);
  }
  switch (id) {
    case 'tap-repair':
      return run('upgrade');
    case 'upgrade':
    case 'upgrade-qualified':
      if (outcome === 'ok') return run('verify');
      if (outcome === 'untrusted' && id === 'upgrade') return run('upgrade-qualified');
      return repairOrStop(history, last);
    case 'update': {
      if (outcome !== 'ok') return repairOrStop(history, last);
      // Retry the step that asked for the update.
      const before = history.at(-2);
      return before ? run(before.rung) : run('tap-repair');
    }
    case 'verify':
      if (outcome === 'ok') return { kind: 'done' };
      return repairOrStop(history, last);
    case 'uninstall':
      return outcome === 'ok' ? run('untap') : { kind: 'stop', failed: last };
    case 'untap':
      return outcome === 'ok' ? run('cleanup') : { kind: 'stop', failed: last };
    case 'cleanup':
      return run('tap');
    case 'tap':
      return outcome === 'ok' ? run('install') : { kind: 'stop', failed: last };
    case 'install':
      return outcome === 'ok' ? run('verify') : { kind: 'stop', failed: last };
  }
}

export function isTolerated(id: RungId): boolean {
  return TOLERATED.has(id);
}
