// Which secret store to use: the one asked for (--store), else the one our state file
// remembers, else the first that works here: the OS keychain, then pass (Linux without a
// Secret Service: SSH sessions, WSL, servers).
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { keychainStore } from './keychain.js';
import { passStore } from './pass.js';
import type { Exec } from './exec.js';
import type { Availability, SecretStore, StoreKind } from './types.js';

export type StoreFactory = (kind: StoreKind) => SecretStore;

/**
 * `diagnosis`: a look, not a use (doctor): gpg must fail rather than open pinentry on the
 * user's terminal, and a locked keychain must not wait long for its unlock prompt.
 */
export function storeFactory(ctx: Pick<Context, 'env' | 'paths' | 'runner'>, platform: NodeJS.Platform = process.platform, opts: { diagnosis?: boolean } = {}): StoreFactory {
  const exec: Exec = opts.diagnosis
    ? (file, args, options) => ctx.runner.run(file, args, { ...options, env: { ...options?.env, PASSWORD_STORE_GPG_OPTS: '--pinentry-mode=error' } })
    : (file, args, options) => ctx.runner.run(file, args, options);
  return (kind) =>
    kind === 'keychain'
      ? keychainStore({ env: ctx.env, platform, ...(opts.diagnosis ? { timeoutMs: 5000 } : {}) })
      : passStore({ exec, storeDir: ctx.paths.passwordStore });
}

/** The order automatic choice tries: pass is a Linux answer; elsewhere the keychain is always there. */
export function candidateKinds(platform: NodeJS.Platform): StoreKind[] {
  return platform === 'linux' ? ['keychain', 'pass'] : ['keychain'];
}

export interface Probe {
  kind: StoreKind;
  store: SecretStore;
  availability: Availability;
}

export async function probeStores(factory: StoreFactory, kinds: readonly StoreKind[]): Promise<Probe[]> {
  return Promise.all(kinds.map(async (kind) => {
    const store = factory(kind);
    return { kind, store, availability: await store.available() };
  }));
}

/**
 * The store to use, checked to be available; a UserError that names every reason otherwise.
 * `requested` wins over `remembered`; a remembered store that stopped working is an error too
 * (its entries are there: switching silently would lose them). `preferred` is only tried first.
 */
export async function chooseStore(
  factory: StoreFactory,
  opts: { requested?: StoreKind; remembered?: StoreKind; preferred?: StoreKind; platform?: NodeJS.Platform },
): Promise<SecretStore> {
  const fixed = opts.requested ?? opts.remembered;
  if (fixed) {
    const store = factory(fixed);
    const a = await store.available();
    if (a.ok) return store;
    const why = opts.requested ? `--store ${fixed}` : `the ${fixed} store (which holds the profiles migrated before)`;
    throw new UserError(`cannot use ${why}: ${a.reason}`, {
      hint: opts.requested ? `Fix that, or choose the other store: --store ${fixed === 'keychain' ? 'pass' : 'keychain'}` : 'Fix that, then run the command again. Nothing was changed.',
    });
  }
  const kinds = candidateKinds(opts.platform ?? process.platform);
  // A preference (the store used last time) goes first, but may fall back: it holds nothing now.
  if (opts.preferred) kinds.sort((a, b) => Number(b === opts.preferred) - Number(a === opts.preferred));
  const probes = await probeStores(factory, kinds);
  const usable = probes.find((p) => p.availability.ok);
  if (usable) return usable.store;
  throw new UserError(`no secret store is usable here: ${probes.map((p) => `${p.kind}: ${(p.availability as { reason: string }).reason}`).join('; ')}`, {
    hint: 'Nothing was changed. `duo-sso-setup doctor --only secret-store` explains each store.',
  });
}
