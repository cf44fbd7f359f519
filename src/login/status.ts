// Where each profile's credentials stand: present, when they expire, and (on request) whom
// STS says they belong to. Shared by `status` and the doctor's `credentials` check.
import { describeInvalidJson, readConfig } from '../config/read-config.js';
import { UserError } from '../errors.js';
import { missingProfileError } from '../config/known-profiles.js';
import { listProfiles, type ProfileSummary } from '../config/model.js';
import { credentialsOf, expiryOf as fileExpiryOf, profileSection, readCredentialsText } from '../aws/credentials-file.js';
import { configProfileNames, sectionNames } from '../aws/ini.js';
import { readState } from '../state/state.js';
import type { Env, Paths } from '../platform/paths.js';
import { expiryOf } from '../credentials/expiration.js';
import type { ExpirationSource } from '../credentials/entry.js';
import { readAwsConfig, servedByStore, verifyProfile } from './verify.js';
import { UNREACHABLE } from '../aws/sts.js';
import { parseFiles } from '../aws/botocore-view.js';
import { describeIniError } from '../aws/shared-files.js';
import { storedCredentials } from '../credentials/state-record.js';
import { readFailure } from '../credentials/renew-failure.js';
import { renewalFor } from '../credentials/renew-settings.js';
import type { State } from '../state/state.js';

/** Renewal of a stored profile, and its last failure when it failed after the keys were stored (so about these keys). */
async function renewalStatus(paths: Paths, state: State, profile: string, storedAt: string): Promise<NonNullable<ProfileStatus['renewal']>> {
  const on = renewalFor(state, profile).enabled;
  const f = await readFailure(paths, profile);
  if (!f || f.at < Date.parse(storedAt)) return { on };
  return { on, failed: { failedAt: new Date(f.at).toISOString(), retryAfter: new Date(f.until).toISOString(), message: f.message, command: f.command } };
}

export type CredentialState =
  /** Present, not known to be expired, and accepted by STS when verified. */
  | 'valid'
  | 'expired'
  | 'missing'
  /** STS refused them (other than expiry). */
  | 'rejected'
  /** --verify could not reach STS. */
  | 'unverified';

export interface ProfileStatus {
  name: string;
  account?: string;
  role?: string;
  state: CredentialState;
  expires?: string;
  /** Where the expiry came from: the credentials file, or our record of the login. */
  expiresFrom?: 'credentials-file' | 'login' | 'store';
  /** How it is known (src/credentials/expiration.ts): a fact, login's record, a lower bound, or unknown. */
  expirySource?: ExpirationSource;
  /** The secret store holding the keys, for profiles moved there (`credentials migrate`). */
  storedIn?: 'keychain' | 'pass';
  /** For stored profiles: whether credential-process renews them, and the last renewal's failure while it concerns these keys. */
  renewal?: { on: boolean; failed?: { failedAt: string; retryAfter: string; message: string; command: string } };
  identity?: { arn: string; account: string; userId: string };
  error?: { code: string; message: string };
}

export interface StatusReport {
  configPath: string;
  credentialsPath: string;
  /** Profiles come from config.json; without any, from the credentials file. */
  source: 'config' | 'credentials-file';
  /** Why config.json could not be used (invalid JSON, unreadable), when it exists; names the file. */
  configProblem?: string;
  /** config.json is absent (not merely without profiles). */
  configMissing?: boolean;
  profiles: ProfileStatus[];
  skewSeconds?: number;
}

