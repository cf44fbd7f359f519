// Whether a downloaded release binary may be used: its SHA-256 given with --sha256, or listed
// in the release's checksums.txt whose minisign signature (checksums.txt.minisig) verifies
// against a trusted key. A checksums.txt alone proves nothing (whoever can replace the binary
// on that host can replace it too), so an unsigned or wrongly signed one is refused, as is a
// release without one: fail closed, with the command that supplies a hash.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { download, DownloadError } from './download.js';
import { parsePublicKey, verifyMinisign } from './minisign.js';

/** The SHA-256 for `asset` from a goreleaser checksums.txt ("HEX  NAME" per line). */
export function checksumFor(text: string, asset: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (m && (m[2] === asset || m[2]!.endsWith(`/${asset}`))) return m[1]!.toLowerCase();
  }
  return undefined;
}

export type ChecksumVerdict = { ok: true; sha256: string; keyId: string } | { ok: false; reason: string };

/**
 * Fetches `folder/checksums.txt` and its `.minisig` into `work`, checks the signature with
 * `keys` (minisign public key lines) and returns the asset's SHA-256 from it.
 */
export async function signedChecksum(folder: string, asset: string, keys: readonly string[], work: string): Promise<ChecksumVerdict> {
  if (keys.length === 0) return { ok: false, reason: 'no release signing key is pinned in this version of duo-sso-setup' };
  const list = join(work, 'checksums.txt');
  const sig = `${list}.minisig`;
  try {
    try {
      await download(`${folder}/checksums.txt`, list, { maxBytes: 1024 * 1024, timeoutMs: 15_000 });
    } catch (error) {
      return { ok: false, reason: `the release has no checksums.txt (${error instanceof DownloadError ? error.message : String(error)})` };
    }
    try {
      await download(`${folder}/checksums.txt.minisig`, sig, { maxBytes: 64 * 1024, timeoutMs: 15_000 });
    } catch (error) {
      return { ok: false, reason: `its checksums.txt is not signed (no checksums.txt.minisig: ${error instanceof DownloadError ? error.message : String(error)})` };
    }
    const data = await readFile(list);
    const verdict = verifyMinisign(data, await readFile(sig, 'utf8'), keys.map((k) => parsePublicKey(k)));
    if (!verdict.ok) return { ok: false, reason: `checksums.txt's signature does not verify: ${verdict.reason}` };
    const sha256 = checksumFor(data.toString('utf8'), asset);
    if (!sha256) return { ok: false, reason: `the signed checksums.txt does not list ${asset}` };
    return { ok: true, sha256, keyId: verdict.keyId };
  } finally {
    await rm(list, { force: true });
    await rm(sig, { force: true });
  }
}

/** A --release-key value: a minisign public key line. Throws a usage error for anything else. */
export function checkReleaseKey(value: string): string {
  try {
    parsePublicKey(value);
    return value.trim();
  } catch {
    throw new UserError(`--release-key must be a minisign public key (the "RW…" line of its .pub file), got "${value.slice(0, 60)}"`, { exitCode: 2 });
  }
}

export function keyLabel(keys: readonly string[], source: 'pinned' | 'flag'): string {
  const ids = keys.map((k) => parsePublicKey(k).id).join(', ');
  return source === 'flag' ? `key ${ids} given with --release-key (not a pinned key)` : `pinned key ${ids}`;
}

/** Refusing a binary nothing vouches for, with the commands that would. */
export function unverifiedRefusal(what: string, why: string, retry: string[]): UserError {
  return new UserError(`refusing to use ${what}: it cannot be verified (${why}); nothing was installed`, {
    hint: `Get its SHA-256 from the release page and run: ${[...retry, '--sha256', 'HEX'].join(' ')}\nTo install it unchecked anyway (not recommended): ${[...retry, '--allow-unverified'].join(' ')}`,
  });
}
