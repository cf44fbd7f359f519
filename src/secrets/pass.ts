// pass (the standard Unix password manager): one gpg-encrypted file per entry under
// ~/.password-store, the same store duo-sso keeps its own secrets in on Linux. Entries are
// `duo-sso-setup/<account>`, e.g. duo-sso-setup/aws/eticloud.
// Synchronous fs on purpose: tiny files, and node:fs/promises costs the credential-process path ~1 ms to load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Exec, ExecResult } from './exec.js';
import { isValidAccount, SecretStoreError, type Availability, type SecretStore } from './types.js';

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
  // Refused before a path is built: `aws/../../x` would read or remove a file outside the store.
  if (!isValidAccount(account)) throw new SecretStoreError('pass', `refusing the entry name ${JSON.stringify(account)}: not a profile's entry`);
  return `${PASS_PREFIX}/${account}`;
}

/** The command that removes an entry by hand. */
export function passRemoveArgv(account: string): string[] {
  return ['pass', 'rm', '--force', passEntry(account)];
}

export function passRemoveCommand(account: string): string {
  return passRemoveArgv(account).join(' ');
}

/**
 * Profiles whose entry file is empty (what an interrupted `pass insert` leaves), found without
 * gpg: a look at file sizes under `<store>/duo-sso-setup/aws/`, for doctor.
 */
export function emptyEntries(storeDir: string): string[] {
  const dir = join(storeDir, PASS_PREFIX, 'aws');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.gpg') && emptyEntry(join(dir, n))).map((n) => n.slice(0, -'.gpg'.length)).sort();
}

/**
 * gpg's answers for data that is not (whole) OpenPGP: a 0-byte file an interrupted `pass insert`
 * left, or garbage. Nothing in such a file can ever be decrypted, so it may be replaced; a
 * missing secret key or passphrase is different (the entry may hold a secret): not matched here.
 */
const DAMAGED_DATA = /no valid OpenPGP data found|decrypt_message failed: Unknown system error|invalid packet|unexpected end of file/i;

/** Whether the entry file is there and 0 bytes long. */
function emptyEntry(file: string): boolean {
  try {
    return statSync(file).size === 0;
  } catch {
    return false;
  }
}

function damaged(account: string, label: string, why: string): SecretStoreError {
  return new SecretStoreError('pass', `the entry ${passEntry(account)} in the ${label} is damaged (${why}) and holds nothing readable; remove it: ${passRemoveCommand(account)}`, true);
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
      const file = join(opts.storeDir, `${passEntry(account)}.gpg`);
      // An interrupted `pass insert` leaves a 0-byte file: say so, rather than gpg's "Unknown system error".
      if (emptyEntry(file)) throw damaged(account, label, 'an empty file, left by an interrupted write');
      // A passphrase typed into pinentry may take a while: a longer deadline than for pass itself.
      if (opts.directRead) return decrypt(opts.exec, opts.directRead, file, Math.max(timeoutMs, 120_000), label, account);
      const r = await run(['show', passEntry(account)]);
      if (r.exitCode === 0 && !r.timedOut) return r.stdout.replace(/\r?\n$/, '');
      if (NOT_IN_STORE.test(r.stderr)) return undefined;
      if (!r.timedOut && DAMAGED_DATA.test(r.stderr)) throw damaged(account, label, firstLine(r).replace(/^gpg: /, ''));
      throw new SecretStoreError('pass', `cannot read ${passEntry(account)} from the ${label}: ${firstLine(r)}`);
    },
    async fingerprint(account) {
      // The encrypted file's bytes: readable without the gpg key, and new on every insert.
      let data: Buffer;
      try {
        data = readFileSync(join(opts.storeDir, `${passEntry(account)}.gpg`));
      } catch {
        return undefined;
      }
      const { createHash } = await import('node:crypto');
      return createHash('sha256').update(data).digest('hex');
    },
    removeCommand: passRemoveCommand,
    async set(account, secret) {
      for (let attempt = 1; ; attempt++) {
        const r = await run(['insert', '--multiline', '--force', passEntry(account)], { input: `${secret}\n`, mutates: true });
        if (r.exitCode === 0 && !r.timedOut && !r.spawnError) return;
        // A concurrent `pass rm` of the folder's last other entry removes the folder (rmdir -p)
        // between this insert's mkdir and gpg's write: gpg then cannot create the file. Again.
        if (attempt < 3 && !r.timedOut && !r.spawnError && FOLDER_GONE.test(r.stderr)) continue;
        throw new SecretStoreError('pass', `cannot write ${passEntry(account)} to the ${label}: ${firstLine(r)}`);
      }
    },
    async delete(account) {
      const r = await run(['rm', '--force', passEntry(account)], { mutates: true });
      if (r.exitCode === 0 && !r.timedOut) return true;
      if (NOT_IN_STORE.test(r.stderr)) return false;
      throw new SecretStoreError('pass', `cannot delete ${passEntry(account)} from the ${label}: ${firstLine(r)}`);
    },
  };
}

const FOLDER_GONE = /can't create .*No such file or directory/;

/** What `pass show` does: gpg -d with pass's options (PASSWORD_STORE_GPG_OPTS first). */
async function decrypt(exec: Exec, direct: NonNullable<PassOptions['directRead']>, file: string, timeoutMs: number, label: string, account: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  const extra = (direct.env.PASSWORD_STORE_GPG_OPTS ?? '').split(/\s+/).filter(Boolean);
  const args = ['-d', ...extra, '--quiet', '--yes', '--compress-algo=none', '--no-encrypt-to', file];
  let r = await exec('gpg', args, { timeoutMs });
  // Some distributions only ship gpg2 (pass looks for it too).
  if (r.spawnError === 'not found') r = await exec('gpg2', args, { timeoutMs });
  if (r.exitCode === 0 && !r.timedOut) return r.stdout.replace(/\r?\n$/, '');
  if (!r.timedOut && DAMAGED_DATA.test(r.stderr)) throw damaged(account, label, firstLine(r).replace(/^gpg: /, ''));
  // gpg could not ask for the key's passphrase (no terminal for pinentry): say how to unlock it.
  const unlock = /Inappropriate ioctl|pinentry|No secret key|Operation cancelled/i.test(r.stderr)
    ? ' (if your gpg key has a passphrase: export GPG_TTY=$(tty), or unlock it once with `pass show <entry>`)'
    : '';
  throw new SecretStoreError('pass', `cannot decrypt ${file} from the ${label}: ${firstLine(r)}${unlock}`);
}
