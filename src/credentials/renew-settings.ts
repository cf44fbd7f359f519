// Whether credential-process renews a profile's stored credentials before they run out, and
// how early: in our state.json under `renewal` (no secrets). Pure, and free of imports: the
// credential-process fast path reads it on every AWS CLI call.
//   "renewal": { "profiles": { "eticloud": true }, "refreshBeforeSeconds": 900, "backoffSeconds": 600, "off": false }

/** botocore refreshes credentials that have 15 minutes left (10 minutes at the latest). */
export const DEFAULT_REFRESH_BEFORE_SECONDS = 15 * 60;
/** How long one renewal may take: a Duo push waits about a minute for its approval. */
export const DEFAULT_RENEW_TIMEOUT_SECONDS = 120;
/** After a failed renewal, no duo-sso run for this long (a Duo push per AWS call otherwise). */
export const DEFAULT_RENEW_BACKOFF_SECONDS = 600;

export interface RenewalSettings {
  /** Profiles renewal is on (true) or explicitly off (false) for. */
  profiles?: Record<string, boolean>;
  refreshBeforeSeconds?: number;
  timeoutSeconds?: number;
  backoffSeconds?: number;
  /** The off switch for every profile. */
  off?: boolean;
}

export interface ProfileRenewal {
  enabled: boolean;
  refreshBeforeMs: number;
  timeoutMs: number;
  backoffMs: number;
}

const seconds = (v: unknown, fallback: number, max: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : fallback);

export function renewalSettings(state: { renewal?: unknown } | undefined): RenewalSettings {
  const r = state?.renewal;
  return typeof r === 'object' && r !== null && !Array.isArray(r) ? (r as RenewalSettings) : {};
}

export function renewalFor(state: object | undefined, profile: string): ProfileRenewal {
  const s = renewalSettings(state as { renewal?: unknown } | undefined);
  const profiles = typeof s.profiles === 'object' && s.profiles !== null ? s.profiles : {};
  return {
    enabled: s.off !== true && Object.hasOwn(profiles, profile) && profiles[profile] === true,
    refreshBeforeMs: seconds(s.refreshBeforeSeconds, DEFAULT_REFRESH_BEFORE_SECONDS, 12 * 3600) * 1000,
    timeoutMs: seconds(s.timeoutSeconds, DEFAULT_RENEW_TIMEOUT_SECONDS, 3600) * 1000,
    backoffMs: seconds(s.backoffSeconds, DEFAULT_RENEW_BACKOFF_SECONDS, 24 * 3600) * 1000,
  };
}

/**
 * Renewal on or off for these profiles. `onlyIfUnset`: the default for `login --store`, which
 * never overrides a choice made with `credentials migrate --no-renew`.
 */
export function withRenewal<S extends object>(state: S, profiles: readonly string[], on: boolean, opts: { onlyIfUnset?: boolean; refreshBeforeSeconds?: number } = {}): S {
  const s = renewalSettings(state as { renewal?: unknown });
  const current = { ...(s.profiles ?? {}) };
  for (const p of profiles) if (!opts.onlyIfUnset || !Object.hasOwn(current, p)) current[p] = on;
  return { ...state, renewal: { ...s, profiles: current, ...(opts.refreshBeforeSeconds !== undefined ? { refreshBeforeSeconds: opts.refreshBeforeSeconds } : {}) } };
}

/** Time left is within the refresh window (or already gone). */
export function isDue(expiration: string | undefined, now: Date, refreshBeforeMs: number): boolean {
  return expiration !== undefined && Date.parse(expiration) - refreshBeforeMs <= now.getTime();
}
