// pass is where duo-sso keeps its Duo/SSO secrets on Linux. The store must be initialised
// for a key we hold, be writable, and a write/read round trip for its keys must really work.
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { safeWrite } from '../../fs/safe-write.js';
import { findFirst } from '../../platform/facts.js';
import { output, succeeded, type RunResult } from '../../platform/process.js';
import { keyMatches } from '../../parsers/gpg-keys.js';
import { result, type Check, type CheckContext } from '../../check/types.js';
import { probeGpg, usableKeys } from './gpg-probe.js';

export const passCheck: Check = {
  id: 'pass',
  title: 'pass (password store)',
  applies: (platform) => platform.os === 'linux',
  timeoutMs: 15_000,
  async run(ctx) {
    const pass = findFirst('pass', ctx.env);
    if (!pass) {
      return result.fail('pass not found on PATH', ['duo-sso stores its secrets with pass on Linux.'], {
        description: 'Install pass and gpg and initialise the store',
        commands: [['duo-sso-setup', 'install', 'pass-gpg']],
        automatic: true,
        needsConfirmation: true,
      });
    }
    const store = ctx.paths.passwordStore;
    const gpgIdText = await readFile(join(store, '.gpg-id'), 'utf8').catch(() => undefined);
    const gpg = await probeGpg(ctx);
    const usable = usableKeys(gpg);
    const data = { path: pass, store };
    if (gpgIdText === undefined) {
      const key = usable[0];
      return result.fail(`store ${store} is not initialised`, ['`pass init` has not been run for this user.'], key
        ? { description: `Initialise the store for your key ${key.fingerprint}`, commands: [[pass, 'init', key.fingerprint]], automatic: true }
        : { description: 'Create a gpg key and initialise the store', commands: [['duo-sso-setup', 'install', 'pass-gpg']], automatic: true, needsConfirmation: true },
      data);
    }
    const ids = gpgIdText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const missing = ids.filter((id) => !usable.some((k) => keyMatches(k, id)));
    if (ids.length === 0 || missing.length > 0) {
      return result.fail(`store is initialised for ${missing.join(', ') || 'no key'}, which is not a usable secret key here`, [
        'Entries cannot be encrypted or read: the key is missing, expired or revoked.',
      ], usable[0]
        ? { description: `Re-initialise the store for ${usable[0].fingerprint} (re-encrypts existing entries)`, commands: [[pass, 'init', usable[0].fingerprint]], automatic: false, needsConfirmation: true }
        : { description: 'Create a new gpg key and initialise the store', commands: [['duo-sso-setup', 'install', 'pass-gpg']], automatic: true, needsConfirmation: true },
      data);
    }
    const writable = await access(store, constants.W_OK).then(() => true, () => false);
    const trip: Trip | undefined = writable ? await roundTrip(ctx, pass, gpgIdText) : { kind: 'broken', why: `the store folder is not writable by ${ctx.env.USER ?? 'you'}` };
    if (trip?.kind === 'locked') {
      // Not broken: the key has a passphrase and gpg-agent has none cached. Reading any entry
      // once at a terminal caches it; the doctor's fix does that with a scratch entry, so it
      // works on an empty store too.
      return result.warn(`store initialised for ${ids.join(', ')}; your gpg key is locked (gpg-agent has no cached passphrase)`, [
        'Entries can be written, but reading one needs your passphrase once; duo-sso then asks pinentry, which fails without a terminal.',
        `gpg said: ${trip.why}`,
      ], {
        description: 'Unlock it at a terminal: gpg asks for your passphrase once and gpg-agent keeps it for a while',
        commands: [['duo-sso-setup', 'doctor', '--fix', '--only', 'pass']],
        automatic: true,
      }, { ...data, locked: true });
    }
    if (trip) return result.warn(`store initialised for ${ids.join(', ')}, but ${trip.why}`, [], undefined, data);
    return result.ok(`store ${store} works (key ${ids.join(', ')})`, [], data);
  },
  /** Only the locked case is fixed in-process; the others run their fix commands (pass init, install). */
  fixes: (found) => found.data?.locked === true,
  /** The locked case: read a scratch entry with pinentry allowed, on the user's terminal. */
  async fix(ctx, found) {
    if (found.data?.locked !== true) return;
    if (!ctx.io.stdinIsTTY) throw new Error('unlocking the gpg key needs a terminal: run duo-sso-setup doctor --fix --only pass in one');
    const pass = findFirst('pass', ctx.env);
    const gpgIdText = await readFile(join(ctx.paths.passwordStore, '.gpg-id'), 'utf8');
    if (!pass) return;
    const tty = await readlink('/proc/self/fd/0').catch(() => undefined);
    const r = await withScratchEntry(ctx, pass, gpgIdText, tty && !ctx.env.GPG_TTY ? { GPG_TTY: tty } : {}, 'probe',
      (name, opts) => ctx.runner.run(pass, ['show', name], { ...opts, interactive: true, onLine: () => undefined, echo: false, timeoutMs: 180_000 }));
    const failed = r.read ?? r.insert;
    if (!succeeded(failed)) throw new Error(`gpg could not unlock the key: ${informativeLine(failed)}`);
  },
};

