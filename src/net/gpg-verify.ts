// Checks a detached gpg signature against ONE pinned key: a temporary GNUPGHOME holds only
// the key we ship, so nothing in the user's keyring (or its trust settings) can vouch for a
// file, and the user's keyring is never touched.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { output, succeeded, type Runner } from '../platform/process.js';

export type SignatureVerdict =
  /** `keyExpired`: our copy of the key is past its expiry date (AWS extends it; the pin is what counts). */
  | { ok: true; fingerprint: string; keyExpired: boolean }
  | { ok: false; reason: string };

export interface VerifyInput {
  gpg: string;
  file: string;
  signature: string;
  /** ASCII-armoured public key. */
  keyText: string;
  /** 40 hex digits, spaces allowed. */
  fingerprint: string;
  tmpRoot?: string;
}

export function normaliseFingerprint(fpr: string): string {
  return fpr.replace(/\s+/g, '').toUpperCase();
}

/** Reads gpg's --status-fd output. VALIDSIG's last field is the primary key's fingerprint. */
export function parseVerifyStatus(status: string): { good: boolean; expiredKey: boolean; revoked: boolean; bad: boolean; primary: string | undefined } {
  const lines = status.split(/\r?\n/).filter((l) => l.startsWith('[GNUPG:] '));
  const fields = (name: string) => lines.find((l) => l.startsWith(`[GNUPG:] ${name} `) || l === `[GNUPG:] ${name}`)?.split(' ').slice(2);
  const valid = fields('VALIDSIG');
  return {
    good: fields('GOODSIG') !== undefined,
    expiredKey: fields('EXPKEYSIG') !== undefined,
    revoked: fields('REVKEYSIG') !== undefined,
    bad: fields('BADSIG') !== undefined || fields('ERRSIG') !== undefined,
    primary: valid?.at(-1)?.toUpperCase(),
  };
}

export async function verifyDetachedSignature(runner: Runner, input: VerifyInput): Promise<SignatureVerdict> {
  const pin = normaliseFingerprint(input.fingerprint);
  const home = await mkdtemp(join(input.tmpRoot ?? tmpdir(), 'duo-sso-setup-gpg-'));
  const gpg = (args: string[]) => runner.run(input.gpg, ['--homedir', home, '--batch', '--no-tty', ...args], { timeoutMs: 30_000 });
  try {
    const keyFile = join(home, 'signing-key.asc');
    await writeFile(keyFile, input.keyText, { mode: 0o600 });
    const imported = await gpg(['--import', keyFile]);
    if (!succeeded(imported)) return { ok: false, reason: `the signing key could not be imported: ${lastLine(output(imported))}` };
    const listed = await gpg(['--with-colons', '--fingerprint']);
    const fingerprints = [...listed.stdout.matchAll(/^fpr:+([0-9A-F]{40}):/gm)].map((m) => m[1]);
    if (!fingerprints.includes(pin)) return { ok: false, reason: `the signing key on file is not the pinned key ${pin}` };
    const verify = await gpg(['--status-fd', '1', '--verify', input.signature, input.file]);
    const status = parseVerifyStatus(verify.stdout);
    if (status.revoked) return { ok: false, reason: 'the signing key has been revoked' };
    // A good signature by an expired key (EXPKEYSIG + VALIDSIG) still counts: AWS keeps
    // extending the key's expiry, so the date in our copy must not stop installs; the pin does.
    if (!(status.good || status.expiredKey) || status.bad || verify.exitCode !== 0) return { ok: false, reason: `BAD signature: ${lastLine(verify.stderr) || 'gpg refused it'}` };
    if (status.primary !== pin) return { ok: false, reason: `signed by ${status.primary ?? 'an unknown key'}, not by the pinned key ${pin}` };
    return { ok: true, fingerprint: pin, keyExpired: status.expiredKey };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

function lastLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
}
