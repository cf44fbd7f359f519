// An in-memory secret store for migrate/restore tests; `failSet` imitates a keyring that
// refuses writes, `corrupt` one that gives back something else than was stored.
import { SecretStoreError, type SecretStore } from '../../src/secrets/types.js';

export function memoryStore(opts: { failSet?: boolean; corrupt?: boolean } = {}): SecretStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    name: 'keychain',
    label: 'test keyring',
    data,
    available: async () => ({ ok: true, detail: 'memory' }),
    get: async (a) => data.get(a),
    set: async (a, s) => {
      if (opts.failSet) throw new SecretStoreError('keychain', 'cannot write to the test keyring: locked');
      data.set(a, opts.corrupt ? `${s}x` : s);
    },
    delete: async (a) => data.delete(a),
  };
}
