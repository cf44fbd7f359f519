// `credentials migrate`: for each profile, the keys duo-sso wrote to the shared credentials
// file go into the secret store, and ~/.aws/config gets a credential_process line that
// serves them back. Order matters so that nothing is ever lost:
//   1. everything is read and checked first (bad profile, someone else's credential_process,
//      store unusable: error, no file touched);
//   2. the entry is written to the store and read back;
//   3. under both files' locks, the edit is planned again from what they hold now and must be
//      the same edit of this profile's sections (else the entry goes and nothing changes); then
//      the config line is added (the AWS CLI still prefers the keys in the file);
//   4. the secret lines leave the credentials file, and both files are read back.
// Each profile runs under its profile lock (profile-lock.ts), with a journal written before
// step 2 and removed after the state records the migration (journal.ts), so a run killed at
// any step is found and finished by `credentials restore`.
// The credentials file is rewritten without a plaintext backup on purpose: a .bak beside it
// would keep the very secret we are moving out of ~/.aws. The verified store entry is the
// backup, and it holds the exact lines removed, so `credentials restore` is byte-for-byte.
import { realpath } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { readOwnText } from '../fs/safe-read.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { configProfile } from '../aws/ini.js';
import { listBackups, updateFile } from '../fs/safe-write.js';
import { readState, updateState } from '../state/state.js';
import { credentialProcessSelf, ensureLauncher } from './launcher.js';
import { accountFor, isDamagedEntry, type SecretStore } from '../secrets/types.js';
import { undoWrite, writeVerified } from '../secrets/verified-write.js';
import { credentialProcessCommand, isOurCommand, setCredentialProcess } from './config-file.js';
import { readProfileCredentials } from './credentials-file.js';
import { changedProfile, expiredRefusal, planMigrateFiles, unsafeProfileName, type AwsTexts } from './migrate-files.js';
import { awsView } from '../aws/botocore-view.js';
import { parseEntry, serialiseEntry, type ExpirationSource, type StoredEntry } from './entry.js';
import { expiryOf } from './expiration.js';
import { makePatch, type TextPatch } from './text-patch.js';
import { recordStored } from './state-record.js';
import { readLocked, readText, validateProfileName, withAwsFiles } from './files.js';
import { withProfileLock } from './profile-lock.js';
import { interrupted } from '../platform/interrupt.js';
import { beginJournal, endJournal, entryDigest, readJournal } from './journal.js';

export type MigrateCtx = Pick<Context, 'paths' | 'now' | 'options'>;

export interface MigrateOptions {
  /** The command the AWS CLI should run; defaults to this tool under the running runtime. */
  self?: readonly string[];
}

export interface MigrateOutcome {
  profile: string;
  /**
   * migrated: moved now; already: nothing in the file and our line in place (a calm no-op);
   * relinked: already, and the credential_process line now names the running tool's path.
   */
  status: 'migrated' | 'already' | 'relinked' | 'would-migrate' | 'skipped';
  /** skipped: why the name cannot be written safely (the other profiles went ahead). */
  reason?: string;
  store: SecretStore['name'];
  expiration?: string;
  expirationSource?: ExpirationSource;
  /** Backups of the credentials file (from earlier runs) that still hold this profile's secret in plaintext. */
  plaintextBackups: string[];
}

interface Plan {
  profile: string;
  entry: StoredEntry;
  /** The store's entry before this run, to put back if ours cannot be verified. */
  previous: string | undefined;
  /** What makes the file edit again under the locks, and the edit it must come out as. */
  command: string;
  argv: string[];
  edits: FileEdits;
}

/** The edits of one migrate, as patches: local to the profile's sections, whatever else the files hold. */
interface FileEdits {
  keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  credentials: TextPatch | undefined;
  config: TextPatch | undefined;
}

/**
 * The files the move makes from `now`, provided it is still the move the entry was made for
 * (same keys, same edits of the profile's own sections): then the entry restores them exactly.
 * Anything else (new keys a login wrote, a hand edit of the profile) is a refusal.
 */
const NEW_KEYS = 'got new keys for';

