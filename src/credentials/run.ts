// The `credentials migrate|restore` commands: pick the store and the profiles, ask, run,
// and print one line per profile (or one JSON document).
import type { PolicyRead } from '../policy/read.js';
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { readState } from '../state/state.js';
import { paint, symbols } from '../ui/style.js';
import { noTerminalRefusal } from '../ui/confirm-change.js';
import { chooseStore, storeFactory } from '../secrets/choose.js';
import { readJournal } from './journal.js';
import { SecretStoreError, type SecretStore, type StoreKind } from '../secrets/types.js';
import { profilesWithKeys } from './credentials-file.js';
import { readText, validateProfileName } from './files.js';
import { migrateProfiles, type MigrateOutcome } from './migrate.js';
import { restoreProfiles, type RestoreOutcome } from './restore.js';
import { requireKnownProfiles } from '../config/known-profiles.js';
import { describeExpiry } from './expiration.js';
import { wrapText } from '../ui/wrap.js';

export interface CredentialsFlags {
  profile?: string[];
  store?: StoreKind;
  /** migrate: renewal through credential-process on (true) or off (false) for these profiles. */
  renew?: boolean;
  refreshBefore?: number;
}

/**
 * The store for migrate, restore and `login --store`: --store, else the store holding the
 * migrated profiles (state.json), else the first usable, trying the one used last first.
 */
/**
 * Where new keys may go under the organisation policy's `secretStore`: its store when none is
 * asked for; another one asked for is refused before anything changes. (Restore reads from
 * wherever the keys are, so it does not ask this.)
 */
export function storeAllowed(read: PolicyRead, requested?: StoreKind): StoreKind | undefined {
  const only = read.kind === 'applied' ? read.policy.secretStore : undefined;
  if (only === undefined || only === 'any') return requested;
  if (requested && requested !== only) {
    throw new UserError(`the organisation policy (${read.path}) keeps AWS keys in the ${only} store only, not ${requested}`, { hint: `Use --store ${only}, or leave --store out. Nothing was changed.` });
  }
  return only;
}

export async function storeFor(ctx: Pick<Context, 'env' | 'paths' | 'runner'>, requested?: StoreKind): Promise<SecretStore> {
  const state = await readState(ctx.paths);
  const remembered = (state.storedProfiles ?? []).length > 0 ? state.secretStore : undefined;
  if (requested && remembered && requested !== remembered) {
    throw new UserError(`profiles ${state.storedProfiles!.join(', ')} are stored in the ${remembered} store; one store holds them all`, {
      hint: `Use --store ${remembered}, or move them first: duo-sso-setup credentials restore, then migrate --store ${requested}. Nothing was changed.`,
    });
  }
  const preferred = state.secretStore;
  return chooseStore(storeFactory(ctx), { ...(requested ? { requested } : {}), ...(remembered ? { remembered } : {}), ...(preferred ? { preferred } : {}) });
}

/** A store that fails mid-way is the user's situation to fix (locked, gone), not a bug. */
async function asUserError<T>(work: Promise<T>, hint: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof SecretStoreError) throw new UserError(error.message, { hint });
    throw error;
  }
}

async function goAhead(ctx: Context, question: string): Promise<void> {
  if (ctx.options.yes || ctx.options.dryRun) return;
  // The one confirmation rule (docs/confirmation.md): the plan, then the refusal, exit 1.
  if (!ctx.canPrompt) {
    ctx.io.err(wrapText(`Plan (not carried out):\n  ${question.replace(/\?$/, '')}\n`, ctx.io.errWidth));
    throw noTerminalRefusal();
  }
  const { confirm } = await import('../ui/prompt.js');
  if (!(await confirm(question, true))) throw new UserError('cancelled; nothing was changed');
}


