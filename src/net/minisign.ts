// Verifies a minisign signature (https://jedisct1.github.io/minisign/) with node:crypto alone.
// Why minisign rather than cosign: its format is a 42-byte Ed25519 public key and a 4-line
// signature file, checked here in ~60 lines with no binary to install and nothing to reach
// over the network (cosign's keyless mode needs Fulcio/Rekor, and its key mode a sigstore
// bundle parser); goreleaser signs checksums.txt with it through its `signs:` setting.
//
// Public key: base64("Ed" ‖ key id (8 bytes) ‖ Ed25519 key (32 bytes)).
// Signature file: an untrusted comment; base64(alg ‖ key id ‖ signature (64)); a trusted
// comment; base64(global signature (64)) over signature ‖ trusted comment. alg "ED" signs the
// BLAKE2b-512 of the file (minisign's default), "Ed" the file itself (legacy).
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export interface MinisignKey {
  /** Key id as minisign prints it (hex, most significant byte first). */
  id: string;
  key: KeyObject;
}

export type MinisignVerdict = { ok: true; keyId: string; trustedComment: string } | { ok: false; reason: string };

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function base64Line(text: string): Buffer | undefined {
  const line = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^(untrusted|trusted) comment:/.test(l))[0];
  if (!line || !/^[A-Za-z0-9+/]+={0,2}$/.test(line)) return undefined;
  return Buffer.from(line, 'base64');
}

const keyIdHex = (id: Buffer) => Buffer.from(id).reverse().toString('hex').toUpperCase();

/** A public key as `minisign -G` writes it (the file, or just its base64 line). Throws on anything else. */
export function parsePublicKey(text: string): MinisignKey {
  const raw = base64Line(text);
  if (!raw || raw.length !== 42 || raw.subarray(0, 2).toString('latin1') !== 'Ed') throw new Error('not a minisign public key');
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw.subarray(10)]), format: 'der', type: 'spki' });
  return { id: keyIdHex(raw.subarray(2, 10)), key };
}

/** Checks `data` against a `.minisig` file's text, with any of `keys`. Pure apart from hashing. */
export function verifyMinisign(data: Uint8Array, signatureText: string, keys: readonly MinisignKey[]): MinisignVerdict {
  const lines = signatureText.split(/\r?\n/);
  const sig = base64Line(lines[1] ?? '');
  const trusted = /^trusted comment: (.*)$/.exec(lines[2] ?? '');
  const global = base64Line(lines[3] ?? '');
  if (!sig || sig.length !== 74 || !trusted || !global || global.length !== 64) return { ok: false, reason: 'the signature file is not in minisign format' };
  const alg = sig.subarray(0, 2).toString('latin1');
  if (alg !== 'ED' && alg !== 'Ed') return { ok: false, reason: `unknown signature algorithm ${JSON.stringify(alg)}` };
  const id = keyIdHex(sig.subarray(2, 10));
  const key = keys.find((k) => k.id === id);
  if (!key) return { ok: false, reason: `signed by key ${id}, which is not a trusted key (${keys.map((k) => k.id).join(', ') || 'none'})` };
  const signature = sig.subarray(10);
  const message = alg === 'ED' ? createHash('blake2b512').update(data).digest() : Buffer.from(data);
  if (!verify(null, message, key.key, signature)) return { ok: false, reason: `BAD signature by key ${id}: the file is not what was signed` };
  // The trusted comment (a timestamp and file name) is signed too: an edited one is a forgery.
  if (!verify(null, Buffer.concat([signature, Buffer.from(trusted[1]!, 'utf8')]), key.key, global)) return { ok: false, reason: 'BAD signature: the trusted comment was altered' };
  return { ok: true, keyId: id, trustedComment: trusted[1]! };
}
