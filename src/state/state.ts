// Our own memory (~/.config/duo-sso-setup/state.json): which profiles are production,
// durations that worked or failed, learned role maxima, where duo-sso's tap lives. Kept apart
// from duo-sso's config.json so duo-sso never sees keys it does not know.
import { lstat, rename } from 'node:fs/promises';
import { withFileLock } from '../fs/lock.js';
import { readOwnText } from '../fs/safe-read.js';
import { updateFile } from '../fs/safe-write.js';
import { parseJsonLimited } from '../parsers/json-depth.js';
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optional = (v: unknown, test: (x: unknown) => boolean): boolean => v === undefined || test(v);
const names = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const recordOf = (test: (x: Record<string, unknown>) => boolean) => (v: unknown): boolean => isObject(v) && Object.values(v).every((x) => isObject(x) && test(x));
const storeKind = (v: unknown): boolean => v === 'keychain' || v === 'pass';

/**
 * The type of every field we read, with what it should be (for the note). Keys not listed
 * (a newer version's, another module's) are kept as they are.
 */
const FIELDS: Record<string, { test: (v: unknown) => boolean; should: string }> = {
  version: { test: (v) => v === 1, should: 'the number 1' },
  productionProfiles: { test: names, should: 'a list of profile names' },
  storedProfiles: { test: names, should: 'a list of profile names' },
  durations: { test: recordOf((d) => optional(d.worked, isNumber) && optional(d.refused, isNumber) && optional(d.at, isString)), should: 'an object of {worked, refused, at} by profile' },
  roles: { test: recordOf((r) => optional(r.max, isNumber) && optional(r.below, isNumber) && optional(r.at, isString)), should: 'an object of {max, below, at} by role' },
  tapUrl: { test: isString, should: 'a URL string' },
  secretStore: { test: storeKind, should: '"keychain" or "pass"' },
  loginStore: { test: storeKind, should: '"keychain" or "pass"' },
  latestVersions: { test: recordOf((x) => isString(x.version) && isString(x.at)), should: 'an object of {version, at}' },
};

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 40));

export type StateRead =
  | { kind: 'missing' }
  | { kind: 'ok'; state: State }
  /** Not used at all (never half-used): `why` says what is wrong. */
  | { kind: 'damaged'; why: string };

/** Checks a state file's text field by field. Pure. */
export function parseState(text: string): StateRead {
  let value: unknown;
  try {
    value = parseJsonLimited(text);
  } catch (error) {
    return { kind: 'damaged', why: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(value)) return { kind: 'damaged', why: `it is ${kindOf(value)}, not an object` };
  for (const [key, field] of Object.entries(FIELDS)) {
    if (key in value && !field.test(value[key])) return { kind: 'damaged', why: `"${key}" is ${kindOf(value[key])}, not ${field.should}` };
  }
  return { kind: 'ok', state: { ...emptyState(), ...value, version: 1 } as State };
}

/** Reads state.json: never through a symlink, never from a pipe or device (those count as damaged). */
export async function readStateChecked(paths: Pick<Paths, 'stateFile'>): Promise<StateRead> {
  let text: string | undefined;
  try {
    text = await readOwnText(paths.stateFile, 'never');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'damaged', why: (error as { why?: string }).why ?? (code === 'EISDIR' ? 'it is a folder' : (error as Error).message) };
  }
  return text === undefined ? { kind: 'missing' } : parseState(text);
}

/** Never throws: a missing or damaged state file reads as empty (it is only what we learned). */
export async function readState(paths: Pick<Paths, 'stateFile'>): Promise<State> {
  const read = await readStateChecked(paths).catch(() => ({ kind: 'missing' }) as const);
  return read.kind === 'ok' ? read.state : emptyState();
}

/** Where a damaged state file is moved. */
export function damagedName(path: string, now: Date): string {
  return `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * A damaged state file (wrong types, not JSON, a symlink or pipe put in its place) is moved
 * aside, with a note on stderr, before a fresh one is written: neither half-used nor lost
 * (it may name the profiles whose keys are in the secret store). Renaming moves a symlink
 * itself, never its target. Under the state file's lock, so two runs move it once.
 */
async function moveAsideIfDamaged(path: string, now: Date): Promise<void> {
  if (!(await lstat(path).then(() => true, () => false))) return;
  await withFileLock(path, async () => {
    const read = await readStateChecked({ stateFile: path }).catch((error: Error) => ({ kind: 'damaged', why: error.message }) as const);
    if (read.kind !== 'damaged') return;
    const aside = damagedName(path, now);
    await rename(path, aside);
    process.stderr.write(`duo-sso-setup: note: ${path} was damaged (${read.why}); moved it to ${aside} and started a fresh one. It remembered production profiles and which profiles keep their keys in the secret store: compare it with \`duo-sso-setup status\`.\n`);
  });
}

/** Read-modify-write under the file lock; a damaged file is moved aside first (see above). */
export async function updateState(paths: Pick<Paths, 'stateFile'>, change: (state: State) => State, opts: { dryRun?: boolean; now?: () => Date } = {}): Promise<State> {
  if (!opts.dryRun) await moveAsideIfDamaged(paths.stateFile, (opts.now ?? (() => new Date()))());
  let result = emptyState();
  await updateFile(paths.stateFile, (current) => {
    const read = current === undefined ? ({ kind: 'missing' } as const) : parseState(current);
    result = change(read.kind === 'ok' ? read.state : emptyState());
    return `${JSON.stringify(result, null, 2)}\n`;
  }, { mode: 0o600, follow: 'never', backup: false, dryRun: opts.dryRun });
  return result;
}

export function roleKey(accountId: string, role: string): string {
  return `${accountId}:${role}`;
}
