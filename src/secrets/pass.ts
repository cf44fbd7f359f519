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
  // Never `pass show` as the way to unlock: it prints the secret on the screen.
  if (r.timedOut) return `timed out (gpg waiting for a passphrase? unlock the key at a terminal: ${UNLOCK_COMMAND})`;
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
      throw new SecretStoreError('pass', `cannot read ${passEntry(account)} from the ${label}: ${firstLine(r)}${await unreadableAdvice(opts.exec, r, file, account)}`);
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
  throw new SecretStoreError('pass', `cannot decrypt ${file} from the ${label}: ${firstLine(r)}${await unreadableAdvice(exec, r, file, account)}`);
}

/** What unlocks a key that has a passphrase, at a terminal: gpg asks once, gpg-agent keeps it. */
const UNLOCK_COMMAND = 'duo-sso-setup doctor --fix --only pass';
// What gpg says when it has no usable secret key for an entry: not there at all, or there but
// locked with no pinentry able to ask (no terminal, GPG_TTY unset) or the question cancelled.
const NO_USABLE_KEY = /Inappropriate ioctl|pinentry|No secret key|Operation cancelled/i;

/** Why gpg could not decrypt an entry: the key it is encrypted for is not in this keyring, or it is and is locked. */
export type Unreadable = { kind: 'no-key'; keyIds: string[] } | { kind: 'locked' };

/**
 * gpg's status lines for `--list-only --decrypt` (ENC_TO for each key the entry is encrypted
 * for, NO_SECKEY for each of those this keyring has no secret key for) told apart: every key
 * missing is a key that is not here; a key that is here and still failed is a locked one.
 */
export function classifyUnreadable(status: string): Unreadable | undefined {
  const to = [...status.matchAll(/^\[GNUPG:\] ENC_TO ([0-9A-F]+)/gm)].map((m) => m[1]!);
  if (to.length === 0) return undefined;
  const missing = new Set([...status.matchAll(/^\[GNUPG:\] NO_SECKEY ([0-9A-F]+)/gm)].map((m) => m[1]!));
  return to.every((id) => missing.has(id)) ? { kind: 'no-key', keyIds: to } : { kind: 'locked' };
}

/**
 * What to do about an entry gpg had no usable key for, said after gpg's own words. gpg prints
 * "No secret key" both for a key that is not in the keyring and for a locked one, so gpg is
 * asked again with --list-only, which decrypts nothing and so never asks for a passphrase.
 * Never `pass show` as a way to unlock: it prints the secret on the screen.
 */
async function unreadableAdvice(exec: Exec, r: ExecResult, file: string, account: string): Promise<string> {
  if (r.timedOut || r.spawnError || !NO_USABLE_KEY.test(r.stderr) || !existsSync(file)) return '';
  const args = ['--batch', '--list-only', '--status-fd', '1', '--decrypt', file];
  let probe: ExecResult | undefined;
  try {
    probe = await exec('gpg', args, { timeoutMs: 10_000 });
    if (probe.spawnError === 'not found') probe = await exec('gpg2', args, { timeoutMs: 10_000 });
  } catch {
    probe = undefined;
  }
  const why = probe && !probe.timedOut && !probe.spawnError ? classifyUnreadable(probe.stdout) : undefined;
  if (why?.kind === 'no-key') {
    return `. It is encrypted for gpg key ${why.keyIds.join(', ')}, and this keyring has no secret key for it (deleted, or it is on another machine): copy it here from where it is (\`gpg --export-secret-keys ${why.keyIds[0]}\` there, \`gpg --import\` here); if it is lost, no one can read this entry: remove it (${passRemoveCommand(account)}), make sure the store is initialised for a key you have (duo-sso-setup doctor --only pass), and log in again`;
  }
  if (why?.kind === 'locked') return `. Your gpg key is here but locked, and gpg could not ask for its passphrase: unlock it at a terminal (${UNLOCK_COMMAND}), or export GPG_TTY=$(tty) in your shell profile so that gpg can ask`;
  return ` (if your gpg key has a passphrase, unlock it at a terminal: ${UNLOCK_COMMAND}; if \`gpg --list-secret-keys\` does not list the key in .gpg-id, import it)`;
}
