// Where `credentials migrate` (and `login --store`) would keep AWS keys, and whether the
// profiles already moved there can still be served: the store answers, each entry is there,
// and ~/.aws/config still points at us. Also what an interrupted run left: an unfinished
// migrate/restore in the journal, a 0-byte pass entry. Never reads out or reports a secret.
import { existsSync } from 'node:fs';
import { configProfile } from '../../aws/ini.js';
import { readAwsFile } from '../../aws/shared-files.js';
import { readState } from '../../state/state.js';
import { candidateKinds, probeStores, storeFactory } from '../../secrets/choose.js';
import { accountFor, isValidProfileName, SecretStoreError, type SecretStore } from '../../secrets/types.js';
import { emptyEntries, passRemoveArgv } from '../../secrets/pass.js';
import { finishCommand, readJournal } from '../../credentials/journal.js';
import { commandPaths, isOurCommand } from '../../credentials/config-file.js';
import { launcherPath, launcherTargets } from '../../credentials/launcher.js';
import { readOwnText } from '../../fs/safe-read.js';
import { isExpired, parseEntry } from '../../credentials/entry.js';
import { describeFailure, failureFor, readFailure } from '../../credentials/renew-failure.js';
import { result, type Check, type CheckContext, type CheckResult, type Fix } from '../../check/types.js';

const loginFix = (profiles: string[]): Fix => ({
  description: `Log in again so fresh keys are stored: ${profiles.join(', ')}`,
  commands: profiles.map((p) => ['duo-sso-setup', 'login', '--profile', p]),
  automatic: false,
});

/** What is wrong with one migrated profile, or undefined when it can be served. */
export type ProblemKind = 'missing' | 'expired' | 'unlinked' | 'unreadable' | 'damaged' | 'renewal';

async function profileProblem(ctx: CheckContext, store: SecretStore, config: string, profile: string): Promise<{ kind: ProblemKind; text: string; command?: string } | undefined> {
  const line = configProfile(config, profile)?.credential_process;
  if (!isOurCommand(line)) {
    return { kind: 'unlinked', text: `${profile}: ${ctx.paths.awsConfig} no longer has our credential_process line` };
  }
  // A Node upgrade or a moved install leaves the line pointing at files that are gone.
  const gone = commandPaths(line!).filter((p) => !existsSync(p));
  if (gone.length > 0) return { kind: 'unlinked', text: `${profile}: credential_process runs ${gone.join(' and ')}, which no longer exist${gone.length === 1 ? 's' : ''}` };
  // Through our launcher (credentials/launcher.ts): what it runs must exist too.
  const launcher = launcherPath(ctx.paths);
  if (commandPaths(line!)[0] === launcher) {
    const lost = (launcherTargets(await readOwnText(launcher).catch(() => undefined)) ?? []).filter((p) => !existsSync(p));
    if (lost.length > 0) return { kind: 'unlinked', text: `${profile}: credential_process runs ${launcher}, which runs ${lost.join(' and ')}, which no longer exist${lost.length === 1 ? 's' : ''}` };
  }
  const entry = parseEntry((await store.get(accountFor(profile))) ?? '');
  if (!entry) return { kind: 'missing', text: `${profile}: no (readable) entry in the ${store.label}` };
  // A failed renewal of these keys (docs/renewal.md): they are served while valid, but the
  // next renewal needs what the failure names.
  const failed = failureFor(await readFailure(ctx.paths, profile), entry.AccessKeyId);
  if (isExpired(entry, ctx.now())) return { kind: 'expired', text: `${profile}: expired at ${entry.Expiration}${failed ? `; ${describeFailure(failed, ctx.now())}` : ''}`, ...(failed ? { command: failed.command } : {}) };
  if (failed) return { kind: 'renewal', text: `${profile}: ${describeFailure(failed, ctx.now())}`, command: failed.command };
  return undefined;
}