function replan(paths: MigrateCtx['paths'], plan: Plan, now: AwsTexts): AwsTexts & { config: string; credentials: string } | string {
  const files = planMigrateFiles(paths, now, plan.profile, plan.command, plan.argv);
  if (files.kind === 'refused') return files.reason;
  if (files.kind !== 'move') return `${paths.awsCredentials} no longer has keys for [${plan.profile}]`;
  const edits: FileEdits = {
    keys: files.keys,
    credentials: makePatch(now.credentials!, files.credentialsAfter, plan.profile),
    config: makePatch(now.config ?? '', files.configAfter, files.configHeader),
  };
  if (!isDeepStrictEqual(edits.keys, plan.edits.keys)) return `${paths.awsCredentials} ${NEW_KEYS} [${plan.profile}] meanwhile (a login wrote them)`;
  if (!isDeepStrictEqual(edits.credentials, plan.edits.credentials)) return `[${plan.profile}] in ${paths.awsCredentials} was edited meanwhile`;
  if (!isDeepStrictEqual(edits.config, plan.edits.config)) return `the section of profile ${plan.profile} in ${paths.awsConfig} was edited meanwhile`;
  return { config: files.configAfter, credentials: files.credentialsAfter };
}

/** Nothing to move: the profile is already served from the store (maybe with a stale command path). */
interface AlreadyDone {
  outcome: MigrateOutcome;
  entry: StoredEntry;
  relink?: { before: string; after: string; entry: StoredEntry };
}

/**
 * The entry with its config patch following the rewritten line, so restore stays exact. Always
 * followed, even when the followed edit does not fit `after` (the section changed around the
 * line since): the line in the file now names the new path, so the unfollowed edit could fit
 * only once the line names the old path again, and relinking back follows it back as well;
 * the followed one fits as soon as the surroundings are put back. (undoPatch checks every
 * byte it replaces, so an edit that does not fit is never applied, only left unused.)
 */
function relinkedEntry(entry: StoredEntry, before: string, after: string, profile: string): StoredEntry {
  const patch = entry.duoSsoSetup.configPatch;
  if (!patch) return entry;
  const oldLine = `credential_process = ${configProfile(before, profile)?.credential_process}`;
  const newLine = `credential_process = ${configProfile(after, profile)?.credential_process}`;
  // A function, not a string: `$$`, `$&`, `$'` in a path are text, not replacement patterns.
  const moved = { ...patch, after: patch.after.replace(oldLine, () => newLine) };
  return { ...entry, duoSsoSetup: { ...entry.duoSsoSetup, configPatch: moved } };
}

