// Small file and name helpers shared by migrate and restore.
import { UserError } from '../errors.js';
import { describeIniError, readAwsFile } from '../aws/shared-files.js';
import { unsafeProfileName } from './migrate-files.js';

/**
 * The file's text, or undefined when it does not exist. Bytes the AWS CLI cannot read (not
 * UTF-8) are refused here, before anything is planned: the file is never touched.
 */
export async function readText(path: string): Promise<string | undefined> {
  let read;
  try {
    read = await readAwsFile(path);
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (read.kind === 'invalid') throw new UserError(`${describeIniError(path, read.error)}; it was left as it is`, { hint: `Save ${path} as UTF-8 (the AWS CLI on macOS and Linux reads nothing else), then run the command again.` });
  return read.kind === 'text' ? read.text : undefined;
}

/**
 * Profile names become a pass path, a keychain account and part of a command line: refuse
 * what would escape the folder or confuse the INI file.
 */
export function validateProfileName(profile: string): void {
  const why = unsafeProfileName(profile);
  if (why) throw new UserError(`invalid profile name '${profile}': ${why}`, { exitCode: 2 });
}