/** What interrupted runs left behind, with the command that deals with it; undefined when nothing. */
async function leftovers(ctx: CheckContext, stored: readonly string[]): Promise<{ summary: string; details: string[]; fix: Fix; data: Record<string, unknown> } | undefined> {
  const journal = await readJournal(ctx.paths);
  // Entries of stored profiles are read (and reported) by profileProblem; the others only looked at.
  const empty = emptyEntries(ctx.paths.passwordStore).filter((p) => isValidProfileName(p) && !stored.includes(p));
  if (journal.records.length === 0 && empty.length === 0 && journal.unreadable.length === 0) return undefined;
  const details = [
    ...journal.records.map((r) => `${r.profile}: a credentials ${r.operation} (${r.store} store) started ${r.startedAt} did not finish`),
    ...journal.unreadable.map((f) => `${f}: a journal file that cannot be read; remove it once no duo-sso-setup command runs`),
    ...empty.map((p) => `${p}: the pass entry duo-sso-setup/aws/${p} is empty (left by an interrupted write); remove it: ${passRemoveArgv(`aws/${p}`).join(' ')}`),
  ];
  const data = { unfinished: journal.records.map((r) => ({ profile: r.profile, operation: r.operation, store: r.store, startedAt: r.startedAt })), emptyEntries: empty };
  if (journal.records.length > 0) {
    return {
      summary: `unfinished credentials ${[...new Set(journal.records.map((r) => r.operation))].join('/')} of ${journal.records.map((r) => r.profile).join(', ')}`,
      details,
      // A restore finishes either: it completes a restore and rolls a migrate back (migrate again afterwards if wanted).
      fix: { description: 'Finish the interrupted runs (an interrupted migrate is rolled back; migrate again afterwards)', commands: [finishCommand(journal.records)], automatic: false },
      data,
    };
  }
  return {
    summary: empty.length > 0 ? `empty pass entries left by an interrupted write: ${empty.join(', ')}` : 'unreadable journal files',
    details,
    fix: { description: 'Remove the empty entries', commands: empty.map((p) => passRemoveArgv(`aws/${p}`)), automatic: false },
    data,
  };
}

export const secretStoreCheck: Check = {
  id: 'secret-store',
  title: 'secret store for AWS keys',
  timeoutMs: 20_000,
  async run(ctx) {
    const served = (await servedOnce(ctx)).result;
    const left = await leftovers(ctx, (await readState(ctx.paths)).storedProfiles ?? []);
    if (!left) return served;
    // What an interrupted run left comes first: its command is the one to run now.
    return {
      status: served.status === 'fail' ? 'fail' : 'warn',
      summary: served.status === 'ok' ? left.summary : `${left.summary}; ${served.summary}`,
      details: [...left.details, ...served.details],
      fix: left.fix,
      data: { ...served.data, ...left.data },
    };
  },
};

export interface StoredProblem { profile: string; kind: ProblemKind }

/**
 * The served-profiles half of this check, run once per doctor run: the credentials check asks
 * which stored profiles cannot be read too, and a second read of each entry (gpg) would cost
 * time and could ask for a passphrase twice.
 */
export function servedOnce(ctx: CheckContext): Promise<{ result: CheckResult; problems: StoredProblem[] }> {
  return ctx.probe('secret-store:served', async () => {
    const problems: StoredProblem[] = [];
    const result = await servedProfiles(ctx, problems);
    return { result, problems };
  });
}

