// HOME unset or empty: the doctor's platform check fails, and every command that keeps files
// under HOME refuses in the same words, instead of quietly writing into the home folder the
// user database names (which may not be the one the user, or sudo, meant).
import { UserError } from '../errors.js';
import type { Env } from './paths.js';

export function homeUnset(env: Env, os: NodeJS.Platform = process.platform): boolean {
  return os !== 'win32' && !env.HOME;
}

/** Commands that never read or write under HOME (the doctor reports HOME itself). */
const WITHOUT_HOME = new Set(['doctor', 'troubleshoot', 'saml', 'help']);

export function commandNeedsHome(commandPath: readonly string[]): boolean {
  return !WITHOUT_HOME.has(commandPath[0] ?? '');
}

export const HOME_UNSET = 'HOME is not set';

/** The platform check's finding as a refusal; `guess` is where HOME probably should point. */
export function homeUnsetError(guess: string): UserError {
  return new UserError(`${HOME_UNSET}: nothing was changed (this tool will not guess where your files are)`, { hint: `Set it to your home folder: export HOME=${guess}` });
}
