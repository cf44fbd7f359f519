// Proves a profile's credentials work: STS GetCallerIdentity with the keys from the shared
// credentials file, in the region the AWS CLI would use for that profile.
import { configProfile } from '../aws/ini.js';
import { readAwsFile, type AwsTexts } from '../aws/shared-files.js';
import { isOurCommand } from '../credentials/config-file.js';
import { credentialsOf, profileSection } from '../aws/credentials-file.js';
import { DEFAULT_REGION, getCallerIdentity, type AwsCredentials, type Identity } from '../aws/sts.js';
import type { Env, Paths } from '../platform/paths.js';
import { cliRegion, regionVariable } from '../aws/region.js';
import type { RenewRequest } from '../credentials/renew-request.js';

export type Verification =
  | ({ ok: true; skewSeconds?: number } & Identity)
  | { ok: false; code: string; message: string; skewSeconds?: number };

/** The region the AWS CLI would use for the profile (configuredRegion), else us-east-1: the one STS is asked in. */
export function regionFor(env: Env, files: Partial<AwsTexts>, profile: string): string {
  return configuredRegion(env, files, profile) ?? DEFAULT_REGION;
}

/**
 * The region the AWS CLI finds for the profile (aws/region.ts's cliRegion, the doctor's rule);
 * undefined = it has none it can use: it stops with "You must specify a region", or an empty
 * AWS_REGION/AWS_DEFAULT_REGION (emptyRegionVariable) makes it ask https://sts..amazonaws.com.
 */
export function configuredRegion(env: Env, files: Partial<AwsTexts>, profile: string): string | undefined {
  const found = cliRegion(env, files, profile);
  return found && found.region.trim() !== '' ? found.region : undefined;
}

/** The empty AWS_REGION or AWS_DEFAULT_REGION the AWS CLI takes over every profile's region, if any. */
export function emptyRegionVariable(env: Env): string | undefined {
  const variable = regionVariable(env);
  return variable && variable.value.trim() === '' ? variable.name : undefined;
}

export async function readAwsConfig(paths: Pick<Paths, 'awsConfig'>): Promise<string | undefined> {
  return readAwsFile(paths.awsConfig).then((r) => (r.kind === 'text' ? r.text : undefined), () => undefined);
}

/** Whether ~/.aws/config serves this profile through our credential_process (`credentials migrate`). */
export function servedByStore(configText: string | undefined, profile: string): boolean {
  return isOurCommand(configProfile(configText, profile)?.credential_process);
}

/**
 * The keys the AWS CLI would use for the profile: the credentials file's, else (for a
 * profile moved to the secret store) what our credential_process hands out, read in-process.
 */
export async function credentialsFor(
  env: Env,
  profile: string,
  files: { credentials: string | undefined; config: string | undefined },
  /** renew: credentials about to expire are renewed first, where renewal is on (exec, env, console). */
  opts: { renew?: boolean } = {},
): Promise<{ ok: true; credentials: AwsCredentials; expiration?: Date } | { ok: false; code: string; message: string }> {
  const fromFile = credentialsOf(profileSection(files.credentials, profile));
  if (fromFile) return { ok: true, credentials: fromFile };
  if (!servedByStore(files.config, profile)) return { ok: false, code: 'NoCredentials', message: `no aws_access_key_id/aws_secret_access_key under [${profile}]` };
  const { credentialProcess } = await import('../credentials/credential-process.js');
  let out = '';
  let err = '';
  // The renewal code loads only when the credentials are due.
  const renewer = opts.renew ? (request: RenewRequest) => import('../credentials/renew.js').then((m) => m.renewCredentials(request)) : undefined;
  const code = await credentialProcess(['--profile', profile], env, { out: (t) => void (out += t), err: (t) => void (err += t) }, undefined, renewer);
  if (code !== 0) return { ok: false, code: 'StoredCredentials', message: err.trim().replace(/^duo-sso-setup: /, '') || `credential-process exited ${code}` };
  try {
    const j = JSON.parse(out) as { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: string };
    if (!j.AccessKeyId || !j.SecretAccessKey) throw new Error('incomplete');
    return {
      ok: true,
      credentials: { accessKeyId: j.AccessKeyId, secretAccessKey: j.SecretAccessKey, ...(j.SessionToken ? { sessionToken: j.SessionToken } : {}) },
      ...(j.Expiration ? { expiration: new Date(j.Expiration) } : {}),
    };
  } catch {
    return { ok: false, code: 'StoredCredentials', message: 'credential-process printed no usable credentials' };
  }
}

export async function verifyProfile(
  env: Env,
  profile: string,
  files: { credentials: string | undefined; config: string | undefined },
  opts: { timeoutMs?: number } = {},
): Promise<Verification> {
  const creds = await credentialsFor(env, profile, files);
  if (!creds.ok) return creds;
  return getCallerIdentity(creds.credentials, { env, region: regionFor(env, files, profile), timeoutMs: opts.timeoutMs ?? 15_000 });
}
