// Stand-in for nodejs.org/dist and the release-keys repository, on loopback, for
// installers/install.sh's private Node.js: index.tab, SHASUMS256.txt (+ .sig, detached and
// binary as Node.js publishes it) and node-vX-OS-ARCH.tar.gz per release, keys/<FPR>.asc.
// Releases are built by the test with a throwaway gpg key; the tarball's bin/node is a
// launcher for this machine's Node.js (the layout — bin/node, bin/npm → npm-cli.js,
// lib/node_modules/npm — is the official one; the bytes are not Node's, and need not be).
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface SigningKey {
  fpr: string;
  gnupgHome: string;
  armored: string;
}

const GPG = '/usr/bin/gpg';

export async function makeSigningKey(uid: string): Promise<SigningKey> {
  const gnupgHome = await mkdtemp(join(tmpdir(), 'node-release-key-'));
  const gpg = (args: string[]) => execFileSync(GPG, ['--homedir', gnupgHome, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  gpg(['--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(['--list-secret-keys', '--with-colons']))![1]!;
  return { fpr, gnupgHome, armored: gpg(['--armor', '--export', fpr]) };
}

export function detachSign(key: SigningKey, data: Buffer): Buffer {
  return execFileSync(GPG, ['--homedir', key.gnupgHome, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--local-user', key.fpr, '--detach-sign', '--output', '-'], { input: data });
}

export const platform = (): string => `linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;

/** A node-VERSION-PLATFORM.tar.gz whose bin/node runs this machine's Node.js. */
export async function buildNodeTarball(version: string, nodeExec: string, npmDir: string): Promise<Buffer> {
  const stage = await mkdtemp(join(tmpdir(), 'node-release-stage-'));
  try {
    const top = `node-${version}-${platform()}`;
    const root = join(stage, top);
    await mkdir(join(root, 'bin'), { recursive: true });
    await mkdir(join(root, 'lib', 'node_modules'), { recursive: true });
    await writeFile(join(root, 'bin', 'node'), `#!/bin/sh\nexec '${nodeExec}' "$@"\n`, { mode: 0o755 });
    await symlink(npmDir, join(root, 'lib', 'node_modules', 'npm'));
    await symlink('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'bin', 'npm'));
    const out = join(stage, `${top}.tar.gz`);
    execFileSync('tar', ['-czf', out, '-C', stage, top]);
    return await readFile(out);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

export interface Release {
  version: string;
  files: Record<string, Buffer>;
}

/** SHASUMS256.txt over the given files (plus a few others, as the real list has), and its signature. */
export function signRelease(version: string, tarball: Buffer, key: SigningKey, opts: { tamper?: boolean } = {}): Release {
  const name = `node-${version}-${platform()}.tar.gz`;
  const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
  const shasums = [
    `${sha('darwin')}  node-${version}-darwin-arm64.tar.gz`,
    `${sha(tarball)}  ${name}`,
    `${sha('win')}  node-${version}-win-x64.zip`,
  ].join('\n') + '\n';
  const shipped = opts.tamper ? Buffer.concat([tarball, Buffer.from('tampered')]) : tarball;
  return {
    version,
    files: {
      'SHASUMS256.txt': Buffer.from(shasums),
      'SHASUMS256.txt.sig': detachSign(key, Buffer.from(shasums)),
      [name]: shipped,
    },
  };
}

export interface NodeReleaseServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** keys: served as keys/<fpr>.asc; `servedAs` puts a key under another fingerprint's name. */
export async function startNodeReleaseServer(releases: Release[], keys: Array<SigningKey & { servedAs?: string }>, lts: Record<string, string>): Promise<NodeReleaseServer> {
  const requests: string[] = [];
  const index = ['version\tdate\tfiles\tnpm\tv8\tuv\tzlib\topenssl\tmodules\tlts\tsecurity',
    ...releases.map((r) => `${r.version}\t2026-11-01\tlinux-x64\t10.0.0\t12.0\t1.0\t1.3\t3.0\t127\t${lts[r.version] ?? '-'}\tfalse`)].join('\n') + '\n';
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let body: Buffer | string | undefined;
    const m = /^\/dist\/(v[^/]+)\/(.+)$/.exec(path);
    if (path === '/dist/index.tab') body = index;
    else if (m) body = releases.find((r) => r.version === m[1])?.files[m[2]!];
    else {
      const k = /^\/keys\/([0-9A-F]{40})\.asc$/.exec(path);
      if (k) body = keys.find((key) => (key.servedAs ?? key.fpr) === k[1])?.armored;
    }
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
