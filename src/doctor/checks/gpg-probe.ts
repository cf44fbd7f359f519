// The secret-key listing that both the gpg and pass checks read, fetched once per run.
import { findFirst } from '../../platform/facts.js';
import { output, succeeded } from '../../platform/process.js';
import { parseSecretKeys, type SecretKey } from '../../parsers/gpg-keys.js';
import type { CheckContext } from '../types.js';

export type GpgState =
  | { kind: 'missing' }
  | { kind: 'broken'; path: string; message: string }
  | { kind: 'ok'; path: string; version: string | undefined; keys: SecretKey[] };

export function probeGpg(ctx: CheckContext): Promise<GpgState> {
  return ctx.probe('gpg', async (): Promise<GpgState> => {
    const path = findFirst('gpg', ctx.env) ?? findFirst('gpg2', ctx.env);
    if (!path) return { kind: 'missing' };
    const [version, list] = await Promise.all([
      ctx.runner.run(path, ['--version'], { timeoutMs: 5000 }),
      ctx.runner.run(path, ['--batch', '--list-secret-keys', '--with-colons', '--fixed-list-mode'], { timeoutMs: 8000 }),
    ]);
    if (!succeeded(list)) return { kind: 'broken', path, message: output(list).split('\n').filter(Boolean).at(-1) ?? `exit ${list.exitCode}` };
    return {
      kind: 'ok',
      path,
      version: /gpg \(GnuPG\) ([\d.]+)/.exec(version.stdout)?.[1],
      keys: parseSecretKeys(list.stdout, ctx.now()),
    };
  });
}

export function usableKeys(state: GpgState): SecretKey[] {
  return state.kind === 'ok' ? state.keys.filter((k) => k.state === 'usable' && k.canEncrypt) : [];
}
