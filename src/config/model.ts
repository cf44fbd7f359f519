// duo-sso's config.json as data: its keys, the guide's defaults (the session-duration caps
// are policy/caps.ts), and tolerant readers that never throw on whatever the file really holds.
import { POLICY } from '../policy/caps.js';

/** One named profile: duo-sso assumes this account/role and saves credentials under NAME. */
export interface ProfileConfig {
  /** A string keeps leading zeros; real configs also hold a JSON number. */
  aws_account_id: string | number;
  aws_role_name: string;
  session_duration_seconds?: number;
  [unknown: string]: unknown;
}

/** ~/.config/duo-sso/config.json. Unknown keys are kept as they are. */
export interface DuoConfig {
  url?: string;
  partner_spid?: string;
  aws_urn?: string;
  session_duration_seconds?: number;
  preferred_device?: string;
  preferred_factor?: string;
  debug?: boolean;
  profiles?: Record<string, ProfileConfig>;
  [unknown: string]: unknown;
}

export const AWS_SAML_URL = 'https://signin.aws.amazon.com/saml';

/** The guide's defaults (Example 1), in the guide's key order. */
export const DEFAULTS = {
  url: 'https://cloudsso.cisco.com',
  partner_spid: AWS_SAML_URL,
  aws_urn: AWS_SAML_URL,
  session_duration_seconds: 3600,
  preferred_device: 'phone1',
  preferred_factor: 'push',
  debug: false,
} as const;

/** Keys duo-sso reads at the top level, in the order the guide writes them. */
export const TOP_LEVEL_KEYS = [...Object.keys(DEFAULTS), 'profiles'] as const;
export const PROFILE_KEYS = ['aws_account_id', 'aws_role_name', 'session_duration_seconds'] as const;

export interface ProfileSummary {
  name: string;
  /** Always a string; a numeric id is rendered as written (a lost leading zero stays lost). */
  accountId: string;
  role: string;
  sessionDurationSeconds?: number;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON number or string account id as a string; undefined for anything else. */
export function accountIdString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  return undefined;
}

/** The profiles in file order, skipping entries that are not objects. Never throws. */
export function listProfiles(value: unknown): ProfileSummary[] {
  if (!isObject(value) || !isObject(value.profiles)) return [];
  const out: ProfileSummary[] = [];
  for (const [name, p] of Object.entries(value.profiles)) {
    if (!isObject(p)) continue;
    const seconds = p.session_duration_seconds;
    out.push({
      name,
      accountId: accountIdString(p.aws_account_id) ?? '',
      role: typeof p.aws_role_name === 'string' ? p.aws_role_name : '',
      ...(typeof seconds === 'number' && Number.isFinite(seconds) ? { sessionDurationSeconds: seconds } : {}),
    });
  }
  return out;
}

/**
 * The DurationSeconds duo-sso will ask STS for: the profile's own value, else the top-level
 * value, else duo-sso's 28800 default.
 */
export function effectiveDuration(value: unknown, profileName?: string): number {
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const top = isObject(value) ? num(value.session_duration_seconds) : undefined;
  if (profileName !== undefined && isObject(value) && isObject(value.profiles)) {
    const p = value.profiles[profileName];
    const own = isObject(p) ? num(p.session_duration_seconds) : undefined;
    if (own !== undefined) return own;
  }
  return top ?? POLICY.duoSsoDefault;
}
