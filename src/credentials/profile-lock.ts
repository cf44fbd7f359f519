// One lock per profile for every operation on its secret: migrate, restore, login's store
// step, and credential-process's renewal. Lock order, everywhere: this profile lock first,
// then the file locks (both ~/.aws files at once for migrate and restore, always in the same
// sorted order: withLockedFiles), then the journal's; one profile at a time. So two runs can
// wait for each other but never deadlock.
import { join } from 'node:path';
import { ensureDir, withFileLock } from '../fs/safe-write.js';
import type { Paths } from '../platform/paths.js';
import { validateProfileName } from './files.js';

export function profileLockPath(paths: Pick<Paths, 'stateDir'>, profile: string): string {
  // Validated before the path is built: a profile named ../../x must not place a lock elsewhere.
  validateProfileName(profile);
  return join(paths.stateDir, 'locks', `profile-${profile}`);
}

/** Runs `fn` holding `profile`'s lock (a `<name>.lock` file under our state folder). */
export async function withProfileLock<T>(paths: Pick<Paths, 'stateDir'>, profile: string, fn: () => Promise<T>): Promise<T> {
  const path = profileLockPath(paths, profile);
  await ensureDir(join(paths.stateDir, 'locks'), 0o700);
  return withFileLock(path, fn);
}