export async function gatherStatus(
  ctx: { env: Env; paths: Paths; now: () => Date },
  opts: { verify: boolean; only?: string[]; timeoutMs?: number },
): Promise<StatusReport> {
  const read = await readConfig(ctx.paths.duoConfig);
  const configured: ProfileSummary[] = read.kind === 'parsed' ? listProfiles(read.value) : [];
  const configProblem = read.kind === 'invalid-json' ? `invalid JSON: ${describeInvalidJson(read)}` : read.kind === 'unreadable' ? `${ctx.paths.duoConfig} cannot be read: ${read.reason}` : undefined;
  const credentials = await readCredentialsText(ctx.paths.awsCredentials).catch((error: NodeJS.ErrnoException) => {
    // Not "no credentials": a file we cannot read (often root's, after `sudo duo-sso`) needs its own fix.
    const why = error.code === 'EACCES' ? 'permission denied' : error.code === 'EISDIR' ? 'it is a directory, not a file' : error.message;
    throw new UserError(`${ctx.paths.awsCredentials} cannot be read: ${why}`, {
      hint: error.code === 'EACCES' ? `If duo-sso ran with sudo, the file belongs to root: sudo chown "$(id -un)" ${ctx.paths.awsCredentials}` : 'Move it aside and log in again: duo-sso-setup login',
    });
  });
  const awsConfig = await readAwsConfig(ctx.paths);
  // A file the AWS CLI cannot parse serves no profile at all: not "no credentials, log in",
  // which would not help, but where it stops (the same file:line the doctor's aws-cli check names).
  const parsed = parseFiles(awsConfig, credentials);
  if (!parsed.ok) {
    const file = parsed.which === 'config' ? ctx.paths.awsConfig : ctx.paths.awsCredentials;
    throw new UserError(`${describeIniError(file, parsed.error)}: the AWS CLI cannot parse this file, so no profile works until it is corrected`, {
      hint: `Correct line ${parsed.error.line} of ${file} (every key under a [section] header, no header or key indented, no section or key twice), then run the command again.`,
    });
  }
  const source = configured.length > 0 ? 'config' : 'credentials-file';
  // Without config.json's list (none, or a file that does not parse), every profile that has
  // keys: in the credentials file, or in the secret store through our credential_process.
  let profiles: { name: string; account?: string; role?: string }[] = configured.length > 0
    ? configured.map((p) => ({ name: p.name, account: p.accountId, role: p.role }))
    : [...new Set([
      ...(credentials ? sectionNames(credentials) : []).filter((n) => credentialsOf(profileSection(credentials, n))),
      ...(awsConfig ? configProfileNames(awsConfig) : []).filter((n) => servedByStore(awsConfig, n)),
    ])].map((name) => ({ name }));
  if (opts.only && opts.only.length > 0) {
    const unknown = opts.only.filter((n) => !profiles.some((p) => p.name === n));
    if (unknown.length > 0) {
      const where = source === 'config' ? ctx.paths.duoConfig : ctx.paths.awsCredentials;
      throw missingProfileError(unknown, where, profiles.map((p) => p.name), 'Add one: duo-sso-setup config init');
    }
    profiles = profiles.filter((p) => opts.only!.includes(p.name));
  }
  const state = await readState(ctx.paths);
  const stored = storedCredentials(state);
  const now = ctx.now();
  let skewSeconds: number | undefined;
  const results = await Promise.all(profiles.map(async (p): Promise<ProfileStatus> => {
    const base = { name: p.name, ...(p.account ? { account: p.account } : {}), ...(p.role ? { role: p.role } : {}) };
    const section = profileSection(credentials, p.name);
    const creds = credentialsOf(section);
    const inStore = !creds && servedByStore(awsConfig, p.name) ? stored[p.name] : undefined;
    if (!creds && !inStore) return { ...base, state: 'missing' };
    // The same function migrate recorded the stored expiry with (src/credentials/expiration.ts).
    const known = creds ? expiryOf({ ...creds, fileExpiration: fileExpiryOf(section) }, p.name, state) : { ...(inStore!.expiration ? { expiration: new Date(inStore!.expiration) } : {}), source: inStore!.expirationSource };
    const expiry = known.expiration;
    const timing = {
      ...(expiry && !Number.isNaN(expiry.getTime()) ? { expires: expiry.toISOString(), expiresFrom: inStore ? 'store' as const : known.source === 'file' ? 'credentials-file' as const : 'login' as const } : {}),
      ...(known.source ? { expirySource: known.source } : {}),
      ...(inStore ? { storedIn: inStore.store, renewal: await renewalStatus(ctx.paths, state, p.name, inStore.storedAt) } : {}),
    };
    const expired = expiry !== undefined && expiry.getTime() <= now.getTime();
    if (!opts.verify) return { ...base, ...timing, state: expired ? 'expired' : 'valid' };
    const v = await verifyProfile(ctx.env, p.name, { credentials, config: awsConfig }, { timeoutMs: opts.timeoutMs ?? 15_000 });
    skewSeconds ??= v.skewSeconds;
    if (v.ok) return { ...base, ...timing, state: 'valid', identity: { arn: v.arn, account: v.account, userId: v.userId } };
    const error = { code: v.code, message: v.message };
    if (/ExpiredToken/i.test(v.code)) return { ...base, ...timing, state: 'expired', error };
    return { ...base, ...timing, state: v.code === UNREACHABLE ? 'unverified' : 'rejected', error };
  }));
  return {
    configPath: ctx.paths.duoConfig,
    credentialsPath: ctx.paths.awsCredentials,
    source,
    ...(configProblem ? { configProblem } : {}),
    ...(read.kind === 'missing' ? { configMissing: true } : {}),
    profiles: results,
    ...(skewSeconds === undefined ? {} : { skewSeconds }),
  };
}
