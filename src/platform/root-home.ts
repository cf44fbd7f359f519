// Root acting in another user's HOME (sudo keeping HOME, an MDM script run as root): every
// folder, lock, temp file or backup we made there would be root's, and a gpg we ran there
// would leave a root-owned ~/.gnupg, so the user loses their own files. One rule, checked
// before anything is created: as root, a place that belongs to another user is refused.
// - The command gate (main.ts, credential-process) refuses the whole run when HOME (or the
//   nearest folder above it that exists) is another user's, before any file is touched or any
//   program (gpg, pass, duo-sso) is started there.
// - Every path we create (src/fs: folders, files, temp files, locks) is checked the same way
//   just before it is made, for what HOME does not cover (AWS_CONFIG_FILE and friends).
// `doctor --user NAME` is the way for root to act for a user: it runs as that user.
// Synchronous and light: credential-process loads it on every AWS CLI call.
import { lstatSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { WITHOUT_USER_FILES } from './home-rule.js';

export interface OthersPlace {
  /** The path whose owner decided: the path itself, or the nearest folder above it that exists. */
  path: string;
  uid: number;
}

export const euid = (): number | undefined => (typeof process.geteuid === 'function' ? process.geteuid() : undefined);

/** The owner of `path`, or of the nearest folder above it that exists. `follow`: stat instead of lstat for the path itself. */
export function placeOwner(path: string, follow = false): OthersPlace | undefined {
  for (let p = path, first = true; ; p = dirname(p), first = false) {
    try {
      const info = first && !follow ? lstatSync(p) : statSync(p);
      return { path: p, uid: info.uid };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
    }
    if (dirname(p) === p) return undefined;
  }
}

/** As root: the other user `path` (or the nearest existing folder above it) belongs to; else undefined. */
export function othersPlace(path: string, opts: { follow?: boolean; uid?: number } = {}): OthersPlace | undefined {
  if ((opts.uid ?? euid()) !== 0) return undefined;
  const owner = placeOwner(path, opts.follow);
  return owner && owner.uid !== 0 ? owner : undefined;
}

const AS_USER_HINT = (uid: number) =>
  `Run duo-sso-setup as that user, without sudo (it asks for sudo itself where a step needs it): sudo -u '#${uid}' -H duo-sso-setup …; for the doctor: sudo duo-sso-setup doctor --user NAME.`;

/** The command gate: as root with a HOME of another user's, nothing runs. */
export function rootInOthersHome(home: string, uid?: number): UserError | undefined {
  const other = othersPlace(home, { follow: true, ...(uid !== undefined ? { uid } : {}) });
  if (!other) return undefined;
  return new UserError(`refusing to run as root with HOME=${home}: ${other.path} belongs to another user (uid ${other.uid}); nothing was changed`, { hint: AS_USER_HINT(other.uid) });
}

/**
 * The gate over every place a run uses, not only HOME: a root HOME with GNUPGHOME,
 * PASSWORD_STORE_DIR, AWS_CONFIG_FILE or --config in another user's folder would make gpg
 * or our writes leave root's files there just the same.
 */
export function rootInOthersPlaces(home: string, places: Readonly<Record<string, string | undefined>>, uid?: number): UserError | undefined {
  const refusal = rootInOthersHome(home, uid);
  if (refusal) return refusal;
  for (const [what, path] of Object.entries(places)) {
    if (!path) continue;
    const other = othersPlace(path, { follow: true, ...(uid !== undefined ? { uid } : {}) });
    if (other) return new UserError(`refusing to run as root: ${what} (${path}) is in ${other.path}, which belongs to another user (uid ${other.uid}); nothing was changed`, { hint: AS_USER_HINT(other.uid) });
  }
  return undefined;
}

/** The places a run may write or run programs in, by the name the user knows them by. */
export function placesOf(paths: { duoConfig: string; awsConfig: string; awsCredentials: string; passwordStore: string; cacheDir: string }, env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return {
    'duo-sso\'s config': paths.duoConfig, AWS_CONFIG_FILE: paths.awsConfig, AWS_SHARED_CREDENTIALS_FILE: paths.awsCredentials,
    PASSWORD_STORE_DIR: paths.passwordStore, GNUPGHOME: env.GNUPGHOME, 'the cache folder': paths.cacheDir,
  };
}

/** The per-path rule: throws before `path` (a file or folder about to be created or replaced) is made in another user's place. */
export function refuseOthersPlace(path: string): void {
  // The path itself when it exists, and the folder it is made in (temp files, backups and
  // locks go there too), or the nearest folder above that exists.
  const other = othersPlace(path) ?? othersPlace(dirname(path), { follow: true });
  if (!other) return;
  throw new UserError(`refusing to write ${path} as root: ${other.path} belongs to another user (uid ${other.uid}); nothing was changed`, { hint: AS_USER_HINT(other.uid) });
}


/** Whether the gate applies: `doctor --user` runs as the user, so it is the one way through. */
export function gateApplies(commandPath: readonly string[], options: unknown): boolean {
  const first = commandPath[0] ?? '';
  if (WITHOUT_USER_FILES.has(first)) return false;
  if (first === 'doctor' && typeof (options as { user?: unknown } | undefined)?.user === 'string') return false;
  return true;
}
