// The file side of `credentials migrate` and `restore`, pure: what the two ~/.aws files
// become for one profile, decided on the one model of what the AWS CLI sees, and refused
// (with a one-line reason, nothing changed) whenever the result would not be exactly "this
// profile now gets the same keys through credential_process, every other profile as before".
import { isDeepStrictEqual } from 'node:util';
import { findSection, removeOptions, setOption, appendSection } from '../aws/ini-model.js';
import { configProfileName, mergedProfiles, parseFiles, splitCredentialProcess, viewOf, type AwsView, type ParsedFiles } from '../aws/botocore-view.js';
import { describeIniError } from '../aws/shared-files.js';
import { configSectionName } from '../aws/ini.js';
import { SECRET_KEYS } from './credentials-file.js';
import { isOurCommand } from './config-file.js';
import { UserError } from '../errors.js';

export interface AwsPaths {
  awsConfig: string;
  awsCredentials: string;
}

export interface AwsTexts {
  config: string | undefined;
  credentials: string | undefined;
}

/** Options that make the AWS CLI take this profile's credentials from somewhere else first. */
function otherSource(values: Record<string, unknown>): string | undefined {
  return Object.keys(values).find((k) => k === 'role_arn' || k === 'web_identity_token_file' || k.startsWith('sso_'));
}

/**
 * Why a profile name cannot be migrated safely, or undefined. It becomes a section header in
 * both files, a word of the credential_process command line, a pass path and a keychain
 * account: only names that survive all four unchanged are written.
 */
export function unsafeProfileName(profile: string): string | undefined {
  if (!/^[A-Za-z0-9_.@+=,:-]+$/.test(profile) || profile.startsWith('.') || profile.length > 128) {
    return 'only letters, digits and _ . @ + = , : - can be written safely into both files, the command line and the secret store (not starting with a dot)';
  }
  if (profile === 'DEFAULT') return '[DEFAULT] in an INI file is not a profile: the AWS CLI gives its options to every profile';
  if (configProfileName(configSectionName(profile)) !== profile) return `[${configSectionName(profile)}] would not name it for the AWS CLI`;
  return undefined;
}

export function parseOrRefuse(paths: AwsPaths, texts: AwsTexts): { ok: true; files: ParsedFiles } | { ok: false; reason: string } {
  const parsed = parseFiles(texts.config, texts.credentials);
  if (parsed.ok) return parsed;
  const path = parsed.which === 'config' ? paths.awsConfig : paths.awsCredentials;
  return { ok: false, reason: `${describeIniError(path, parsed.error)}; the AWS CLI cannot read this file either, so it was left as it is` };
}

/** The first profile other than `except` whose AWS CLI view differs between two views, if any. */
export function changedProfile(before: AwsView, after: AwsView, except: ReadonlySet<string>): string | undefined {
  if ('error' in before || 'error' in after) return 'error' in after ? '(the whole file no longer parses)' : undefined;
  const names = new Set([...Object.keys(before.profiles), ...Object.keys(after.profiles)]);
  for (const name of names) {
    if (except.has(name)) continue;
    for (const part of ['profiles', 'credentials', 'process'] as const) {
      if (!isDeepStrictEqual(before[part][name], after[part][name])) return name;
    }
  }
  return undefined;
}

export type MigrateFilesPlan =
  | { kind: 'move'; credentialsAfter: string; configAfter: string; credentialsHeader: string; configHeader: string; keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } }
  | { kind: 'nothing'; ours: boolean }
  | { kind: 'refused'; reason: string; hint: string };

const NOTHING_CHANGED = 'Nothing was changed.';

/**
 * For one profile: the config with our credential_process, the credentials file without the
 * keys; or why not. `argv` is what the command must split into for the AWS CLI.
 */
