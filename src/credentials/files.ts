// Small file and name helpers shared by migrate and restore.
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** The file's text, or undefined when it does not exist. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * Profile names become a pass path, a keychain account and part of a command line: refuse
 * what would escape the folder or confuse the INI file.
 */
export function validateProfileName(profile: string): void {
  if (!/^[A-Za-z0-9_.@+=,:-]+$/.test(profile) || profile.startsWith('.') || profile.length > 128) {
    throw new UserError(`invalid profile name '${profile}'`, { hint: 'Profile names may use letters, digits and _ . @ + = , : - (not starting with a dot).', exitCode: 2 });
  }
}
