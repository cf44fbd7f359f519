// When stored credentials stop working. duo-sso writes no expiry beside the keys, so unless
// login tells us (it saw STS's answer) or the file carries an expiry key, we estimate it from
// when the credentials file was written plus the session duration duo-sso asks for (its
// own 28800 default when the config sets none).
import { stat } from 'node:fs/promises';
import { readConfig } from '../config/read-config.js';
import { effectiveDuration } from '../config/model.js';
import type { ExpirationSource } from './entry.js';
import type { FileCredentials } from './credentials-file.js';

export interface Expiry {
  expiration?: Date;
  source: ExpirationSource;
}

export async function expiryFor(
  credentials: FileCredentials,
  profile: string,
  where: { credentialsFile: string; duoConfig: string },
  fromLogin?: Date,
  remembered?: number,
): Promise<Expiry> {
  if (fromLogin) return { expiration: fromLogin, source: 'login' };
  if (credentials.expiration) return { expiration: credentials.expiration, source: 'file' };
  // Long-term keys (no session token) do not expire.
  if (!credentials.sessionToken) return { source: 'none' };
  const written = (await stat(where.credentialsFile)).mtime;
  const config = await readConfig(where.duoConfig);
  const asked = effectiveDuration(config.kind === 'parsed' ? config.value : undefined, profile);
  // Login may have fallen back to a shorter duration that the role accepts (remembered in our state).
  const seconds = remembered !== undefined && remembered < asked ? remembered : asked;
  return { expiration: new Date(written.getTime() + seconds * 1000), source: 'estimated' };
}