export function planMigrateFiles(paths: AwsPaths, texts: AwsTexts, profile: string, command: string, argv: readonly string[], platform: NodeJS.Platform = process.platform): MigrateFilesPlan {
  const parsed = parseOrRefuse(paths, texts);
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason, hint: `Fix that line (the AWS CLI reports the same file as broken), then run the command again. ${NOTHING_CHANGED}` };
  const files = parsed.files;
  const merged = mergedProfiles(files).get(profile) ?? {};
  const existing = merged.credential_process;
  const ours = typeof existing === 'string' && isOurCommand(existing, platform);
  if (existing !== undefined && !ours) {
    const where = files.config?.profiles.get(profile)?.section.options.has('credential_process') ? paths.awsConfig : paths.awsCredentials;
    return { kind: 'refused', reason: `profile ${profile} already has credential_process = ${typeof existing === 'string' ? existing : '(a nested block)'} in ${where}`, hint: `That profile gets its credentials from another program; remove that line first if you want this tool to serve it. ${NOTHING_CHANGED}` };
  }
  const source = otherSource(merged);
  if (source) return { kind: 'refused', reason: `profile ${profile} gets its credentials through ${source} (the AWS CLI uses that before any keys in the credentials file)`, hint: `Its keys are not what the AWS CLI uses, so there is nothing to move. ${NOTHING_CHANGED}` };
  const credSection = files.credentials?.sections.get(profile);
  const credFile = files.credentials?.file;
  const view = viewOf(files);
  const found = 'error' in view ? null : view.credentials[profile] ?? null;
  if (found === null || !credSection || !credFile) return { kind: 'nothing', ours };
  if ('partial' in found) return { kind: 'refused', reason: `[${profile}] in ${paths.awsCredentials} lacks ${found.partial}`, hint: `Log in first: duo-sso-setup login --profile ${profile}. ${NOTHING_CHANGED}` };
  const [id, secret, token] = found.keys;
  if (typeof id !== 'string' || typeof secret !== 'string' || (token !== null && typeof token !== 'string')) {
    return { kind: 'refused', reason: `a key of [${profile}] in ${paths.awsCredentials} is an indented block, not a value`, hint: NOTHING_CHANGED };
  }
  // credential_process must answer with both keys; empty ones are no credentials to serve.
  if (id === '' || secret === '') return { kind: 'refused', reason: `[${profile}] in ${paths.awsCredentials} has an empty ${id === '' ? 'aws_access_key_id' : 'aws_secret_access_key'}`, hint: `Log in first: duo-sso-setup login --profile ${profile}. ${NOTHING_CHANGED}` };
  const inherited = SECRET_KEYS.filter((k) => credFile.defaults?.options.has(k));
  if (inherited.length > 0) return { kind: 'refused', reason: `[DEFAULT] in ${paths.awsCredentials} gives every profile ${inherited.join(', ')}; they cannot be moved for one profile`, hint: NOTHING_CHANGED };
  // The config side: our line in the section the AWS CLI reads for this profile, or a new one.
  const configIni = files.config?.file;
  const configSection = files.config?.profiles.get(profile)?.section;
  const configHeader = configSection?.header ?? configSectionName(profile);
  let configAfter: string;
  if (configIni && configSection) configAfter = setOption(configIni, configSection, 'credential_process', command);
  else if (configIni) configAfter = appendSection(configIni, configHeader, [['credential_process', command]]);
  else configAfter = `[${configHeader}]\ncredential_process = ${command}\n`;
  const credentialsAfter = removeOptions(credFile, findSection(credFile, profile)!, SECRET_KEYS);
  const keys = { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) };
  // Proof on the result, not trust in the edit: re-read both and compare with before.
  const after = parseFiles(configAfter, credentialsAfter);
  const afterView = after.ok ? viewOf(after.files) : undefined;
  const other = afterView ? changedProfile(view, afterView, new Set([profile])) : '(the edited file no longer parses)';
  const own = afterView && !('error' in afterView) ? afterView : undefined;
  const served = own?.process[profile];
  const split = served ? splitCredentialProcess(served.raw, platform) : undefined;
  const rest = (v: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(v ?? {}).filter(([k]) => k !== 'credential_process' && !(SECRET_KEYS as readonly string[]).includes(k)));
  if (other !== undefined || !own || own.credentials[profile] !== null || !isDeepStrictEqual(split, [...argv]) || !isDeepStrictEqual(rest(own.profiles[profile]), rest(merged))) {
    return { kind: 'refused', reason: `migrating ${profile} would change what the AWS CLI sees${other ? ` for profile ${other}` : ` for ${profile} beyond its keys`}`, hint: `This file layout is one the migration cannot edit exactly; ${NOTHING_CHANGED}` };
  }
  return { kind: 'move', credentialsAfter, configAfter, credentialsHeader: profile, configHeader, keys };
}

/**
 * Keys whose expiry is known (from login, or written beside them) and already past are not
 * worth moving: credential_process would only serve an error. The user logs in instead.
 */
export function expiredRefusal(expiry: { expiration?: Date; source: string }, now: Date, profile: string): UserError | undefined {
  if (!expiry.expiration || expiry.source === 'estimated' || expiry.expiration.getTime() > now.getTime()) return undefined;
  return new UserError(`cannot migrate profile ${profile}: its session credentials expired at ${expiry.expiration.toISOString()}`, {
    hint: `Log in for fresh ones, which can be stored right away: duo-sso-setup login --profile ${profile} --store keychain (or pass). ${NOTHING_CHANGED}`,
  });
}
