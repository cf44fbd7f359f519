// Small file and name helpers shared by migrate and restore.
import { UserError } from '../errors.js';
import { readCredentialsText } from '../aws/credentials-file.js';
import { isValidProfileName, PROFILE_NAME_RULE } from '../secrets/types.js';

/** The file's text, or undefined when it does not exist; any other failure is the user's to fix. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readCredentialsText(path);
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * Profile names become a pass path, a keychain account and part of a command line: refuse
 * what would escape the folder or confuse the INI file.
 */
export function validateProfileName(profile: string): void {
  if (!isValidProfileName(profile)) {
    throw new UserError(`invalid profile name '${profile}'`, { hint: PROFILE_NAME_RULE, exitCode: 2 });
  }
}
