// Runs the ladder: asks `decide` for the next rung, runs it, classifies the result, and
// repeats until done or stopped. Every step is shown with its output as it happens.
import { output, type Runner } from '../platform/process.js';
import { compareVersions, parseVersion } from '../parsers/tool-version.js';
import { shellQuote } from '../ui/style.js';
import { classify } from './classify.js';
import { decide, isTolerated, repairStarted, rung, type Attempt, type Outcome, type RungId } from './ladder.js';
import type { Reporter } from './reporter.js';

export interface LadderInput {
  brew: string;
  /** Finds the duo-sso binary to check (it moves when brew reinstalls it). */
  duoSsoPath: () => Promise<string | undefined>;
  tapUrl: string;
  before: string | undefined;
  /** The version Homebrew offers, when it said. */
  target: string | undefined;
  /** duo-sso is not installed (an earlier repair stopped half-way): go straight to the repair ladder. */
  resume?: boolean;
}

export interface StepRecord {
  rung: RungId;
  /** As the user would type it. */
  command: string;
  exitCode: number | null;
  outcome: Outcome;
  /** Last lines of output, for the report. */
  output: string;
  note?: string;
}

export interface LadderResult {
  ok: boolean;
  steps: StepRecord[];
  version: string | undefined;
  failed?: StepRecord;
}

const TIMEOUTS: Partial<Record<RungId, number>> = { upgrade: 900_000, 'upgrade-qualified': 900_000, install: 900_000, update: 600_000, verify: 15_000 };
const MAX_STEPS = 20;

/** The argv a rung shows to the user (`brew …`, the URL filled in). */
export function displayArgv(id: RungId, tapUrl: string): string[] {
  return rung(id).argv.map((a) => (a === '{url}' ? tapUrl : a));
}

/** Whether the version now installed counts as upgraded. */
export function versionIsNew(found: string | undefined, before: string | undefined, target: string | undefined): boolean {
  if (!found) return false;
  if (target) return compareVersions(found, target) >= 0;
  if (before) return compareVersions(found, before) > 0;
  return true;
}

function tail(text: string, lines = 8): string {
  return text.split(/\r?\n/).filter((l) => l.trim()).slice(-lines).join('\n');
}

export async function runLadder(deps: { runner: Runner; reporter: Reporter }, input: LadderInput): Promise<LadderResult> {
  const history: Attempt[] = [];
  const steps: StepRecord[] = [];
  let version: string | undefined;
  for (let i = 0; i < MAX_STEPS; i++) {
    const decision = decide(history, input.resume ? 'uninstall' : 'tap-repair');
    if (decision.kind === 'done') return { ok: true, steps, version };
    if (decision.kind === 'stop') return { ok: false, steps, version, failed: steps.at(-1)! };
    const id = decision.rung;
    const shown = displayArgv(id, input.tapUrl);
    let record: StepRecord;
    if (id === 'verify') {
      const path = await input.duoSsoPath();
      const handle = await deps.reporter.step(rung(id).title, shellQuote([path ?? 'duo-sso', '--version']));
      const r = path
        ? await deps.runner.run(path, ['--version'], { timeoutMs: TIMEOUTS.verify, onLine: (l) => handle.line(l) })
        : undefined;
      version = r ? parseVersion(output(r)) : undefined;
      const ok = versionIsNew(version, input.before, input.target);
      const note = !path ? 'duo-sso not found after the upgrade'
        : !version ? `no version in: ${tail(output(r!), 1) || `exit ${r!.exitCode}`}`
          : ok ? `duo-sso ${version}` : `still duo-sso ${version}${input.target ? `, expected ${input.target}` : ''}`;
      record = { rung: id, command: shellQuote(shown), exitCode: r?.exitCode ?? null, outcome: ok ? 'ok' : 'failed', output: r ? tail(output(r)) : '', note };
      await handle.end(ok ? 'ok' : repairStarted(history) ? 'fail' : 'warn', ok || repairStarted(history) ? note : `${note}: trying the repair ladder`);
    } else {
      const [, ...args] = shown;
      const handle = await deps.reporter.step(rung(id).title, shellQuote(shown));
      const r = await deps.runner.run(input.brew, args, { timeoutMs: TIMEOUTS[id] ?? 300_000, mutates: rung(id).mutates, onLine: (l) => handle.line(l) });
      const outcome = classify(id, r);
      const leadsToRepair = outcome !== 'ok' && !repairStarted(history) && (() => {
        const next = decide([...history, { rung: id, outcome }]);
        return next.kind === 'run' && next.rung === 'uninstall';
      })();
      const note = leadsToRepair ? `failed (exit ${r.exitCode ?? (r.timedOut ? 'timed out' : r.spawnError)}): trying the repair ladder`
        : outcome === 'ok' ? undefined
        : outcome === 'no-formula' ? 'no available formula (stale index)'
          : outcome === 'untrusted' ? 'refused: tap not trusted'
            : isTolerated(id) ? `failed (exit ${r.exitCode ?? (r.timedOut ? 'timeout' : r.spawnError)}), continuing`
              : `failed (exit ${r.exitCode ?? (r.timedOut ? 'timed out' : r.spawnError)})`;
      record = { rung: id, command: shellQuote(shown), exitCode: r.exitCode, outcome, output: tail(output(r)), ...(note ? { note } : {}) };
      await handle.end(outcome === 'ok' ? 'ok' : outcome === 'failed' && !isTolerated(id) && !leadsToRepair ? 'fail' : 'warn', note);
    }
    steps.push(record);
    history.push({ rung: id, outcome: record.outcome });
  }
  return { ok: false, steps, version, failed: steps.at(-1) };
}
