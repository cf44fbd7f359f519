// `credential-process --profile NAME`: what the AWS CLI runs (through `credential_process` in
// ~/.aws/config) before every call. It prints the Version 1 JSON on stdout and nothing else,
// or one line on stderr and exits 1. cli.ts require()s this module's own CommonJS bundle
// (dist/credential-process.cjs) before commander, execa or the ES-module loader: keep its
// imports to node built-ins and the small secrets code, and load anything else lazily.
import { join } from 'node:path';
import { readOwnTextSync } from '../fs/safe-read.js';
import { resolvePaths, type Env } from '../platform/paths.js';
import { placesOf, rootInOthersPlaces } from '../platform/root-home.js';
import { keychainStore } from '../secrets/keychain.js';
import { passStore } from '../secrets/pass.js';
import { spawnExec } from '../secrets/spawn-exec.js';
import { accountFor, isStoreKind, isValidProfileName, PROFILE_NAME_RULE, SecretStoreError, type SecretStore, type StoreKind } from '../secrets/types.js';
import { isExpired, parseEntry, processOutput } from './entry.js';
import { isDue, renewalFor } from './renew-settings.js';
import type { ProcessIO, Renewer } from './renew-request.js';
import { visible } from '../ui/visible.js';

const TOOL = 'duo-sso-setup';

export type ParsedArgs = { ok: true; profile: string; store?: StoreKind } | { ok: false; message: string };

/** `--profile NAME` (or `--profile=NAME`), optionally `--store keychain|pass`; nothing else. */
export function parseArgs(args: readonly string[]): ParsedArgs {
  let profile: string | undefined;
  let store: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag !== '--profile' && flag !== '--store') return { ok: false, message: `unknown argument '${a}' (usage: ${TOOL} credential-process --profile NAME)` };
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return { ok: false, message: `${flag} needs a value` };
    if (flag === '--profile') profile = value;
    else store = value;
  }
  if (!profile) return { ok: false, message: `--profile NAME is required (usage: ${TOOL} credential-process --profile NAME)` };
  // Before any store path is built from it: `--profile ../../x` must not read outside the store.
  if (!isValidProfileName(profile)) return { ok: false, message: `invalid profile name '${profile}': ${PROFILE_NAME_RULE}` };
  if (store !== undefined && !isStoreKind(store)) return { ok: false, message: `--store must be keychain or pass, got '${store}'` };
  return { ok: true, profile, ...(store ? { store: store as StoreKind } : {}) };
}

/** Our state file (the store `credentials migrate` recorded, renewal settings); read directly to stay light. */
function lightState(env: Env): { secretStore?: unknown; renewal?: unknown } | undefined {
  try {
    // Synchronous: a one-shot process gains nothing from a thread-pool round trip.
    // Never through a link, never blocking on a pipe planted at state.json.
    const state: unknown = JSON.parse(readOwnTextSync(resolvePaths(env).stateFile) ?? '{}');
    return typeof state === 'object' && state !== null ? state : undefined;
  } catch {
    return undefined;
  }
}

function makeStore(kind: StoreKind, env: Env): SecretStore {
  // pass: read with gpg directly (see PassOptions.directRead).
  return kind === 'keychain'
    ? keychainStore({ env, blocking: true })
    : passStore({ exec: spawnExec, storeDir: resolvePaths(env).passwordStore, directRead: { env } });
}

function loginHint(profile: string): string {
  return `run \`${TOOL} login --profile ${profile}\``;
}

export async function credentialProcess(args: readonly string[], env: Env, io: ProcessIO, now: () => Date = () => new Date(), renewer?: Renewer): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    io.err(`${TOOL}: credential-process: ${parsed.message}\n`);
    return 2;
  }
  const { profile } = parsed;
  // As root with another user's HOME (sudo aws …): no gpg, no renewal, no file of ours there.
  const paths = resolvePaths(env);
  const refusal = rootInOthersPlaces(paths.home, placesOf(paths, env));
  if (refusal) {
    io.err(`${TOOL}: ${refusal.message}\n${refusal.opts.hint ?? ''}\n`);
    return 1;
  }
  const state = lightState(env);
  const named = parsed.store ?? (isStoreKind(state?.secretStore) ? state.secretStore : undefined);
  const guess: StoreKind = process.platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS ? 'pass' : 'keychain';
  // Without a store named (our state file lost or reset), a profile migrated to pass on a Linux
  // desktop must still be served: pass is asked when the keychain has nothing or cannot answer.
  const kinds: StoreKind[] = named ? [named] : process.platform === 'linux' && guess === 'keychain' ? ['keychain', 'pass'] : [guess];
  let text: string | undefined;
  let failure: string | undefined;
  let store: SecretStore | undefined;
  for (const [i, k] of kinds.entries()) {
    try {
      store = makeStore(k, env);
      text = await store.get(accountFor(profile));
    } catch (error) {
      if (i === 0) failure = error instanceof SecretStoreError ? error.message : String((error as Error)?.message ?? error);
    }
    if (text !== undefined) break;
  }
  if (text === undefined && failure !== undefined) {
    io.err(`${TOOL}: cannot read the credentials of profile ${profile}: ${failure.split('\n')[0]}\n`);
    return 1;
  }
  if (text === undefined) {
    io.err(`${TOOL}: no stored credentials for profile ${profile} in the ${kinds.join(' or ')} store: ${loginHint(profile)}\n`);
    return 1;
  }
  let entry = parseEntry(text);
  if (!entry) {
    io.err(`${TOOL}: the stored credentials of profile ${profile} are damaged: ${loginHint(profile)}\n`);
    return 1;
  }
  const renewal = renewalFor(state, profile);
  let fix = loginHint(profile);
  if (renewer && renewal.enabled && isDue(entry.Expiration, now(), renewal.refreshBeforeMs)) {
    const answered = store!;
    const renewed = await renewer({ profile, env, io, now, renewal, current: entry, read: async () => parseEntry((await answered.get(accountFor(profile))) ?? '') });
    // A failed renewal never blocks keys that are still valid (docs/renewal.md): they are
    // served below; once expired, the error names the command that fixes it.
    if (renewed.ok) entry = renewed.entry;
    else fix = `could not renew them: ${renewed.message}; run \`${renewed.command}\``;
  }
  if (isExpired(entry, now())) {
    io.err(`${TOOL}: the credentials of profile ${profile} expired at ${entry.Expiration}: ${fix}\n`);
    return 1;
  }
  io.out(processOutput(entry));
  return 0;
}

/** Entry for src/cli.ts's fast path: the real process, its environment and streams. */
export function run(args: readonly string[]): Promise<number> {
  return credentialProcess(args, process.env, {
    out: (t) => void process.stdout.write(t),
    // The AWS CLI shows our stderr on the user's terminal: a profile name there is shown inert.
    // Not wrapped: our stderr is the AWS CLI's pipe (no width to wrap at), and it prints the text
    // inside its own error line.
    err: (t) => void process.stderr.write(visible(t)),
  }, () => new Date(), (request) => {
    // Its own bundle beside this one (scripts/build.mjs), required only when a renewal is due.
    const file = join(__dirname, 'renew.cjs');
    return (require(file) as { renewCredentials: Renewer }).renewCredentials(request);
  });
}
