// A release signing key for tests, made and used by the real minisign (Debian's `minisign`),
// so signatures are exactly what a publisher's goreleaser `signs:` step produces. The key is
// trusted by the CLI only through `--release-key` on the command line of a test run: the
// shipped code's pinned list (src/release/keys/duo-sso-release.ts) has no test hook.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemTool } from './sandbox.js';

export interface Signer {
  /** The public key's base64 line, as `--release-key` takes it. */
  publicKey: string;
  /**
   * The `.minisig` text for `data`. `trustedComment` is minisign's -t (signed with the file);
   * minisign's own default ("timestamp:… file:… hashed") names no release version.
   */
  sign(data: string | Buffer, trustedComment?: string): string;
  dispose(): void;
}

export function createSigner(): Signer {
  const minisign = systemTool('minisign');
  if (!minisign) throw new Error('minisign is not installed (see test/provision.sh)');
  const dir = mkdtempSync(join(tmpdir(), 'minisign-key-'));
  const pub = join(dir, 'key.pub');
  const sec = join(dir, 'key.sec');
  // -W: no password on the secret key (it only ever signs test fixtures).
  execFileSync(minisign, ['-G', '-W', '-p', pub, '-s', sec], { stdio: 'ignore' });
  const publicKey = readFileSync(pub, 'utf8').split('\n')[1]!.trim();
  let n = 0;
  return {
    publicKey,
    sign(data, trustedComment) {
      const file = join(dir, `file-${n++}`);
      writeFileSync(file, data);
      execFileSync(minisign, ['-S', '-s', sec, '-m', file, ...(trustedComment === undefined ? [] : ['-t', trustedComment])], { stdio: 'ignore' });
      return readFileSync(`${file}.minisig`, 'utf8');
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