async function planProfile(ctx: MigrateCtx, profile: string, store: SecretStore, opts: MigrateOptions): Promise<Plan | AlreadyDone> {
  validateProfileName(profile);
  const { awsCredentials } = ctx.paths;
  const credentialsBefore = await readText(awsCredentials);
  const configBefore = await readText(ctx.paths.awsConfig);
  // The launcher (launcher.ts): the same line whichever runtime or installation runs us.
  const self = opts.self ?? credentialProcessSelf(ctx.paths);
  const command = credentialProcessCommand(self, profile);
  // What both files become, decided on what the AWS CLI sees (migrate-files.ts): refused before any change.
  const files = planMigrateFiles(ctx.paths, { config: configBefore, credentials: credentialsBefore }, profile, command, [...self, 'credential-process', '--profile', profile]);
  if (files.kind === 'refused') throw new UserError(`cannot migrate profile ${profile}: ${files.reason}`, { hint: files.hint });
  const ours = isOurCommand(configProfile(configBefore, profile)?.credential_process);
  const read = readProfileCredentials(credentialsBefore ?? '', profile);
  // Read the current entry first: a store that cannot be read stops us before any change. A
  // damaged entry (an interrupted `pass insert` left 0 bytes) holds nothing: it is replaced.
  const previous = await readPrevious(store, profile, read.kind === 'ok');
  const previousEntry = previous === undefined ? undefined : parseEntry(previous);
  if (files.kind === 'nothing' || read.kind !== 'ok') {
    if (ours && previousEntry) {
      // Already migrated. A line from before the launcher (naming a runtime and a script, which
      // may have moved since) is pointed at the launcher once; the launcher line stays as it is.
      const edit = setCredentialProcess(configBefore!, profile, command);
      // Only when the new line changes nothing the AWS CLI sees for any other profile.
      const relink = edit.kind === 'set' && edit.text !== configBefore && !changedProfile(awsView(configBefore, credentialsBefore), awsView(edit.text, credentialsBefore), new Set([profile])) ? edit.text : undefined;
      return {
        entry: previousEntry,
        outcome: { profile, status: relink ? 'relinked' : 'already', store: store.name, ...(previousEntry.Expiration ? { expiration: previousEntry.Expiration } : {}), expirationSource: previousEntry.duoSsoSetup.expirationSource, plaintextBackups: [] },
        ...(relink ? { relink: { before: configBefore!, after: relink, entry: relinkedEntry(previousEntry, configBefore!, relink, profile) } } : {}),
      };
    }
    const where = credentialsBefore === undefined ? `${awsCredentials} does not exist` : `${awsCredentials} has no keys for [${profile}]`;
    throw new UserError(`cannot migrate profile ${profile}: ${where}`, { hint: `Log in first: duo-sso-setup login --profile ${profile}. Nothing was changed.` });
  }
  const edit = { text: files.configAfter };
  const credentialsAfter = files.credentialsAfter;
  const state = await readState(ctx.paths);
  // Never from the credentials file's modification time: a touch or another profile's login
  // moves it later than the truth (expiration.ts).
  const expiry = expiryOf({ ...read.credentials, fileExpiration: read.credentials.expiration }, profile, state);
  const expired = expiredRefusal(expiry, ctx.now(), profile);
  if (expired) throw expired;
  const configPatch = makePatch(configBefore ?? '', edit.text, files.configHeader);
  const credentialsPatch = makePatch(credentialsBefore!, credentialsAfter, profile);
  const c = read.credentials;
  const entry: StoredEntry = {
    Version: 1,
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    // Stryker disable next-line ConditionalExpression: equivalent, an undefined SessionToken is left out of the entry's JSON all the same
    ...(c.sessionToken ? { SessionToken: c.sessionToken } : {}),
    ...(expiry.expiration ? { Expiration: expiry.expiration.toISOString() } : {}),
    duoSsoSetup: {
      profile,
      storedAt: ctx.now().toISOString(),
      expirationSource: expiry.source,
      // Stryker disable next-line ConditionalExpression: equivalent, moving keys out always changes the file, so the patch is never undefined here
      ...(credentialsPatch ? { credentialsPatch } : {}),
      // Migrating again (after a new login wrote keys to the file) keeps the first config edit
      // (following our line if its path changed), so a restore still takes the config back to
      // how it was before the first migrate.
      ...(ours && previousEntry?.duoSsoSetup.configPatch
        ? { configPatch: relinkedEntry(previousEntry, configBefore!, edit.text, profile).duoSsoSetup.configPatch!, ...(previousEntry.duoSsoSetup.configCreated ? { configCreated: true } : {}) }
        // Stryker disable next-line ConditionalExpression: equivalent, no config patch means the config (so a file that existed) already had the line; undefined is left out of the JSON
        : configPatch
          ? { configPatch, ...(configBefore === undefined ? { configCreated: true } : {}) }
          : {}),
    },
  };
  const argv = [...self, 'credential-process', '--profile', profile];
  return { profile, entry, previous, command, argv, edits: { keys: files.keys, credentials: credentialsPatch, config: configPatch } };
}

/** Backups of the credentials file that contain this secret (made by earlier writes of the file). */
async function backupsHolding(credentialsFile: string, secret: string): Promise<string[]> {
  const found: string[] = [];
  // A symlinked file (kept in a dotfiles repository) has its backups beside the file it points to.
  const target = await realpath(credentialsFile).catch(() => credentialsFile);
  for (const backup of await listBackups(target)) {
    // Our backups: a link or pipe planted at a backup's name is neither followed nor waited on.
    if (((await readOwnText(backup, 'never').catch(() => undefined)) ?? '').includes(secret)) found.push(backup);
  }
  return found;
}

/** The entry before this run; a damaged one counts as none when there are keys to replace it with. */
async function readPrevious(store: SecretStore, profile: string, haveKeys: boolean): Promise<string | undefined> {
  try {
    return await store.get(accountFor(profile));
  } catch (error) {
    if (haveKeys && isDamagedEntry(error)) return undefined;
    throw error;
  }
}

