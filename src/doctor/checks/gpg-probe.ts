// The secret-key listing that both the gpg and pass checks read, fetched once per run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findFirst } from '../../platform/facts.js';
import { homeDir } from '../../platform/paths.js';
import { output, succeeded } from '../../platform/process.js';
import { parseSecretKeys, type SecretKey } from '../../parsers/gpg-keys.js';
import type { CheckContext } from '../../check/types.js';

export type GpgState =
  | { kind: 'missing' }
  | { kind: 'broken'; path: string; message: string }
  | { kind: 'ok'; path: string; version: string | undefined; keys: SecretKey[] };

/**
 * Whether GNUPGHOME can hold a secret key. gpg 2.1+ keeps every secret key (smartcard stubs
 * too) in private-keys-v1.d, whatever stores the public keys (pubring.kbx, pubring.gpg, or
 * keyboxd's public-keys.d, the default of new GnuPG 2.4 homes, which has no pubring at all).
 */
export function mayHoldSecretKeys(gnupgHome: string): boolean {
  try {
    return readdirSync(join(gnupgHome, 'private-keys-v1.d')).some((f) => f.endsWith('.key'));
  } catch {
    return false;
  }
}

export function probeGpg(ctx: CheckContext): Promise<GpgState> {
  return ctx.probe('gpg', async (): Promise<GpgState> => {
    const path = findFirst('gpg', ctx.env) ?? findFirst('gpg2', ctx.env);
    if (!path) return { kind: 'missing' };
    const probeVersion = ctx.runner.run(path, ['--version'], { timeoutMs: 5000 });
    // Listing secret keys creates an empty keyring in a fresh home; with no secret key
    // files there is nothing to list, and a diagnosis (or setup --dry-run) changes nothing.
    const list = mayHoldSecretKeys(ctx.env.GNUPGHOME || join(homeDir(ctx.env), '.gnupg'))
      ? await ctx.runner.run(path, ['--batch', '--list-secret-keys', '--with-colons', '--fixed-list-mode'], { timeoutMs: 8000 })
      : undefined;
    const version = await probeVersion;
    if (list && !succeeded(list)) return { kind: 'broken', path, message: output(list).split('\n').filter(Boolean).at(-1) ?? `exit ${list.exitCode}` };
    return {
      kind: 'ok',
      path,
      version: /gpg \(GnuPG\) ([\d.]+)/.exec(version.stdout)?.[1],
      keys: list ? parseSecretKeys(list.stdout, ctx.now()) : [],
    };
  });
}

export function usableKeys(state: GpgState): SecretKey[] {
  return state.kind === 'ok' ? state.keys.filter((k) => k.state === 'usable' && k.canEncrypt) : [];
}
