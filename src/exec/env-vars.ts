// The environment `exec` gives its command and `env` prints for `eval`: the AWS SDKs' and the
// AWS CLI's environment credential variables, and AWS_PROFILE unset (botocore stops with
// ProfileNotFound when AWS_PROFILE names a profile that a tool cannot see, and a profile
// with credential_process would otherwise be asked again). Pure: values in, text out.
import { powershellQuote } from '../platform/powershell.js';
import type { ProfileCredentials } from './credentials.js';

export const ENV_FORMATS = ['sh', 'fish', 'powershell', 'json'] as const;
export type EnvFormat = (typeof ENV_FORMATS)[number];

/** Variables to set (name → value) and to remove. */
export interface EnvChange {
  set: Record<string, string>;
  unset: string[];
}

/** Always removed: a profile selection, and the legacy token name that would shadow ours. */
const UNSET = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SECURITY_TOKEN'] as const;

export function envChange(c: ProfileCredentials, current: Readonly<Record<string, string | undefined>> = {}): EnvChange {
  const set: Record<string, string> = {
    AWS_ACCESS_KEY_ID: c.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
  };
  const unset: string[] = [...UNSET];
  if (c.sessionToken) set.AWS_SESSION_TOKEN = c.sessionToken;
  else unset.push('AWS_SESSION_TOKEN');
  if (c.expiration) set.AWS_CREDENTIAL_EXPIRATION = c.expiration.toISOString();
  else unset.push('AWS_CREDENTIAL_EXPIRATION');
  // The profile's region went with AWS_PROFILE; an explicit one in the environment still wins.
  if (c.region && !current.AWS_REGION && !current.AWS_DEFAULT_REGION) {
    set.AWS_REGION = c.region;
    set.AWS_DEFAULT_REGION = c.region;
  }
  return { set, unset };
}

/** `env` with the change applied: what the child of `exec` gets. */
export function applyChange(env: Readonly<Record<string, string | undefined>>, change: EnvChange): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !change.unset.includes(k)) out[k] = v;
  return { ...out, ...change.set };
}

/** POSIX sh: single quotes keep every byte; a quote itself is closed, escaped, reopened. */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** fish: inside single quotes only \\ and \' are escapes. */
export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** PowerShell: shell/powershell.ts, the one quoting every generated script uses. */
export { powershellQuote };

/**
 * The text to `eval`. json: `{"NAME": "value", ..., "AWS_PROFILE": null}`, null meaning
 * "remove", for programs that apply it themselves.
 */
export function formatEnv(change: EnvChange, format: EnvFormat): string {
  const set = Object.entries(change.set);
  switch (format) {
    case 'sh':
      return [...set.map(([k, v]) => `export ${k}=${shQuote(v)}`), ...change.unset.map((k) => `unset ${k}`)].join('\n') + '\n';
    case 'fish':
      return [...set.map(([k, v]) => `set -gx ${k} ${fishQuote(v)}`), ...change.unset.map((k) => `set -e ${k}`)].join('\n') + '\n';
    case 'powershell':
      return [...set.map(([k, v]) => `$env:${k} = ${powershellQuote(v)}`), ...change.unset.map((k) => `Remove-Item Env:${k} -ErrorAction SilentlyContinue`)].join('\n') + '\n';
    case 'json':
      return `${JSON.stringify({ ...change.set, ...Object.fromEntries(change.unset.map((k) => [k, null])) }, null, 2)}\n`;
  }
}