export async function runMigrate(ctx: Context, flags: CredentialsFlags): Promise<number> {
  // Before anything builds a path or asks a store from a name.
  for (const p of flags.profile ?? []) validateProfileName(p);
  // A name found nowhere is a typo: said before any question (and with the names there are).
  await requireKnownProfiles(ctx.paths, flags.profile ?? [], [...((await readState(ctx.paths)).storedProfiles ?? []), ...(await readJournal(ctx.paths)).records.map((r) => r.profile)]);
  const { readPolicy } = await import('../policy/read.js');
  const policy = await readPolicy(ctx.paths);
  const store = await storeFor(ctx, storeAllowed(policy, flags.store));
  let profiles = flags.profile ?? [];
  if (profiles.length === 0) {
    // By default: every profile with temporary (STS) keys, which is what duo-sso writes, and
    // those migrated before (reported as already done, or migrated again after a new login),
    // and those an interrupted migrate left in the journal (finished now).
    const temporary = profilesWithKeys((await readText(ctx.paths.awsCredentials)) ?? '', { temporaryOnly: true });
    const interrupted = (await readJournal(ctx.paths)).records.filter((r) => r.operation === 'migrate' && r.store === store.name).map((r) => r.profile);
    profiles = [...new Set([...temporary, ...((await readState(ctx.paths)).storedProfiles ?? []), ...interrupted])];
    if (profiles.length === 0) {
      throw new UserError(`no profile in ${ctx.paths.awsCredentials} has temporary credentials to migrate`, { hint: 'Log in first (duo-sso-setup login), or name a profile: --profile NAME' });
    }
  }
  // Only profiles whose keys are in the file move: asking "move the keys" when nothing moves
  // (say, `migrate --renew` on migrated profiles) would ask about a change that is not made.
  const inFile = new Set(profilesWithKeys((await readText(ctx.paths.awsCredentials)) ?? ''));
  const moving = profiles.filter((p) => inFile.has(p));
  if (moving.length > 0) await goAhead(ctx, `Move the keys of ${moving.join(', ')} from ${ctx.paths.awsCredentials} into the ${store.label}?`);
  const renewal = await decideRenewal(ctx, flags, policy, profiles);
  // The launcher credential_process lines name (launcher.ts): part of the plan when it is (re)written.
  const { ensureLauncher, launcherPath } = await import('./launcher.js');
  const launcher = process.platform === 'win32' ? undefined : { path: launcherPath(ctx.paths), written: (await ensureLauncher(ctx.paths, { dryRun: true })) !== 'kept' };
  // Every store operation of a profile comes before its files are touched.
  const outcomes = await asUserError(migrateProfiles(ctx, profiles, store), `Nothing was removed from ${ctx.paths.awsCredentials} for the profile that failed.`);
  const served = new Set(outcomes.filter((o) => o.status !== 'skipped').map((o) => o.profile));
  const renewChanges = renewal.changes.filter((c) => served.has(c.profile));
  if (renewChanges.length > 0 || flags.refreshBefore !== undefined) {
    const { rememberRenewal } = await import('./renew-state.js');
    const refresh = flags.refreshBefore === undefined ? {} : { refreshBeforeSeconds: flags.refreshBefore * 60 };
    for (const on of [true, false]) {
      const these = renewChanges.filter((c) => c.on === on).map((c) => c.profile);
      if (these.length > 0) await rememberRenewal(ctx, these, on, refresh);
    }
    if (renewChanges.length === 0) await rememberRenewal(ctx, [], true, refresh);
  }
  const skipped = outcomes.filter((o) => o.status === 'skipped').map((o) => o.profile);
  if (ctx.options.json) {
    const withRenewal = outcomes.map((o) => (o.status === 'skipped' ? o : { ...o, renewal: renewalOf(renewal, o.profile) }));
    ctx.io.out(`${JSON.stringify({ store: { kind: store.name, label: store.label }, dryRun: ctx.options.dryRun, ...(launcher ? { launcher } : {}), profiles: withRenewal }, null, 2)}\n`);
    return skipped.length > 0 ? ExitCode.failure : ExitCode.ok;
  }
  const mark = symbols(ctx.style);
  if (launcher?.written && outcomes.some((o) => o.status !== 'skipped')) {
    ctx.io.out(wrapText(`${ctx.options.dryRun ? 'would write' : `${paint(ctx.style, 'green', mark.ok)} wrote`} ${launcher.path}: the one command credential_process runs, whichever runtime or installation runs duo-sso-setup\n`, ctx.io.outWidth));
  }
  for (const o of outcomes) {
    if (o.status === 'skipped') ctx.io.err(wrapText(`${paint(ctx.style, 'red', mark.fail)} ${o.profile}: skipped, its name cannot be written safely (${o.reason})\n`, ctx.io.errWidth));
    else ctx.io.out(wrapText(`${migrateLine(o, store, mark.ok, ctx)}; ${renewalWords(renewalOf(renewal, o.profile), ctx.options.dryRun)}\n`, ctx.io.outWidth));
  }
  const stale = [...new Set(outcomes.flatMap((o) => o.plaintextBackups))];
  if (stale.length > 0) {
    ctx.io.err(wrapText(`${paint(ctx.style, 'yellow', mark.warn)} older backups still hold these keys in plaintext (delete them once you no longer need them):\n${stale.map((p) => `  ${p}\n`).join('')}`, ctx.io.errWidth));
  }
  if (skipped.length > 0) {
    ctx.io.err(wrapText(`not migrated: ${skipped.join(', ')} (names that cannot be written safely); the other profiles were\n`, ctx.io.errWidth));
    return ExitCode.failure;
  }
  return ExitCode.ok;
}