async function apply(ctx: MigrateCtx, plan: Plan, store: SecretStore, previous: string | undefined): Promise<void> {
  const account = accountFor(plan.profile);
  const text = serialiseEntry(plan.entry);
  await beginJournal(ctx.paths, { operation: 'migrate', profile: plan.profile, store: store.name, startedAt: ctx.now().toISOString(), entrySha256: entryDigest(text) });
  // Unverified: the store is put back only if it still holds what we wrote; the files are not touched yet.
  const written = await writeVerified(store, account, text, previous);
  if (!written.ok) {
    // No file was touched: nothing for a restore to finish. Unless this run is being stopped
    // (Ctrl-C, SIGTERM): then the read-back and the undo were cut short too, the entry may still
    // be ours, and the journal stays so that `credentials restore` takes it out.
    if (interrupted() === undefined) await endJournal(ctx.paths, plan.profile);
    if (written.error) throw written.error;
    const remove = store.removeCommand ? `; remove it with: ${store.removeCommand(account)}` : '';
    const left = written.undone ? '' : ` What the store holds now was left as it is (this run cannot prove it wrote it)${remove}.`;
    throw new UserError(`the ${store.label} did not give back what was stored for profile ${plan.profile}`, { hint: `Nothing was removed from your credentials file.${left} Try --store with the other store.` });
  }
  // The files are planned again under their locks, from what they hold now: another run may
  // have migrated or restored another profile since this one read them, and its write must stay.
  let touched = false;
  const locked = withAwsFiles(ctx.paths, async (now, files): Promise<string | undefined> => {
    const next = replan(ctx.paths, plan, now);
    if (typeof next === 'string') return next;
    // Our line first (the AWS CLI still prefers the keys in the file), then the keys leave the file.
    touched = true;
    await files.config.write(next.config);
    await files.credentials.write(next.credentials);
    const back = await readLocked(ctx.paths, files);
    if (back.config !== next.config || back.credentials !== next.credentials) {
      throw new UserError(`${ctx.paths.awsCredentials} or ${ctx.paths.awsConfig} changed while migrating profile ${plan.profile} (another program wrote it)`, {
        hint: `Its keys are in the ${store.label}; \`duo-sso-setup credentials restore --profile ${plan.profile}\` puts them back into the file, then migrate again.`,
      });
    }
    return undefined;
  });
  let refused: string | undefined;
  try {
    refused = await locked;
  } catch (error) {
    // Stopped before either file changed (the locks stayed taken, a file could not be read):
    // the entry this run wrote goes again, as for a refusal, so the keys are in the file only.
    if (!touched && interrupted() === undefined) {
      await undoWrite(store, account, { text }, previous);
      await endJournal(ctx.paths, plan.profile);
    }
    throw error;
  }
  if (refused !== undefined) {
    // No file was touched: only what this run wrote leaves the store (undoWrite checks).
    await undoWrite(store, account, { text }, previous);
    await endJournal(ctx.paths, plan.profile);
    const error = new UserError(`cannot migrate profile ${plan.profile}: ${refused}`, { hint: 'Nothing was changed. Run the command again.' });
    throw refused.includes(NEW_KEYS) ? Object.assign(error, { newKeys: true }) : error;
  }
}

/**
 * Moves each profile's keys from the shared credentials file into `store` and points the
 * AWS CLI at them through credential_process. Also what `login --store` calls after a login.
 * Profiles are done one at a time; an error stops at that profile with the earlier ones done.
 */
export async function migrateProfiles(ctx: MigrateCtx, profiles: readonly string[], store: SecretStore, opts: MigrateOptions = {}): Promise<MigrateOutcome[]> {
  const outcomes: MigrateOutcome[] = [];
  // Before any line names it: the launcher exists, running a tool that exists.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent on the POSIX hosts tests run on
  const posix = process.platform !== 'win32';
  if (opts.self === undefined && posix && profiles.length > 0) await ensureLauncher(ctx.paths, { dryRun: ctx.options.dryRun });
  for (const profile of profiles) {
    // A name that cannot be written safely into both files is skipped; the others go ahead.
    const unsafe = unsafeProfileName(profile);
    if (unsafe) {
      outcomes.push({ profile, status: 'skipped', reason: unsafe, store: store.name, plaintextBackups: [] });
      continue;
    }
    // Read, plan and apply under the profile's lock: a second run plans from what the first left.
    const one = () => migrateOne(ctx, profile, store, opts);
    outcomes.push(ctx.options.dryRun ? await one() : await withProfileLock(ctx.paths, profile, one));
  }
  return outcomes;
}

