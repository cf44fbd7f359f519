// A profile's credentials as the AWS CLI would get them, for `exec`, `env` and `console`:
// the shared credentials file's keys, else (a profile moved into the keychain or pass) what
// our credential_process hands out, which renews them first when that is switched on. The
// expiry comes from the store entry, the file, or our record of the login.
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { expiryOf as fileExpiryOf, profileSection, readCredentialsText } from '../aws/credentials-file.js';
import { readState } from '../state/state.js';
import { expiryOf } from '../credentials/expiration.js';
import { configuredRegion, credentialsFor, readAwsConfig } from '../login/verify.js';
import { validateProfileName } from '../credentials/files.js';
import { activeAwsProfile } from '../platform/paths.js';
import { knownProfiles, unknownProfileError } from '../config/known-profiles.js';

export interface ProfileCredentials {
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Absent for long-term keys. */
  sessionToken?: string;
  expiration?: Date;
  /** The profile's `region` in ~/.aws/config (or [default]'s), lost once AWS_PROFILE is unset. */
  region?: string;
}

/** --profile, else AWS_PROFILE / AWS_DEFAULT_PROFILE, else `default` (as the AWS CLI chooses). */
export function chosenProfile(ctx: Pick<Context, 'env'>, profile: string | undefined): string {
  return profile ?? activeAwsProfile(ctx.env);
}

/**
 * What to do about a profile whose keys are missing, expired or refused, as a hint that works in
 * this state: `login` only for a profile config.json has. Undefined: the name is known nowhere.
 */
export async function loginAdvice(ctx: Pick<Context, 'paths'>, profile: string): Promise<string | undefined> {
  const known = await knownProfiles(ctx.paths);
  if (known.duoSso.includes(profile)) return `Log in: duo-sso-setup login --profile ${profile}`;
  if (!known.awsOnly.includes(profile)) return undefined;
  return `${profile} is not in ${ctx.paths.duoConfig}, so duo-sso does not log it in. `
    + (known.duoSso.length > 0 ? `Profiles it logs in: ${known.duoSso.join(', ')}` : 'Add it: duo-sso-setup config add-profile NAME --account ID --role ROLE');
}

/** The error for a profile without usable keys; a name known nowhere is a usage error listing the known. */
async function noKeys(ctx: Pick<Context, 'paths'>, profile: string, message: string): Promise<UserError> {
  const hint = await loginAdvice(ctx, profile);
  if (hint) return new UserError(message, { hint });
  const known = await knownProfiles(ctx.paths);
  // A file that does not parse: the name may be in it; the doctor names the broken file.
  return known.complete ? unknownProfileError([profile], known, ctx.paths) : new UserError(message, { hint: 'One of the AWS or duo-sso files cannot be read: duo-sso-setup doctor' });
}

/**
 * The credentials of `profile`, or a UserError that names `login`: missing, expired, or
 * unreadable. `requireSession`: long-term keys are refused too (the console needs a session).
 */
export async function profileCredentials(
  ctx: Pick<Context, 'env' | 'paths' | 'now'>,
  profile: string,
  opts: { requireSession?: boolean } = {},
): Promise<ProfileCredentials> {
  validateProfileName(profile);
  const credentials = await readCredentialsText(ctx.paths.awsCredentials).catch((error: Error) => {
    throw new UserError(`cannot read ${ctx.paths.awsCredentials}: ${error.message}`);
  });
  const config = await readAwsConfig(ctx.paths);
  const found = await credentialsFor(ctx.env, profile, { credentials, config }, { renew: true });
  if (!found.ok) {
    const message = found.code === 'NoCredentials' ? `no credentials for profile ${profile} (nothing under [${profile}] in ${ctx.paths.awsCredentials}, and it is not in a secret store)` : found.message;
    throw await noKeys(ctx, profile, message);
  }
  const c = found.credentials;
  const section = profileSection(credentials, profile);
  const expiration = found.expiration ?? expiryOf({ ...c, fileExpiration: fileExpiryOf(section) }, profile, await readState(ctx.paths)).expiration;
  if (expiration && expiration.getTime() <= ctx.now().getTime()) {
    throw await noKeys(ctx, profile, `the credentials of profile ${profile} expired at ${expiration.toISOString()}`);
  }
  if (opts.requireSession && !c.sessionToken) {
    throw new UserError(`profile ${profile} has long-term keys (no session token); the AWS console needs session credentials`, {
      hint: `Use a profile that duo-sso logs in: duo-sso-setup login --profile NAME`,
    });
  }
  // The file's region only: the environment's AWS_REGION reaches the child anyway.
  const region = configuredRegion({}, { config, credentials }, profile);
  return {
    profile,
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
    ...(expiration ? { expiration } : {}),
    ...(region ? { region } : {}),
  };
}
