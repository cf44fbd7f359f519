// Reading a profile's keys from the shared credentials file and taking the secrets out of it,
// byte-exact: only the secret lines go; comments, other keys, other profiles, line endings
// and a missing final newline all stay as they were.
import { getSection, parseIni } from '../aws/ini.js';

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

export function readProfileCredentials(text: string, profile: string): ProfileRead {
  const section = getSection(text, profile);
  if (!section) return { kind: 'no-section' };
  const id = section.aws_access_key_id;
  const secret = section.aws_secret_access_key;
  if (!id && !secret) return { kind: 'no-keys' };
  if (!id || !secret) return { kind: 'incomplete', missing: [!id ? 'aws_access_key_id' : 'aws_secret_access_key'] };
  const token = section.aws_session_token || section.aws_security_token;
  const expiry = EXPIRY_KEYS.map((k) => section[k]).find((v) => v && !Number.isNaN(Date.parse(v)));
  return {
    kind: 'ok',
    credentials: { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}), ...(expiry ? { expiration: new Date(expiry) } : {}) },
  };
}

/** Profiles with keys in the file; `temporaryOnly` keeps those with a session token (what duo-sso writes). */
export function profilesWithKeys(text: string, opts: { temporaryOnly?: boolean } = {}): string[] {
  const names = [...new Set(parseIni(text).sections.map((s) => s.name))];
  return names.filter((name) => {
    const r = readProfileCredentials(text, name);
    return r.kind === 'ok' && (!opts.temporaryOnly || r.credentials.sessionToken !== undefined);
  });
}

/** The file's lines with their terminators, so joining them gives back the exact bytes. */
export function rawLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** `text` without the secret lines of `profile` (in every `[profile]` section, if it repeats). */
export function removeSecrets(text: string, profile: string): string {
  const drop = new Set<number>();
  for (const s of parseIni(text).sections) {
    if (s.name !== profile) continue;
    for (const e of s.entries) if ((SECRET_KEYS as readonly string[]).includes(e.key)) drop.add(e.line);
  }
  return rawLines(text).filter((_, i) => !drop.has(i)).join('');
}

/** True when any secret key of `profile` is in the text (e.g. duo-sso logged in again since a migrate). */
export function hasSecrets(text: string, profile: string): boolean {
  return removeSecrets(text, profile) !== text;
}
