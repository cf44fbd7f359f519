// "What is the newest version?" asks the network (npm registry, the release page). `upgrade`
// always asks afresh; the doctor's updates check reuses an answer for a day, as gh and
// Homebrew do, so a routine diagnosis neither waits on the network nor depends on it.
import { readState, updateState } from '../state/state.js';
import type { Paths } from '../platform/paths.js';

/** How a newest-version lookup is made: directly, or through a cache. */
export type LatestLookup = (key: string, fetch: () => Promise<string | undefined>) => Promise<string | undefined>;

export const fetchDirectly: LatestLookup = (_key, fetch) => fetch();

export const LATEST_TTL_MS = 24 * 60 * 60 * 1000;
const STATE_KEY = 'latestVersions';

type Remembered = Record<string, { version: string; at: string }>;

export function cachedLatest(paths: Pick<Paths, 'stateFile'>, now: () => Date, opts: { ttlMs?: number; dryRun?: boolean } = {}): LatestLookup {
  const ttlMs = opts.ttlMs ?? LATEST_TTL_MS;
  return async (key, fetch) => {
    const remembered = ((await readState(paths))[STATE_KEY] ?? {}) as Remembered;
    const hit = remembered[key];
    if (hit && now().getTime() - Date.parse(hit.at) < ttlMs) return hit.version;
    const version = await fetch();
    // Only answers are remembered: a failed lookup is tried again next time.
    if (version && !opts.dryRun) {
      await updateState(paths, (s) => ({ ...s, [STATE_KEY]: { ...((s[STATE_KEY] ?? {}) as Remembered), [key]: { version, at: now().toISOString() } } }))
        .catch(() => undefined);
    }
    return version;
  };
}
