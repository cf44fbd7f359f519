// `credentials restore`: the reverse of migrate. The stored patches put back the exact bytes
// migrate took out of both files; when a file changed in between so that a patch no longer
// fits, the keys are written back as ordinary `key = value` lines instead, and keys a newer
// login wrote to the file are never overwritten with older stored ones.
// Each profile runs under its profile lock with a journal (see journal.ts). Both files are
// computed from what they hold under their locks (another restore or migrate may have written
// them since we looked), and the entry leaves the store only once the file, read back under the
// lock, holds keys for the profile again. The credentials file is rewritten without a backup: a
// .bak of it would keep the keys restored earlier in the run.
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { configProfile, configSectionName, getSection, removeSection, setValues } from '../aws/ini.js';
import { updateState } from '../state/state.js';
import { accountFor, isDamagedEntry, type SecretStore } from '../secrets/types.js';
import { isOurCommand, removeCredentialProcess } from './config-file.js';
import { hasSecrets, readProfileCredentials } from './credentials-file.js';
import { parseEntry, type StoredEntry } from './entry.js';
import { undoPatch } from './text-patch.js';
import { forgetStored } from './state-record.js';
import { readLocked, readText, validateProfileName, withAwsFiles } from './files.js';
import { withProfileLock } from './profile-lock.js';
import { beginJournal, endJournal } from './journal.js';
import { interrupted } from '../platform/interrupt.js';
import { changedProfile, type AwsTexts } from './migrate-files.js';
import { awsView } from '../aws/botocore-view.js';

export type RestoreCtx = Pick<Context, 'paths' | 'options'> & Partial<Pick<Context, 'now'>>;

export interface RestoreOutcome {
  profile: string;
  status: 'restored' | 'not-stored' | 'would-restore';
  /** exact: both files byte-for-byte as before migrate; rewritten: a file had changed, keys written back as lines. */
  how?: 'exact' | 'rewritten';
  /** The credentials file already had (newer) keys for this profile: they were kept, the stored ones dropped. */
  keptNewerKeys?: boolean;
}

export function restoredCredentials(current: string, entry: StoredEntry, profile: string): { text: string; exact: boolean; keptNewer: boolean } {
  // Checked first: putting the old lines back beside newer ones would leave two sets of keys.
  if (hasSecrets(current, profile)) {
    // The stored keys themselves: a migrate stopped before it took them out. Nothing newer, nothing to write.
    const inFile = readProfileCredentials(current, profile);
    const same = inFile.kind === 'ok' && inFile.credentials.accessKeyId === entry.AccessKeyId && inFile.credentials.secretAccessKey === entry.SecretAccessKey;
    return { text: current, exact: same, keptNewer: !same };
  }
  const patch = entry.duoSsoSetup.credentialsPatch;
  const exact = patch ? undoPatch(current, patch) : undefined;
  if (exact !== undefined) return { text: exact, exact: true, keptNewer: false };
  const text = setValues(current, profile, {
    aws_access_key_id: entry.AccessKeyId,
    aws_secret_access_key: entry.SecretAccessKey,
    // Stryker disable next-line ConditionalExpression: equivalent, an undefined value removes the option, and a section with a token took the hasSecrets path above
    ...(entry.SessionToken ? { aws_session_token: entry.SessionToken } : {}),
  });
  return { text, exact: false, keptNewer: false };
}

export function restoredConfig(current: string, entry: StoredEntry, profile: string): { text: string; exact: boolean } {
  const patch = entry.duoSsoSetup.configPatch;
  const exact = patch ? undoPatch(current, patch) : undefined;
  if (exact !== undefined) return { text: exact, exact: true };
  const text = removeCredentialProcess(current, profile);
  // A section migrate created (its header is in what the patch added) goes when it is left empty.
  // Stryker disable next-line LogicalOperator: equivalent, a section migrate created is always named configSectionName(profile), and no other is removed
  const section = patch?.section ?? configSectionName(profile);
  const created = patch !== undefined && patch.after.includes(`[${section}]`) && !patch.before.includes(`[${section}]`);
  const empty = getSection(text, section) !== undefined && Object.keys(getSection(text, section)!).length === 0;
  return { text: created && empty ? removeSection(text, section) : text, exact: false };
}

/** The stored text; a damaged entry (0 bytes, not OpenPGP) is `damaged`: it holds nothing to restore. */
async function readStored(store: SecretStore, profile: string): Promise<{ raw: string | undefined; damaged?: Error }> {
  try {
    return { raw: await store.get(accountFor(profile)) };
  } catch (error) {
    if (isDamagedEntry(error)) return { raw: undefined, damaged: error };
    throw error;
  }
}

