// Reading a profile's keys from the shared credentials file as the AWS CLI does (option
// names in any case, `=` or `:`, continuation lines, aws_security_token before
// aws_session_token) and taking the secrets out of it, byte-exact: only the secret lines
// go; comments, other keys, other profiles, line endings and a missing final newline stay.
import { findSection, parseIni, removeOptions } from '../aws/ini-model.js';
import { rawConfigParse, sharedCredentials } from '../aws/botocore-view.js';

/** Keys that are secrets or identify them; `aws_security_token` is the legacy name of the session token. */
export const SECRET_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'] as const;
/** Expiry keys some tools write beside the keys (saml2aws, gimme-aws-creds, aws-vault). */
export const EXPIRY_KEYS = ['x_security_token_expires', 'aws_expiration', 'expiration', 'aws_session_expiration'] as const;

export interface FileCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** From an expiry key in the section, when there is one. */
  expiration?: Date;
}

export type ProfileRead =
  | { kind: 'ok'; credentials: FileCredentials }
  | { kind: 'no-section' }
  | { kind: 'no-keys' }
  | { kind: 'incomplete'; missing: string[] };

function sections(text: string) {
  const ini = parseIni(text);
  if (!ini.ok) return undefined;
  const raw = rawConfigParse(ini.file);
  return raw.ok ? raw.sections : undefined;
}

export function readProfileCredentials(text: string, profile: string): ProfileRead {
  const values = sections(text)?.get(profile)?.values;
  if (!values) return { kind: 'no-section' };
  const found = sharedCredentials(values);
  if (found === null) return 'aws_secret_access_key' in values ? { kind: 'incomplete', missing: ['aws_access_key_id'] } : { kind: 'no-keys' };
  if ('partial' in found) return { kind: 'incomplete', missing: [found.partial] };
  const [id, secret, token] = found.keys;
  // A nested block (`key =` then indented lines) is not a key the AWS CLI can use.
  if (typeof id !== 'string' || typeof secret !== 'string' || (token !== null && typeof token !== 'string')) return { kind: 'no-keys' };
  const expiry = EXPIRY_KEYS.map((k) => values[k]).find((v): v is string => typeof v === 'string' && v !== '' && !Number.isNaN(Date.parse(v)));
  return {
    kind: 'ok',
    credentials: { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}), ...(expiry ? { expiration: new Date(expiry) } : {}) },
  };
}

/** Profiles with keys in the file; `temporaryOnly` keeps those with a session token (what duo-sso writes). */
export function profilesWithKeys(text: string, opts: { temporaryOnly?: boolean } = {}): string[] {
  return [...(sections(text)?.keys() ?? [])].filter((name) => {
    const r = readProfileCredentials(text, name);
    return r.kind === 'ok' && (!opts.temporaryOnly || r.credentials.sessionToken !== undefined);
  });
}

/** `text` without the secret options of `profile` (any case, with their continuation lines). */
export function removeSecrets(text: string, profile: string): string {
  const ini = parseIni(text);
  const section = ini.ok ? findSection(ini.file, profile) : undefined;
  return ini.ok && section ? removeOptions(ini.file, section, SECRET_KEYS) : text;
}

/** True when any secret key of `profile` is in the text (e.g. duo-sso logged in again since a migrate). */
export function hasSecrets(text: string, profile: string): boolean {
  return removeSecrets(text, profile) !== text;
}
