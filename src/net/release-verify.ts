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

export type ChecksumVerdict = { ok: true; sha256: string; keyId: string; version: string } | { ok: false; reason: string };

/**
 * What a signature's trusted comment vouches for. The release assets carry no version in their
 * names (`duo-sso_linux_amd64`), so a checksums.txt signed for an older release would verify
 * just as well: the signed (trusted) comment must say which file and which release it is, as
 * the release is signed with `minisign -S -m checksums.txt -t "duo-sso v3.5.0 checksums.txt"`
 * (goreleaser: `-t "duo-sso {{ .Tag }} ${artifact}"`). Words in any order; `file:` and
 * `version:` prefixes are accepted, and a path before the file name.
 */
export function signedRelease(comment: string): { version: string | undefined; files: string[] } {
  const words = comment.split(/\s+/).filter(Boolean);
  const versions = new Set(words.map((w) => /^(?:version:)?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(w)?.[1]).filter((v): v is string => v !== undefined));
  const files = words.map((w) => w.replace(/^file:/, '').split('/').pop()!).filter((w) => /\.[A-Za-z0-9]+$/.test(w) && !/^v?\d/.test(w));
  // Two versions in one comment say nothing about which one this is.
  return { version: versions.size === 1 ? [...versions][0] : undefined, files };
}

/** Why the trusted comment does not vouch for `file` of release `expected` (undefined: it does). */
export function commentRefusal(comment: string, file: string, expected: string | undefined): string | undefined {
  const signed = signedRelease(comment);
  if (!signed.files.includes(file)) return `its signed comment ("${comment}") does not name ${file}`;
  if (!signed.version) return `its signed comment ("${comment}") names no release version, so an older signed release could pass for the newest`;
  if (expected && signed.version !== expected) return `it is signed for release ${signed.version}, but the newest release is ${expected} (an older release served again?)`;
  return undefined;
}

/**
 * Fetches `folder/checksums.txt` and its `.minisig` into `work`, checks the signature with
 * `keys` (minisign public key lines) and its trusted comment (this file, of release
 * `expectedVersion` when the releases page named one), and returns the asset's SHA-256.
 */
export async function signedChecksum(folder: string, asset: string, keys: readonly string[], work: string, expectedVersion?: string): Promise<ChecksumVerdict> {
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
    const stale = commentRefusal(verdict.trustedComment, 'checksums.txt', expectedVersion);
    if (stale) return { ok: false, reason: `checksums.txt is not vouched for as this release: ${stale}` };
    const sha256 = checksumFor(data.toString('utf8'), asset);
    if (!sha256) return { ok: false, reason: `the signed checksums.txt does not list ${asset}` };
    return { ok: true, sha256, keyId: verdict.keyId, version: signedRelease(verdict.trustedComment).version! };
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