/** Renewal per profile after this run: on or off, and whether this run changed it (and why). */
interface RenewalPlan {
  before: Record<string, boolean>;
  changes: { profile: string; on: boolean; why: 'flag' | 'policy' | 'default' | 'answer' }[];
}

/**
 * Whether credential-process renews each profile: --renew/--no-renew for all of them; else the
 * organisation policy's autoRenew, else on for profiles duo-sso logs in (config.json), asked
 * at a terminal; both only where no choice was made before (docs/renewal.md).
 */
async function decideRenewal(ctx: Context, flags: CredentialsFlags, policy: PolicyRead, profiles: readonly string[]): Promise<RenewalPlan> {
  const { renewalFor, renewalSettings } = await import('./renew-settings.js');
  const state = await readState(ctx.paths);
  const before = Object.fromEntries(profiles.map((p) => [p, renewalFor(state, p).enabled]));
  const chosen = renewalSettings(state as { renewal?: unknown }).profiles ?? {};
  const changed = (on: boolean, why: RenewalPlan['changes'][number]['why'], among: readonly string[]) => among.filter((p) => before[p] !== on || !Object.hasOwn(chosen, p)).map((profile) => ({ profile, on, why }));
  if (flags.renew !== undefined) return { before, changes: changed(flags.renew, 'flag', profiles) };
  const open = profiles.filter((p) => !Object.hasOwn(chosen, p));
  const autoRenew = policy.kind === 'applied' ? policy.policy.autoRenew : undefined;
  if (autoRenew !== undefined) return { before, changes: changed(autoRenew, 'policy', open) };
  const { readConfig } = await import('../config/read-config.js');
  const { listProfiles } = await import('../config/model.js');
  const config = await readConfig(ctx.paths.duoConfig);
  const loggedIn = new Set(config.kind === 'parsed' ? listProfiles(config.value).map((p) => p.name) : []);
  const candidates = open.filter((p) => loggedIn.has(p));
  if (candidates.length === 0) return { before, changes: [] };
  let on = true;
  if (ctx.canPrompt && !ctx.options.dryRun) {
    const { confirm } = await import('../ui/prompt.js');
    on = await confirm(`Renew the keys of ${candidates.join(', ')} before they expire (one duo-sso login, a Duo push, when an AWS command needs them)?`, true);
  }
  return { before, changes: changed(on, ctx.canPrompt && !ctx.options.dryRun ? 'answer' : 'default', candidates) };
}

function renewalOf(plan: RenewalPlan, profile: string): { on: boolean; changed: boolean; why?: string } {
  const change = plan.changes.find((c) => c.profile === profile);
  return change ? { on: change.on, changed: change.on !== plan.before[profile], why: change.why } : { on: plan.before[profile] ?? false, changed: false };
}

function renewalWords(r: ReturnType<typeof renewalOf>, dryRun: boolean): string {
  const why = r.why === 'policy' ? ' (the organisation policy\'s autoRenew)' : r.why === 'default' ? ' (the default for profiles duo-sso logs in; --no-renew turns it off)' : r.why === 'answer' ? ' (as answered)' : '';
  if (r.changed) return `${dryRun ? 'would turn' : 'turned'} renewal ${r.on ? 'on: credential_process logs in again before the keys expire' : 'off'}${why}`;
  if (r.on) return 'renewal stays on';
  return r.why === 'flag' ? 'renewal stays off' : `renewal off${why || ' (turn it on: --renew)'}`;
}

