// Our own memory (~/.config/duo-sso-setup/state.json): which profiles are production,
// durations that worked or failed, learned role maxima, where duo-sso's tap lives. Kept apart
// from duo-sso's config.json so duo-sso never sees keys it does not know.
import { readFile } from 'node:fs/promises';
import { updateFile } from '../fs/safe-write.js';
import type { Paths } from '../platform/paths.js';

export interface DurationMemory {
  /** Longest duration (seconds) that STS accepted for this profile. */
  worked?: number;
  /** Shortest duration STS refused with the MaxSessionDuration ValidationError. */
  refused?: number;
  at: string;
}

export interface RoleMemory {
  /** The role's MaxSessionDuration, when read with iam:GetRole. */
  max?: number;
  /** Known to be below this (from a refusal). */
  below?: number;
  at: string;
}

export interface State {
  version: 1;
  productionProfiles: string[];
  /** By profile name. */
  durations: Record<string, DurationMemory>;
  /** By "ACCOUNT:ROLE". */
  roles: Record<string, RoleMemory>;
  tapUrl?: string;
  secretStore?: 'keychain' | 'pass';
  /** Where `login` moves new keys by default: the last `login --store` (forgotten by --no-store). */
  loginStore?: 'keychain' | 'pass';
  /** Profiles whose secrets live in the secret store (credential_process). */
  storedProfiles?: string[];
  [extra: string]: unknown;
}

export function emptyState(): State {
  return { version: 1, productionProfiles: [], durations: {}, roles: {} };
}

function normalise(value: unknown): State {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return emptyState();
  const v = value as Partial<State>;
  return {
    ...v,
    version: 1,
    productionProfiles: Array.isArray(v.productionProfiles) ? v.productionProfiles.filter((x) => typeof x === 'string') : [],
    durations: typeof v.durations === 'object' && v.durations !== null ? v.durations : {},
    roles: typeof v.roles === 'object' && v.roles !== null ? v.roles : {},
  };
}

/** Never throws: a missing or damaged state file reads as empty (it is only a cache of what we learned). */
export async function readState(paths: Pick<Paths, 'stateFile'>): Promise<State> {
  try {
    return normalise(JSON.parse(await readFile(paths.stateFile, 'utf8')));
  } catch {
    return emptyState();
  }
}

/** A state file that exists but is not a JSON object (a hand edit gone wrong). */
async function isDamaged(path: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return false;
  }
  try {
    const v: unknown = JSON.parse(text);
    return typeof v !== 'object' || v === null || Array.isArray(v);
  } catch {
    return true;
  }
}

/**
 * Read-modify-write under the file lock. A damaged file is read as empty and replaced, so it is
 * backed up first (which profiles were production, which store holds migrated keys).
 */
export async function updateState(paths: Pick<Paths, 'stateFile'>, change: (state: State) => State, opts: { dryRun?: boolean } = {}): Promise<State> {
  const damaged = await isDamaged(paths.stateFile);
  let result = emptyState();
  await updateFile(paths.stateFile, (current) => {
    let parsed: unknown;
    try {
      parsed = current === undefined ? undefined : JSON.parse(current);
    } catch {
      parsed = undefined;
    }
    result = change(normalise(parsed));
    return `${JSON.stringify(result, null, 2)}\n`;
  }, { mode: 0o600, backup: damaged, dryRun: opts.dryRun });
  return result;
}

export function roleKey(accountId: string, role: string): string {
  return `${accountId}:${role}`;
}
