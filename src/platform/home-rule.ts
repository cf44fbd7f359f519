// HOME unset or empty: the doctor's platform check fails, and every command that keeps files
// under HOME refuses in the same words, instead of quietly writing into the home folder the
// user database names (which may not be the one the user, or sudo, meant).
import { UserError } from '../errors.js';
import type { Env } from './paths.js';

export function homeUnset(env: Env, os: NodeJS.Platform = process.platform): boolean {
  return os !== 'win32' && !env.HOME;
}

/**
 * Whether the command is refused while HOME is unset. Not those that never touch the user's
 * files (WITHOUT_USER_FILES below: `completion` only prints a script), nor the doctor's report:
 * its platform check is what says "HOME is not set". `doctor --fix` writes (config.json,
 * ~/.aws/config, the shell profile), so it is refused like every other writer, unless it runs
 * as `--user NAME` (MDM scripts run as root, often without HOME): that run gets the user's own
 * HOME from the user database. The doctor is the one difference from the root gate's list.
 */
export function commandNeedsHome(commandPath: readonly string[], options?: unknown): boolean {
  const first = commandPath[0] ?? '';
  if (WITHOUT_USER_FILES.has(first)) return false;
  const o = options as { fix?: unknown; user?: unknown } | undefined;
  return first === 'doctor' ? o?.fix === true && typeof o.user !== 'string' : true;
}

export const HOME_UNSET = 'HOME is not set';

/** The platform check's finding as a refusal; `guess` is where HOME probably should point. */
export function homeUnsetError(guess: string): UserError {
  return new UserError(`${HOME_UNSET}: nothing was changed (this tool will not guess where your files are)`, { hint: `Set it to your home folder: export HOME=${guess}` });
}

/** Commands that never create anything under HOME nor run programs there (completion only prints a script). */
export const WITHOUT_USER_FILES: ReadonlySet<string> = new Set(['troubleshoot', 'saml', 'help', 'completion']);

/**
 * Commands that never read ~/.aws: those above, and credential-process, which the AWS CLI or an
 * SDK runs after finding its profile somewhere: it keeps answering from the store. (doctor does
 * read ~/.aws: its checks would judge files the AWS CLI is not reading.)
 */
const WITHOUT_AWS_FILES = new Set([...WITHOUT_USER_FILES, 'credential-process']);

export function commandReadsAwsFiles(commandPath: readonly string[]): boolean {
  return !WITHOUT_AWS_FILES.has(commandPath[0] ?? '');
}

const AWS_FILE_VARIABLES = [['AWS_CONFIG_FILE', 'config'], ['AWS_SHARED_CREDENTIALS_FILE', 'credentials']] as const;

/**
 * AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE set but empty: botocore opens '' and reads no
 * such file at all (it does not fall back to ~/.aws), so whatever we read or wrote under ~/.aws
 * would not be what the AWS CLI sees. Refused, as HOME unset is, instead of guessing.
 */
export function emptyAwsFileVariable(env: Env): UserError | undefined {
  const empty = AWS_FILE_VARIABLES.filter(([name]) => env[name] === '');
  if (empty.length === 0) return undefined;
  const names = empty.map(([name]) => name);
  const files = empty.map(([, file]) => file).join(' or ');
  return new UserError(`${names.join(' and ')} set to an empty value: the AWS CLI then reads no ${files} file at all (not the one in ~/.aws); nothing was changed`, {
    hint: `Unset it (unset ${names.join(' ')}) or point it at a file, then run the command again.`,
  });
}
