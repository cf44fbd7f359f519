// pass (the standard Unix password manager): one gpg-encrypted file per entry under
// ~/.password-store, the same store duo-sso keeps its own secrets in on Linux. Entries are
// `duo-sso-setup/<account>`, e.g. duo-sso-setup/aws/eticloud.
// Synchronous fs on purpose: tiny files, and node:fs/promises costs the credential-process path ~1 ms to load.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exec, ExecResult } from './exec.js';
import { SecretStoreError, type Availability, type SecretStore } from './types.js';

export const PASS_PREFIX = 'duo-sso-setup';

export interface PassOptions {
  exec: Exec;
  /** PASSWORD_STORE_DIR or ~/.password-store. */
  storeDir: string;
  /** The pass program (found on PATH by the caller; defaults to `pass` resolved by the runner). */
  pass?: string;
  /**
   * Read entries with `gpg --decrypt` on the entry file instead of `pass show` (which is a bash
   * script around the same call): about 10 ms less, which the credential-process path needs.
   * Writes and deletes always go through pass.
   */
  directRead?: { env: Readonly<Record<string, string | undefined>> };
  timeoutMs?: number;
}

export function passEntry(account: string): string {
  return `${PASS_PREFIX}/${account}`;
}

/**
 * The first line of what went wrong: gpg puts the cause first and the consequence after.
 * stderr only: stdout of a read that failed half-way may hold the decrypted secret.
 */
function firstLine(r: ExecResult): string {
  if (r.spawnError) return r.spawnError;
  if (r.timedOut) return 'timed out (gpg waiting for a passphrase? run `pass show` once in a terminal)';
  return r.stderr.split('\n').map((l) => l.trim()).filter(Boolean)[0] ?? `exit ${r.exitCode} with no message`;
}

const NOT_IN_STORE = /is not in the password store/;

export function passStore(opts: PassOptions): SecretStore {
  const pass = opts.pass ?? 'pass';
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const label = `pass store ${opts.storeDir}`;
  const run = (args: string[], extra: { input?: string; mutates?: boolean } = {}) =>
    opts.exec(pass, args, { timeoutMs, env: { PASSWORD_STORE_DIR: opts.storeDir }, ...extra });

  return {
    name: 'pass',
    label,
    async available(): Promise<Availability> {
      const version = await opts.exec(pass, ['version'], { timeoutMs: 5000 });
      if (version.spawnError) return { ok: false, reason: `pass is not installed (${version.spawnError}): install pass and gnupg` };
      let gpgIds: string;
      try {
        gpgIds = readFileSync(join(opts.storeDir, '.gpg-id'), 'utf8');
      } catch {
        return { ok: false, reason: `the pass store ${opts.storeDir} is not initialised: run \`pass init <your gpg key id>\`` };
      }
      const ids = gpgIds.split('\n').map((s) => s.trim()).filter(Boolean);
      return { ok: true, detail: `${label} (gpg ${ids.join(', ') || 'key'})` };
    },
    async get(account) {
      // A passphrase typed into pinentry may take a while: a longer deadline than for pass itself.
      if (opts.directRead) return decrypt(opts.exec, opts.directRead, join(opts.storeDir, `${passEntry(account)}.gpg`), Math.max(timeoutMs, 120_000), label);
      const r = await run(['show', passEntry(account)]);
      if (r.exitCode === 0 && !r.timedOut) return r.stdout.replace(/\r?\n$/, '');
      if (NOT_IN_STORE.test(r.stderr)) return undefined;
      throw new SecretStoreError('pass', `cannot read ${passEntry(account)} from the ${label}: ${firstLine(r)}`);
    },
    async set(account, secret) {
      const r = await run(['insert', '--multiline', '--force', passEntry(account)], { input: `${secret}\n`, mutates: true });
      if (r.exitCode !== 0 || r.timedOut || r.spawnError) throw new SecretStoreError('pass', `cannot write ${passEntry(account)} to the ${label}: ${firstLine(r)}`);
    },
    async delete(account) {
      const r = await run(['rm', '--force', passEntry(account)], { mutates: true });
      if (r.exitCode === 0 && !r.timedOut) return true;
      if (NOT_IN_STORE.test(r.stderr)) return false;
      throw new SecretStoreError('pass', `cannot delete ${passEntry(account)} from the ${label}: ${firstLine(r)}`);
    },
  };
}

/** What `pass show` does: gpg -d with pass's options (PASSWORD_STORE_GPG_OPTS first). */
async function decrypt(exec: Exec, direct: NonNullable<PassOptions['directRead']>, file: string, timeoutMs: number, label: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  const extra = (direct.env.PASSWORD_STORE_GPG_OPTS ?? '').split(/\s+/).filter(Boolean);
  const args = ['-d', ...extra, '--quiet', '--yes', '--compress-algo=none', '--no-encrypt-to', file];
  let r = await exec('gpg', args, { timeoutMs });
  // Some distributions only ship gpg2 (pass looks for it too).
  if (r.spawnError === 'not found') r = await exec('gpg2', args, { timeoutMs });
  if (r.exitCode === 0 && !r.timedOut) return r.stdout.replace(/\r?\n$/, '');
  // gpg could not ask for the key's passphrase (no terminal for pinentry): say how to unlock it.
  const unlock = /Inappropriate ioctl|pinentry|No secret key|Operation cancelled/i.test(r.stderr)
    ? ' (if your gpg key has a passphrase: export GPG_TTY=$(tty), or unlock it once with `pass show <entry>`)'
    : '';
  throw new SecretStoreError('pass', `cannot decrypt ${file} from the ${label}: ${firstLine(r)}${unlock}`);
}
