// Proves a profile's credentials work: STS GetCallerIdentity with the keys from the shared
// credentials file, in the region the AWS CLI would use for that profile.
import { readFile } from 'node:fs/promises';
import { configSectionName, getSection } from '../aws/ini.js';
import { credentialsOf, profileSection } from '../aws/credentials-file.js';
import { DEFAULT_REGION, getCallerIdentity, type Identity } from '../aws/sts.js';
import type { Env, Paths } from '../platform/paths.js';

export type Verification =
  | ({ ok: true; skewSeconds?: number } & Identity)
  | { ok: false; code: string; message: string; skewSeconds?: number };

/** AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`, [default]'s, then us-east-1 (as the CLI does). */
export function regionFor(env: Env, configText: string | undefined, profile: string): string {
  const fromFile = (name: string) => (configText === undefined ? undefined : getSection(configText, configSectionName(name))?.region);
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || fromFile(profile) || fromFile('default') || DEFAULT_REGION;
}

export async function readAwsConfig(paths: Pick<Paths, 'awsConfig'>): Promise<string | undefined> {
  return readFile(paths.awsConfig, 'utf8').catch(() => undefined);
}

export async function verifyProfile(
  env: Env,
  profile: string,
  files: { credentials: string | undefined; config: string | undefined },
  opts: { timeoutMs?: number } = {},
): Promise<Verification> {
  const creds = credentialsOf(profileSection(files.credentials, profile));
  if (!creds) return { ok: false, code: 'NoCredentials', message: `no aws_access_key_id/aws_secret_access_key under [${profile}]` };
  return getCallerIdentity(creds, { env, region: regionFor(env, files.config, profile), timeoutMs: opts.timeoutMs ?? 15_000 });
}