function migrateLine(o: MigrateOutcome, store: SecretStore, ok: string, ctx: Context): string {
  const tick = paint(ctx.style, 'green', ok);
  if (o.status === 'already') return `${tick} ${o.profile}: already served from the ${store.label} (${describeExpiry(o.expiration, o.expirationSource)})`;
  if (o.status === 'relinked') return `${tick} ${o.profile}: already served from the ${store.label}; credential_process now runs the launcher in ${ctx.paths.localBin}, the same line for every runtime and installation (${describeExpiry(o.expiration, o.expirationSource)})`;
  if (o.status === 'would-migrate') return `${o.profile}: would move its keys into the ${store.label} and add credential_process to ${ctx.paths.awsConfig} (dry run)`;
  return `${tick} ${o.profile}: keys moved into the ${store.label}; the AWS CLI now gets them through credential_process (${describeExpiry(o.expiration, o.expirationSource)})`;
}

export async function runRestore(ctx: Context, flags: CredentialsFlags): Promise<number> {
  for (const p of flags.profile ?? []) validateProfileName(p);
  const state = await readState(ctx.paths);
  // Newest first, undoing the migrations in reverse: each stored patch then meets the file as
  // its migrate left it, and the config a first migrate created goes away with the last restore.
  // Interrupted runs are in the journal, whether or not state.json got to record them.
  const journaled = new Map((await readJournal(ctx.paths)).records.map((r) => [r.profile, r.store]));
  await requireKnownProfiles(ctx.paths, flags.profile ?? [], [...(state.storedProfiles ?? []), ...journaled.keys()]);
  const profiles = flags.profile?.length ? flags.profile : [...new Set([...[...(state.storedProfiles ?? [])].reverse(), ...journaled.keys()])];
  if (profiles.length === 0) {
    if (ctx.options.json) ctx.io.out(`${JSON.stringify({ profiles: [] }, null, 2)}\n`);
    else ctx.io.out(wrapText('No profile is stored in a secret store; nothing to restore.\n', ctx.io.outWidth));
    return ExitCode.ok;
  }
  const storeOf = storesFor(ctx, flags.store, journaled);
  const store = await storeOf(profiles.find((p) => !journaled.has(p)) ?? profiles[0]!);
  await goAhead(ctx, `Put the keys of ${profiles.join(', ')} back into ${ctx.paths.awsCredentials} (plaintext)?`);
  const outcomes = await asUserError((async () => {
    const done: RestoreOutcome[] = [];
    for (const p of profiles) done.push(...(await restoreProfiles(ctx, [p], await storeOf(p))));
    return done;
  })(), '`duo-sso-setup doctor --only secret-store` tells what the store needs.');
  if (ctx.options.json) {
    ctx.io.out(`${JSON.stringify({ store: { kind: store.name, label: store.label }, dryRun: ctx.options.dryRun, profiles: outcomes }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const tick = paint(ctx.style, 'green', symbols(ctx.style).ok);
  for (const o of outcomes) ctx.io.out(wrapText(`${restoreLine(o, tick, ctx)}\n`, ctx.io.outWidth));
  return ExitCode.ok;
}

/**
 * The store per profile: an interrupted run's own store (its journal names it: state.json may
 * never have recorded it), else --store or the remembered one. Each is opened once, when needed.
 */
function storesFor(ctx: Context, requested: StoreKind | undefined, journaled: ReadonlyMap<string, StoreKind>): (profile: string) => Promise<SecretStore> {
  const opened = new Map<string, Promise<SecretStore>>();
  return (profile) => {
    const kind = journaled.get(profile);
    const key = kind ?? 'default';
    if (!opened.has(key)) opened.set(key, kind ? chooseStore(storeFactory(ctx), { requested: kind }) : storeFor(ctx, requested));
    return opened.get(key)!;
  };
}

function restoreLine(o: RestoreOutcome, tick: string, ctx: Context): string {
  if (o.status === 'not-stored') return `${o.profile}: not in the secret store; nothing to restore`;
  const newer = o.keptNewerKeys ? '; the newer keys already in the file were kept' : '';
  if (o.status === 'would-restore') return `${o.profile}: would put its keys back into ${ctx.paths.awsCredentials} (dry run)${newer}`;
  const how = o.how === 'exact' ? 'both files are back byte-for-byte as before the migrate' : 'a file had changed since, so the keys were written back as lines';
  return `${tick} ${o.profile}: keys back in ${ctx.paths.awsCredentials}, credential_process removed (${how}${newer})`;
}