type Trip = { kind: 'locked' | 'broken'; why: string };

/** gpg with --pinentry-mode=error on a key whose passphrase is not cached. */
const LOCKED = /No pinentry|Inappropriate ioctl for device/;

/**
 * Writes a throwaway entry in a scratch store encrypted for the same keys, runs `read` on it,
 * and removes the store: the user's own store is never touched (in a git-backed store pass
 * would commit every insert and rm), and it works on an empty store.
 */
async function withScratchEntry<T>(ctx: CheckContext, pass: string, gpgIdText: string, env: Record<string, string>, content: string,
  read: (name: string, opts: { env: Record<string, string> }) => Promise<T>): Promise<{ insert: RunResult; read?: T }> {
  const scratch = await mkdtemp(join(tmpdir(), 'duo-sso-setup-pass-probe-'));
  const name = 'duo-sso-setup/doctor-probe';
  try {
    await safeWrite(join(scratch, '.gpg-id'), gpgIdText, { backup: false });
    const opts = { env: { ...env, PASSWORD_STORE_DIR: scratch } };
    const insert = await ctx.runner.run(pass, ['insert', '--multiline', '--force', name], { ...opts, input: `${content}\n`, timeoutMs: 8000 });
    return succeeded(insert) ? { insert, read: await read(name, opts) } : { insert };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes a throwaway entry and reads it back: that proves gpg can encrypt for the store and
 * decrypt again. Returns what went wrong, if anything: "locked" (a passphrase is needed and
 * not cached) apart from broken.
 */
async function roundTrip(ctx: CheckContext, pass: string, gpgIdText: string): Promise<Trip | undefined> {
  const secret = randomBytes(9).toString('base64');
  // Never let pinentry take over the user's terminal during a diagnosis.
  const r = await withScratchEntry(ctx, pass, gpgIdText, { PASSWORD_STORE_GPG_OPTS: '--pinentry-mode=error' }, secret, async (name, opts) => {
    const show = await ctx.runner.run(pass, ['show', name], { ...opts, timeoutMs: 8000 });
    if (succeeded(show)) return { show };
    // pass runs gpg --quiet, which keeps the real cause ("No pinentry": locked) to itself and
    // prints only "decryption failed: No secret key". Ask gpg directly for the reason.
    const gpg = findFirst('gpg', ctx.env) ?? findFirst('gpg2', ctx.env);
    const why = gpg ? await ctx.runner.run(gpg, ['--batch', '--pinentry-mode', 'error', '--output', '/dev/null', '--decrypt', join(opts.env.PASSWORD_STORE_DIR!, `${name}.gpg`)], { timeoutMs: 8000 }) : undefined;
    return { show, why };
  });
  const show = r.read?.show;
  if (!show) return { kind: 'broken', why: `writing an entry failed: ${informativeLine(r.insert)}` };
  if (!succeeded(show)) {
    const said = r.read?.why ?? show;
    return LOCKED.test(output(said)) ? { kind: 'locked', why: informativeLine(said) } : { kind: 'broken', why: `reading an entry back failed: ${informativeLine(show)}` };
  }
  if (show.stdout.trim() !== secret) return { kind: 'broken', why: 'an entry read back differs from what was written' };
  return undefined;
}

/** The line that says why (gpg ends with a generic "decryption failed: No secret key" after the real cause). */
function informativeLine(r: RunResult): string {
  const lines = output(r).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => LOCKED.test(l)) ?? lines.find((l) => /failed/.test(l)) ?? lastLine(r);
}

function lastLine(r: Parameters<typeof output>[0]): string {
  return output(r).split('\n').filter(Boolean).at(-1) ?? (r.timedOut ? 'timed out' : `exit ${r.exitCode}`);
}