async function restoreOne(ctx: RestoreCtx, profile: string, store: SecretStore): Promise<RestoreOutcome> {
  const { awsCredentials, awsConfig } = ctx.paths;
  const { raw, damaged } = await readStored(store, profile);
  const configBefore = await readText(awsConfig);
  const credentialsRead = await readText(awsCredentials);
  // Stryker disable next-line StringLiteral: equivalent, no file and any text without a [profile] section both have no keys for it
  const credentialsBefore = credentialsRead ?? '';
  const entry = raw === undefined ? undefined : parseEntry(raw);
  if (!entry) {
    const linked = isOurCommand(configProfile(configBefore, profile)?.credential_process);
    // Not a whole entry of ours: a write cut off (a killed migrate's `pass insert` got only part
    // of its input). Harmless to drop while the keys are still in the file, as they are until a
    // migrate has read its entry back whole.
    // (Only looked at when not linked: a linked profile's entry is refused below either way.)
    const cutOff = raw !== undefined && hasSecrets(credentialsBefore, profile);
    if (linked || (raw !== undefined && !cutOff)) {
      const what = damaged?.message ?? (raw !== undefined ? `the stored entry for profile ${profile} in the ${store.label} is damaged` : undefined);
      if (what) throw new UserError(what, { hint: `Log in again: duo-sso-setup login --profile ${profile}` });
      throw new UserError(`profile ${profile} uses credential_process, but the ${store.label} has no credentials for it`, {
        hint: `Were they stored in the other store? Try --store ${store.name === 'keychain' ? 'pass' : 'keychain'}. Or log in again: duo-sso-setup login --profile ${profile}`,
      });
    }
    if (!ctx.options.dryRun) {
      // What an interrupted migrate left before it changed a file: its keys are still in the
      // file, so a damaged or cut-off entry and the journal can go.
      if (damaged || cutOff) await store.delete(accountFor(profile));
      await endJournal(ctx.paths, profile);
    }
    return { profile, status: 'not-stored' };
  }
  if (ctx.options.dryRun) {
    const planned = restoredFiles({ config: configBefore, credentials: credentialsRead }, entry, profile);
    return { ...planned.outcome, status: 'would-restore' };
  }
  await beginJournal(ctx.paths, { operation: 'restore', profile, store: store.name, startedAt: (ctx.now?.() ?? new Date()).toISOString() });
  let touched = false;
  const locked = withAwsFiles(ctx.paths, async (now, files) => {
    // Planned again from what the files hold under their locks: another run may have restored
    // or migrated another profile since the read above, and its write must stay.
    const planned = restoredFiles(now, entry, profile);
    const changed = changedProfile(awsView(now.config, now.credentials), awsView(planned.texts.config, planned.texts.credentials), new Set([profile]));
    if (changed !== undefined) {
      throw new UserError(`cannot restore profile ${profile}: putting its keys back would change what the AWS CLI sees for profile ${changed}; nothing was changed and its keys are still in the ${store.label}`, {
        hint: 'This is a bug: please report it with the layout of the two files (without the keys).',
      });
    }
    // Keys back into the file first: from then on the AWS CLI uses them whatever the config says.
    touched = true;
    await files.credentials.write(planned.texts.credentials);
    if (planned.texts.config === undefined) {
      // Stryker disable next-line ConditionalExpression: equivalent, removing a config file that is not there changes nothing (rm force)
      if (now.config !== undefined) await files.config.remove();
    } else {
      await files.config.write(planned.texts.config);
    }
    // The entry goes only once the file, read back, holds keys for the profile (ours, or newer ones).
    const back = await readLocked(ctx.paths, files);
    const credentialsBack = back.credentials === planned.texts.credentials && hasSecrets(back.credentials, profile);
    if (!credentialsBack || back.config !== planned.texts.config) {
      // The file that changed, named: the user looks there for the other program's write.
      throw new UserError(`${credentialsBack ? awsConfig : awsCredentials} changed while restoring profile ${profile} (another program wrote it); its keys are still in the ${store.label}`, { hint: 'Run the command again.' });
    }
    return planned.outcome;
  });
  const outcome = await locked.catch(async (error: unknown) => {
    // Stopped before either file changed (the locks stayed taken): nothing for a restore to finish.
    if (!touched && interrupted() === undefined) await endJournal(ctx.paths, profile);
    throw error;
  });
  await store.delete(accountFor(profile));
  await endJournal(ctx.paths, profile);
  await updateState(ctx.paths, (s) => forgetStored(s, profile));
  return { ...outcome, status: 'restored' };
}

/** Both files with the profile's keys back and our line gone, computed from `now` (config undefined: the file goes). */
function restoredFiles(now: AwsTexts, entry: StoredEntry, profile: string): { texts: AwsTexts & { credentials: string }; outcome: Omit<RestoreOutcome, 'status'> } {
  const creds = restoredCredentials(now.credentials ?? '', entry, profile);
  // Stryker disable next-line StringLiteral: equivalent, with no config file the text is dropped (configGone) and no patch fits either text
  const config = restoredConfig(now.config ?? '', entry, profile);
  // A config file migrate created goes when nothing but our line was in it; a missing one stays missing.
  const configGone = now.config === undefined || (config.text === '' && entry.duoSsoSetup.configCreated === true);
  const how = creds.exact && config.exact ? 'exact' : 'rewritten';
  return {
    texts: { credentials: creds.text, config: configGone ? undefined : config.text },
    outcome: { profile, how, ...(creds.keptNewer ? { keptNewerKeys: true } : {}) },
  };
}

/** Puts each profile's keys back into the shared credentials file and removes our credential_process line. */
export async function restoreProfiles(ctx: RestoreCtx, profiles: readonly string[], store: SecretStore): Promise<RestoreOutcome[]> {
  const outcomes: RestoreOutcome[] = [];
  for (const profile of profiles) {
    validateProfileName(profile);
    const one = () => restoreOne(ctx, profile, store);
    outcomes.push(ctx.options.dryRun ? await one() : await withProfileLock(ctx.paths, profile, one));
  }
  return outcomes;
}