/**
 * A login that wrote new keys for the profile while this run was storing the old ones: nothing
 * was changed, so the run starts over and moves the new keys (a few times at most).
 */
async function migrateOne(ctx: MigrateCtx, profile: string, store: SecretStore, opts: MigrateOptions): Promise<MigrateOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(ctx, profile, store, opts);
    } catch (error) {
      // The next attempt reads the new keys, and their expiry (expiryOf matches login's record by key).
      if (attempt >= 3 || !(error as { newKeys?: boolean }).newKeys) throw error;
    }
  }
}

async function migrateOnce(ctx: MigrateCtx, profile: string, store: SecretStore, opts: MigrateOptions): Promise<MigrateOutcome> {
  const plan = await planProfile(ctx, profile, store, opts);
  if (!('profile' in plan)) {
    if (!ctx.options.dryRun) {
      if (plan.relink) {
        // Entry first, then the line, on purpose. A run stopped between the two loses and
        // duplicates nothing: the entry keeps the same keys (only its recorded config edit
        // names the new path), the keys are nowhere else, and the line still names the old
        // path and the same entry (aws/PROFILE), so credential_process serves them as before.
        // The one cost is that a restore at that point is 'rewritten', not exact (the recorded
        // edit no longer matches the old line): the keys go back whole and our line goes. The
        // next migrate heals it: it relinks again, the edit (already naming the new path) stays
        // as it is, and the line then matches it. The other order would be worse: the line
        // would name the new path with the entry's edit still naming the old one, and a next
        // migrate finds nothing to relink, so every later restore stays inexact.
        await store.set(accountFor(profile), serialiseEntry(plan.relink.entry));
        const { before, after } = plan.relink;
        // Only while the config still holds the line we planned to replace, whatever else changed.
        const line = (text: string | undefined) => configProfile(text, profile)?.credential_process;
        await updateFile(ctx.paths.awsConfig, (current) => {
          if (current === undefined || line(current) !== line(before)) return undefined;
          const edit = setCredentialProcess(current, profile, line(after)!);
          return edit.kind === 'set' ? edit.text : undefined;
        });
      }
      await finishRecord(ctx, plan.entry, store);
    }
    return plan.outcome;
  }
  const meta = {
    store: store.name,
    ...(plan.entry.Expiration ? { expiration: plan.entry.Expiration } : {}),
    expirationSource: plan.entry.duoSsoSetup.expirationSource,
    plaintextBackups: await backupsHolding(ctx.paths.awsCredentials, plan.entry.SecretAccessKey),
  };
  if (ctx.options.dryRun) return { profile, status: 'would-migrate', ...meta };
  await apply(ctx, plan, store, plan.previous);
  try {
    await updateState(ctx.paths, (s) => recordStored(s, plan.entry, store.name));
  } catch (error) {
    // The keys are moved and served; the journal stays, so restore and doctor still find the profile.
    // Stryker disable next-line ConditionalExpression: equivalent, updateState rejects with Error instances only
    const why = error instanceof Error ? error.message : String(error);
    throw new UserError(`profile ${profile}: keys moved into the ${store.label}, but ${why}`, {
      hint: `Its journal keeps it findable: \`duo-sso-setup credentials restore --profile ${profile}\` puts the keys back; once the state file is writable, \`duo-sso-setup credentials migrate --profile ${profile}\` records it.`,
    });
  }
  await endJournal(ctx.paths, profile);
  return { profile, status: 'migrated', ...meta };
}

/**
 * An already-migrated profile whose run was cut off after the files (the journal is still
 * there, or the state does not list it): record it now, so migrate also finishes such a run.
 */
async function finishRecord(ctx: MigrateCtx, entry: StoredEntry, store: SecretStore): Promise<void> {
  const profile = entry.duoSsoSetup.profile;
  const pending = (await readJournal(ctx.paths)).records.some((r) => r.profile === profile);
  if (!pending && ((await readState(ctx.paths)).storedProfiles ?? []).includes(profile)) return;
  await updateState(ctx.paths, (s) => recordStored(s, entry, store.name));
  await endJournal(ctx.paths, profile);
}
