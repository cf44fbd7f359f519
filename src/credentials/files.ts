// Small file and name helpers shared by migrate and restore.
import { UserError } from '../errors.js';
import { decodeBytes, describeIniError, readAwsFile, type AwsFileRead } from '../aws/shared-files.js';
import { withLockedFiles, type LockedFile } from '../fs/safe-write.js';
import { unsafeProfileName, type AwsPaths, type AwsTexts } from './migrate-files.js';

/**
 * The file's text, or undefined when it does not exist. Bytes the AWS CLI cannot read (not
 * UTF-8) are refused here, before anything is planned: the file is never touched.
 */
export async function readText(path: string): Promise<string | undefined> {
  let read;
  try {
    read = await readAwsFile(path);
  } catch (error) {
    // Usually AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE set to ~/.aws itself: the AWS CLI
    // then reads no settings at all (botocore skips a path that is not a file), and we cannot
    // write into a folder; Node's "EISDIR: illegal operation on a directory" says neither.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new UserError(`${path} is a folder, not a file, so the AWS CLI reads nothing from it; nothing was changed`, {
        hint: 'If AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE names it, point that variable at the file inside it (e.g. ~/.aws/config, ~/.aws/credentials) or unset it, then run the command again.',
      });
    }
    throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return textOf(path, read);
}

function textOf(path: string, read: AwsFileRead): string | undefined {
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

export interface LockedAwsFiles {
  config: LockedFile;
  credentials: LockedFile;
}

/**
 * Runs `fn` holding the locks of both AWS files, with their texts as they are under the locks:
 * what migrate and restore write is computed from these, never from an earlier read (another
 * run may have rewritten either file since). The credentials file is rewritten 0600 and
 * without a backup: a .bak beside it would keep the very keys being moved.
 */
export async function withAwsFiles<T>(paths: AwsPaths, fn: (now: AwsTexts, files: LockedAwsFiles) => Promise<T>): Promise<T> {
  return withLockedFiles([{ path: paths.awsConfig }, { path: paths.awsCredentials, opts: { mode: 0o600, backup: false } }], async ([config, credentials]) => {
    const files = { config: config!, credentials: credentials! };
    return fn(await readLocked(paths, files), files);
  });
}

/** Both texts as they are now (read again after a write, to see what landed on disk). */
export async function readLocked(paths: AwsPaths, files: LockedAwsFiles): Promise<AwsTexts> {
  return {
    config: textOf(paths.awsConfig, decodeBytes(await files.config.read())),
    credentials: textOf(paths.awsCredentials, decodeBytes(await files.credentials.read())),
  };
}
