// The shared credentials file (~/.aws/credentials or AWS_SHARED_CREDENTIALS_FILE) as duo-sso
// leaves it: reading a profile's keys, and the one repair we make to it (moving credentials
// that duo-sso saved under [default] to the profile they belong to). Pure text functions
// plus a reader; writes go through safe-write by the caller.
import { describeIniError, readAwsFile } from './shared-files.js';
import { getSection, removeSection, sectionNames, setValues } from './ini.js';
import type { AwsCredentials } from './sts.js';

export type Section = Record<string, string>;

/** The file's text, undefined when absent; bytes the AWS CLI cannot read (not UTF-8) throw, with where. */
export async function readCredentialsText(path: string): Promise<string | undefined> {
  const read = await readAwsFile(path);
  if (read.kind === 'invalid') throw new Error(describeIniError(path, read.error));
  return read.kind === 'text' ? read.text : undefined;
}

export function profileSection(text: string | undefined, profile: string): Section | undefined {
  return text === undefined ? undefined : getSection(text, profile);
}

export function credentialsOf(section: Section | undefined): AwsCredentials | undefined {
  const accessKeyId = section?.aws_access_key_id;
  const secretAccessKey = section?.aws_secret_access_key;
  if (!accessKeyId || !secretAccessKey) return undefined;
  // botocore's order: the legacy aws_security_token wins over aws_session_token.
  const sessionToken = 'aws_security_token' in section ? section.aws_security_token : section.aws_session_token;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** Expiry written beside the keys by some tools (`x_security_token_expires`, `expiration`). */
export function expiryOf(section: Section | undefined): Date | undefined {
  const raw = section?.x_security_token_expires ?? section?.expiration ?? section?.aws_expiration;
  if (!raw) return undefined;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function hasSection(text: string | undefined, name: string): boolean {
  return text !== undefined && sectionNames(text).includes(name);
}

export interface Misplaced {
  profile: string;
  /** The keys duo-sso wrote under [default] for this profile. */
  values: Section;
}

/**
 * duo-sso sometimes saves a profile's credentials under [default] (a reported bug). Given
 * the file before the run and the [profile]/[default] sections seen right when duo-sso said
 * it saved each profile, returns the profiles whose credentials landed under [default].
 */
export function findMisplaced(
  before: string | undefined,
  seen: readonly { profile: string; own: Section | undefined; fallback: Section | undefined }[],
): Misplaced[] {
  const keyBefore = (name: string) => profileSection(before, name)?.aws_access_key_id;
  const out: Misplaced[] = [];
  for (const s of seen) {
    if (s.profile === 'default') continue;
    const ownChanged = s.own?.aws_access_key_id !== undefined && s.own.aws_access_key_id !== keyBefore(s.profile);
    const fresh = s.fallback?.aws_access_key_id;
    const defaultChanged = fresh !== undefined && fresh !== keyBefore('default') && !out.some((m) => m.values.aws_access_key_id === fresh);
    if (!ownChanged && defaultChanged) out.push({ profile: s.profile, values: s.fallback! });
  }
  return out;
}

/**
 * Writes each misplaced profile's keys into its own section and puts [default] back as it
 * was before duo-sso ran (or removes it when there was none).
 */
export function moveMisplaced(text: string, misplaced: readonly Misplaced[], defaultBefore: Section | undefined): string {
  let next = text;
  for (const m of misplaced) next = setValues(next, m.profile, m.values);
  if (defaultBefore === undefined) return removeSection(next, 'default');
  const current = getSection(next, 'default') ?? {};
  const restore: Record<string, string | undefined> = { ...defaultBefore };
  for (const key of Object.keys(current)) if (!(key in defaultBefore)) restore[key] = undefined;
  return setValues(next, 'default', restore);
}
