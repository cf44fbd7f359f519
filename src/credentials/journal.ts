// The migration journal: one small file per profile under our state folder, written BEFORE a
// migrate or restore changes anything, removed once the operation is complete. Issue 15: the
// state file recorded a migration only after both files had changed, so a migrate killed in
// between (or one whose state.json could not be written) left keys in the store that a bare
// `credentials restore` could not find.
//
// It holds no secret: which profile, which store, which files, and a digest of the entry being
// written. Where the keys are at each step of a migrate (see migrate.ts):
//   journal written     → keys in the credentials file only
//   entry stored        → in the file and in the store (entry verified by reading it back)
//   config line added   → the same (the AWS CLI still prefers the file)
//   secret lines removed → in the store only; the entry holds the exact lines for restore
//   state recorded      → the journal goes
// So from any point, restore finds the profile here and puts the files back from the entry
// (or, when the keys never left the file, just drops the surplus entry): see restore.ts.
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { readOwnText } from '../fs/safe-read.js';
import { updateFile } from '../fs/safe-write.js';
import type { Paths } from '../platform/paths.js';
import { isStoreKind, isValidProfileName, type StoreKind } from '../secrets/types.js';
import { validateProfileName } from './files.js';

export interface JournalRecord {
  version: 1;
  operation: 'migrate' | 'restore';
  profile: string;
  store: StoreKind;
  startedAt: string;
  pid: number;
  /** The files the operation edits. */
  files: { credentials: string; config: string };
  /** sha256 of the entry a migrate writes: tells it apart in the store without keeping it. */
  entrySha256?: string;
}

type JournalPaths = Pick<Paths, 'stateDir'>;

export function journalDir(paths: JournalPaths): string {
  return join(paths.stateDir, 'journal');
}

export function journalPath(paths: JournalPaths, profile: string): string {
  validateProfileName(profile);
  return join(journalDir(paths), `${profile}.json`);
}

export function entryDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isRecord(v: unknown): v is JournalRecord {
  const r = v as JournalRecord;
  return typeof r === 'object' && r !== null && r.version === 1 && (r.operation === 'migrate' || r.operation === 'restore')
    && typeof r.profile === 'string' && isValidProfileName(r.profile) && isStoreKind(r.store);
}

/**
 * Records that `operation` on the profile is about to start. A failure to write stops the
 * operation before it changes anything (a run we could not record is a run restore could not find).
 */
export async function beginJournal(paths: JournalPaths & Pick<Paths, 'awsCredentials' | 'awsConfig'>, record: Omit<JournalRecord, 'version' | 'pid' | 'files'>): Promise<void> {
  const full: JournalRecord = { version: 1, ...record, pid: process.pid, files: { credentials: paths.awsCredentials, config: paths.awsConfig } };
  const path = journalPath(paths, record.profile);
  try {
    // Ours: never written through a link planted at its name.
    await updateFile(path, () => `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600, dirMode: 0o700, backup: false, follow: 'never' });
  } catch (error) {
    const why = error instanceof UserError ? error.message : String((error as Error)?.message ?? error);
    // The write's own advice when it has one (a pipe or link planted there: move it aside).
    const fix = error instanceof UserError && error.opts.hint ? error.opts.hint : `Make ${journalDir(paths)} writable, then run the command again.`;
    throw new UserError(`cannot ${record.operation} profile ${record.profile}: its journal could not be written (${why})`, {
      hint: `Nothing was changed. ${fix}`,
    });
  }
}

export async function endJournal(paths: JournalPaths, profile: string): Promise<void> {
  await rm(journalPath(paths, profile), { force: true });
}

export interface Journal {
  records: JournalRecord[];
  /** Journal files that are not ours or not readable (named so doctor can say which). */
  unreadable: string[];
}

/** Every unfinished operation, oldest first. Never throws: no folder means nothing unfinished. */
export async function readJournal(paths: JournalPaths): Promise<Journal> {
  const dir = journalDir(paths);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  const records: JournalRecord[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    try {
      // Never through a link, never waiting on a pipe planted here (it hung restore, migrate and doctor).
      const v: unknown = JSON.parse((await readOwnText(join(dir, name), 'never')) ?? '');
      if (isRecord(v) && `${v.profile}.json` === name) records.push(v);
      else unreadable.push(join(dir, name));
    } catch {
      unreadable.push(join(dir, name));
    }
  }
  return { records: records.sort((a, b) => a.startedAt.localeCompare(b.startedAt)), unreadable };
}

/**
 * The command that finishes these operations: a restore completes an interrupted restore and
 * rolls an interrupted migrate back, whatever step it reached (it takes each journal's store).
 */
export function finishCommand(records: readonly JournalRecord[]): string[] {
  return ['duo-sso-setup', 'credentials', 'restore', ...records.flatMap((r) => ['--profile', r.profile]), '--yes'];
}
