// The imperative shell around fixText: reads what we know from state.json, then edits
// config.json in place under the file lock with a backup. `config fix` and the doctor's
// session-duration and profiles checks (their in-process Check.fix) both call this.
import type { Paths } from '../platform/paths.js';
import { updateFile } from '../fs/safe-write.js';
import { readState, type State } from '../state/state.js';
import type { Finding } from './findings.js';
import { fixText, type FixOutcome } from './fix.js';
import type { PolicyContext } from './validate.js';
import { readConfig } from './read-config.js';
import { capsOf, type OrgPolicy } from '../policy/policy.js';
import { appliedPolicy, readPolicy } from '../policy/read.js';

export function policyFromState(state: State): PolicyContext {
  const roleMaxima: Record<string, number> = {};
  for (const [key, memory] of Object.entries(state.roles ?? {})) {
    if (typeof memory?.max === 'number') roleMaxima[key] = memory.max;
  }
  const refused: Record<string, number> = {};
  for (const [profile, memory] of Object.entries(state.durations ?? {})) {
    if (typeof memory?.refused === 'number' && Number.isFinite(memory.refused)) refused[profile] = memory.refused;
  }
  return { production: state.productionProfiles, roleMaxima, refused };
}

/** What the organisation policy adds: production accounts and the session caps. */
export function policyFromOrg(org: OrgPolicy | undefined): PolicyContext {
  if (!org) return {};
  return {
    ...(org.productionAccounts ? { productionAccounts: org.productionAccounts } : {}),
    ...(org.maxSessionSeconds ? { caps: capsOf(org) } : {}),
  };
}

export async function loadPolicy(paths: Pick<Paths, 'stateFile' | 'policyFile'>): Promise<PolicyContext> {
  const [state, org] = await Promise.all([readState(paths), readPolicy(paths)]);
  return { ...policyFromState(state), ...policyFromOrg(appliedPolicy(org)) };
}

export type ApplyFixResult =
  | { kind: 'missing'; path: string }
  | { kind: 'unreadable'; path: string; reason: string }
  | (Extract<FixOutcome, { kind: 'unparseable' }> & { path: string })
  | (Extract<FixOutcome, { kind: 'fixed' }> & { path: string; backup: string | undefined; dryRun: boolean; before: string });

/**
 * Applies the automatic fixes accepted by `include` to the config file. The decision is
 * made on the content read under the lock, so a concurrent edit is never overwritten
 * with a stale repair; a file that does not parse is left byte-for-byte as it is.
 */
export async function applyConfigFix(
  opts: { paths: Pick<Paths, 'duoConfig' | 'stateFile' | 'policyFile'>; dryRun: boolean; now?: () => Date },
  include: (f: Finding) => boolean = () => true,
): Promise<ApplyFixResult> {
  const path = opts.paths.duoConfig;
  const read = await readConfig(path);
  if (read.kind === 'missing' || read.kind === 'unreadable') return read;
  const policy = await loadPolicy(opts.paths);
  let outcome: FixOutcome | undefined;
  let notUtf8 = false;
  let before = '';
  const written = await updateFile(path, (current) => {
    if (current === undefined) return undefined;
    // Not UTF-8 (decoded with replacement characters): rewriting would destroy those bytes.
    if (current.includes('\uFFFD')) {
      notUtf8 = true;
      return undefined;
    }
    before = current;
    outcome = fixText(current, policy, include, path);
    return outcome.kind === 'fixed' && outcome.changed ? outcome.text : undefined;
  }, { mode: 0o600, follow: 'never', dryRun: opts.dryRun, ...(opts.now ? { now: opts.now } : {}) });
  if (notUtf8) return { kind: 'unreadable', path, reason: 'it is not UTF-8 text (saved in another encoding?)' };
  if (!outcome) return { kind: 'missing', path };
  if (outcome.kind === 'unparseable') return { ...outcome, path };
  return { ...outcome, path, backup: written.backup, dryRun: opts.dryRun, before };
}
