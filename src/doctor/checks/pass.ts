// pass is where duo-sso keeps its Duo/SSO secrets on Linux. The store must be initialised
// for a key we hold, be writable, and a write/read round trip for its keys must really work.
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { safeWrite } from '../../fs/safe-write.js';
import { findFirst } from '../../platform/facts.js';
import { output, succeeded } from '../../platform/process.js';
import { keyMatches } from '../../parsers/gpg-keys.js';
import { result, type Check, type CheckContext } from '../types.js';
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
    const trip = writable ? await roundTrip(ctx, pass, gpgIdText) : `the store folder is not writable by ${ctx.env.USER ?? 'you'}`;
    if (trip) return result.warn(`store initialised for ${ids.join(', ')}, but ${trip}`, [], undefined, data);
    return result.ok(`store ${store} works (key ${ids.join(', ')})`, [], data);
  },
};

/**
 * Writes a throwaway entry and reads it back, in a scratch store encrypted for the same keys:
 * that proves gpg can encrypt for the store and decrypt again, while the user's own store is
 * never touched (in a git-backed store pass would commit every insert and rm). Returns what
 * went wrong, if anything.
 */
async function roundTrip(ctx: CheckContext, pass: string, gpgIdText: string): Promise<string | undefined> {
  const scratch = await mkdtemp(join(tmpdir(), 'duo-sso-setup-pass-probe-'));
  const name = 'duo-sso-setup/doctor-probe';
  const secret = randomBytes(9).toString('base64');
  // Never let pinentry take over the user's terminal during a diagnosis.
  const opts = { env: { PASSWORD_STORE_DIR: scratch, PASSWORD_STORE_GPG_OPTS: '--pinentry-mode=error' }, timeoutMs: 8000 };
  try {
    await safeWrite(join(scratch, '.gpg-id'), gpgIdText, { backup: false });
    const ins = await ctx.runner.run(pass, ['insert', '--multiline', '--force', name], { ...opts, input: `${secret}\n` });
    if (!succeeded(ins)) return `writing an entry failed: ${lastLine(ins)}`;
    const show = await ctx.runner.run(pass, ['show', name], opts);
    if (!succeeded(show)) return `reading an entry back failed: ${lastLine(show)} (a passphrase-protected key needs \`pass show\` once in a terminal)`;
    if (show.stdout.trim() !== secret) return 'an entry read back differs from what was written';
    return undefined;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function lastLine(r: Parameters<typeof output>[0]): string {
  return output(r).split('\n').filter(Boolean).at(-1) ?? (r.timedOut ? 'timed out' : `exit ${r.exitCode}`);
}