async function servedProfiles(ctx: CheckContext, out: StoredProblem[]): Promise<CheckResult> {
  const os = ctx.platform.os === 'other' ? process.platform : ctx.platform.os;
  const factory = storeFactory(ctx, os, { diagnosis: true });
  const probes = await probeStores(factory, candidateKinds(os));
  const data = {
    stores: Object.fromEntries(probes.map((p) => [p.kind, p.availability.ok ? { ok: true, detail: p.availability.detail } : { ok: false, reason: p.availability.reason }])),
  };
  const describe = probes.map((p) => `${p.kind}: ${p.availability.ok ? `usable (${p.availability.detail})` : p.availability.reason}`);
  const state = await readState(ctx.paths);
  const stored = state.storedProfiles ?? [];
  if (stored.length === 0) {
    const usable = probes.find((p) => p.availability.ok);
    if (!usable) {
      return result.warn('no secret store is usable, so AWS keys can only live in plaintext in ~/.aws/credentials', describe, process.platform === 'linux'
        ? { description: 'Set up pass and gpg (used when no Secret Service runs)', commands: [['duo-sso-setup', 'install', 'pass-gpg']], automatic: true, needsConfirmation: true }
        : undefined, data);
    }
    return result.ok(`${usable.kind} is usable: \`duo-sso-setup credentials migrate\` would keep AWS keys there`, describe, { ...data, chosen: usable.kind });
  }
  const kind = state.secretStore ?? 'keychain';
  const probe = probes.find((p) => p.kind === kind);
  const store = probe?.store ?? factory(kind);
  const availability = probe?.availability ?? (await store.available());
  const fullData = { ...data, chosen: kind, storedProfiles: stored };
  if (!availability.ok) {
    return result.fail(`profiles ${stored.join(', ')} are served from the ${kind} store, which is not usable: ${availability.reason}`, [
      'Every AWS CLI call with these profiles fails until the store answers again.',
      ...describe,
    ], { description: 'Make the store usable again, or put the keys back into ~/.aws/credentials once it is', commands: [['duo-sso-setup', 'credentials', 'restore']], automatic: false }, fullData);
  }
  const config = await readAwsFile(ctx.paths.awsConfig).then((r) => (r.kind === 'text' ? r.text : ''), () => '');
  const problems: { profile: string; kind: ProblemKind; text: string; command?: string }[] = [];
  for (const profile of stored) {
    try {
      const p = await profileProblem(ctx, store, config, profile);
      if (p) problems.push({ profile, ...p });
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      // Typically a gpg key that needs its passphrase: the AWS CLI will ask through pinentry.
      // A damaged entry (0 bytes) is different: it can never be served; its message names the removal.
      problems.push({ profile, kind: error.damaged ? 'damaged' : 'unreadable', text: `${profile}: ${error.message}` });
    }
  }
  out.push(...problems.map((p) => ({ profile: p.profile, kind: p.kind })));
  if (problems.length === 0) return result.ok(`${stored.join(', ')} served from the ${store.label}`, [], fullData);
  const needLogin = problems.filter((p) => p.kind === 'missing' || p.kind === 'expired' || p.kind === 'damaged').map((p) => p.profile);
  const unlinked = problems.filter((p) => p.kind === 'unlinked').map((p) => p.profile);
  // A failed renewal's own command (e.g. login --interactive) wins over the plain login.
  const named = problems.filter((p) => p.command !== undefined && (p.kind === 'expired' || p.kind === 'renewal'));
  const fix: Fix | undefined = named.length > 0 && named.length === problems.filter((p) => p.kind !== 'unlinked' && p.kind !== 'unreadable').length
    ? { description: 'Log in by hand, as the failed renewal says', commands: named.map((p) => p.command!.split(' ')), automatic: false }
    : needLogin.length > 0
    ? loginFix(needLogin)
    : unlinked.length > 0
      ? { description: 'Point the credential_process lines at this installation again', commands: [['duo-sso-setup', 'credentials', 'migrate', ...unlinked.flatMap((p) => ['--profile', p])]], automatic: false }
      : undefined;
  const status = problems.some((p) => p.kind === 'missing' || p.kind === 'damaged') ? result.fail : result.warn;
  const unserved = problems.filter((p) => p.kind !== 'renewal');
  const renewal = problems.filter((p) => p.kind === 'renewal').map((p) => p.profile);
  const summary = [
    ...(unserved.length > 0 ? [`${unserved.length} of ${stored.length} stored profiles cannot be served`] : []),
    ...(renewal.length > 0 ? [`the last renewal of ${renewal.join(', ')} failed (the current keys are served until they expire)`] : []),
  ].join('; ');
  return status(summary, problems.map((p) => p.text), fix, fullData);
}
