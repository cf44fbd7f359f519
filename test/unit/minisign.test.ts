// Our minisign verifier against signatures made by the real minisign (Debian's package):
// good ones verify; any change to the file, the signature, the trusted comment or the key
// id is refused; a legacy (non-prehashed) signature verifies too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePublicKey, verifyMinisign } from '../../src/net/minisign.js';
import { createSigner } from '../support/minisign.js';
import { systemTool } from '../support/sandbox.js';

const signer = createSigner();
const other = createSigner();
afterAll(() => {
  signer.dispose();
  other.dispose();
});
const keys = [parsePublicKey(signer.publicKey)];
const DATA = `${'a'.repeat(64)}  duo-sso_linux_amd64\n${'b'.repeat(64)}  duo-sso_darwin_arm64\n`;

describe('minisign verification', () => {
  const sig = signer.sign(DATA);

  it('accepts the real minisign\'s signature (prehashed, its default) and names the key', () => {
    const v = verifyMinisign(Buffer.from(DATA), sig, keys);
    expect(v).toMatchObject({ ok: true, keyId: keys[0]!.id });
    // minisign prints the same key id in the public key's comment.
    expect(keys[0]!.id).toMatch(/^[0-9A-F]{16}$/);
  });

  it('accepts a legacy (-l, not prehashed) signature too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minisign-legacy-'));
    try {
      execFileSync(systemTool('minisign')!, ['-G', '-W', '-p', join(dir, 'k.pub'), '-s', join(dir, 'k.sec')], { stdio: 'ignore' });
      writeFileSync(join(dir, 'f'), DATA);
      execFileSync(systemTool('minisign')!, ['-S', '-l', '-s', join(dir, 'k.sec'), '-m', join(dir, 'f')], { stdio: 'ignore' });
      const key = parsePublicKey(readFileSync(join(dir, 'k.pub'), 'utf8'));
      expect(verifyMinisign(Buffer.from(DATA), readFileSync(join(dir, 'f.minisig'), 'utf8'), [key])).toMatchObject({ ok: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses another key, an edited trusted comment, junk', () => {
    expect(verifyMinisign(Buffer.from(DATA), other.sign(DATA), keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/which is not a trusted key/) });
    const lines = sig.split('\n');
    lines[2] = lines[2]!.replace('timestamp:', 'timestamp:1');
    expect(verifyMinisign(Buffer.from(DATA), lines.join('\n'), keys)).toMatchObject({ ok: false, reason: 'BAD signature: the trusted comment was altered' });
    expect(verifyMinisign(Buffer.from(DATA), 'not a signature', keys)).toMatchObject({ ok: false });
    expect(verifyMinisign(Buffer.from(DATA), sig, [])).toMatchObject({ ok: false });
    expect(() => parsePublicKey('RWQnot-base64!')).toThrow(/not a minisign public key/);
  });

  it('any one-byte change to the signed file, or any flipped bit of the signature line, is refused', () => {
    const data = Buffer.from(DATA);
    fc.assert(fc.property(fc.nat(data.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
      const changed = Buffer.from(data);
      changed[at] = changed[at]! ^ xor;
      expect(verifyMinisign(changed, sig, keys).ok).toBe(false);
    }), { numRuns: 300 });
    const sigLine = Buffer.from(sig.split('\n')[1]!, 'base64');
    fc.assert(fc.property(fc.nat(sigLine.length - 1), fc.nat(7), (at, bit) => {
      const bad = Buffer.from(sigLine);
      bad[at] = bad[at]! ^ (1 << bit);
      const lines = sig.split('\n');
      lines[1] = bad.toString('base64');
      expect(verifyMinisign(data, lines.join('\n'), keys).ok).toBe(false);
    }), { numRuns: 300 });
  });
});

describe('the trusted comment names the file and the release', () => {
  it.each([
    ['duo-sso v3.5.0 checksums.txt', '3.5.0', undefined],
    ['duo-sso v3.5.0 dist/checksums.txt', '3.5.0', undefined],
    ['timestamp:1700000000\tfile:checksums.txt\tversion:3.5.0', '3.5.0', undefined],
    ['duo-sso v3.5.0 checksums.txt', '3.6.0', /signed for release 3\.5\.0, but the newest release is 3\.6\.0/],
    ['timestamp:1700000000\tfile:checksums.txt\thashed', undefined, /names no release version/],
    ['duo-sso v3.5.0 v3.4.0 checksums.txt', undefined, /names no release version/],
    ['duo-sso v3.5.0 duo-sso_linux_amd64', undefined, /does not name checksums\.txt/],
    ['duo-sso v3.5.0 checksums.txt.bak', undefined, /does not name checksums\.txt/],
  ])('%s (expected %s)', async (comment, expected, refusal) => {
    const { commentRefusal } = await import('../../src/net/release-verify.js');
    const why = commentRefusal(comment, 'checksums.txt', expected);
    if (refusal) expect(why).toMatch(refusal);
    else expect(why).toBeUndefined();
  });

  it('a real minisign signature carries the -t comment, and editing it breaks the signature', () => {
    const sig = signer.sign(DATA, 'duo-sso v3.5.0 checksums.txt');
    const v = verifyMinisign(Buffer.from(DATA), sig, keys);
    expect(v).toMatchObject({ ok: true, trustedComment: 'duo-sso v3.5.0 checksums.txt' });
    const replayed = sig.replace('v3.5.0', 'v3.6.0');
    expect(verifyMinisign(Buffer.from(DATA), replayed, keys)).toMatchObject({ ok: false, reason: 'BAD signature: the trusted comment was altered' });
  });
});
