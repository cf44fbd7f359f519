// Stand-in for the duo-sso releases on GitHub Enterprise, for tests only: a loopback HTTP
// server with the layout the upgrade reads. `/releases/latest` redirects to
// `/releases/tag/vX.Y.Z`; `/releases/latest/download/ASSET` serves a binary; and
// `/releases/latest/download/checksums.txt` lists SHA-256s goreleaser-style. Each asset's
// served bytes can differ from the bytes its checksum was computed over (tampering).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Asset {
  /** What the server sends. */
  content: string | Buffer;
  /** What checksums.txt describes (default: the content itself). */
  checksummed?: string | Buffer;
}

export interface ReleaseServer {
  /** The release folder URL to put in DUO_SSO_RELEASE_URL. */
  folder: string;
  requests: string[];
  close(): Promise<void>;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** A fake duo-sso: prints the version for --version, like the Go binary. */
export function duoSsoScript(version: string): string {
  return `#!/bin/sh\necho "duo-sso v${version}"\n`;
}
/** A new release that crashes on start (wrong build, bad linking). */
export const CRASHING_DUO_SSO = '#!/bin/sh\necho "panic: runtime error: invalid memory address or nil pointer dereference" >&2\nexit 2\n';

/** `latestRedirect: false`: `/releases/latest` does not redirect (a layout, or a page behind a login, that names no version). */
/** `sign`: serves `checksums.txt.minisig`, this function's signature of the checksums.txt served. */
export async function startReleaseServer(opts: { version: string; assets: Record<string, Asset>; checksums?: boolean; latestRedirect?: boolean; sign?: (text: string) => string }): Promise<ReleaseServer> {
  const requests: string[] = [];
  const base = '/ATS-operations/duo-sso/releases';
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    if (url === `${base}/latest` && opts.latestRedirect !== false) {
      res.writeHead(302, { location: `${base}/tag/v${opts.version}` }).end();
      return;
    }
    const prefix = `${base}/latest/download/`;
    if (url.startsWith(prefix)) {
      const name = url.slice(prefix.length);
      const checksums = `${Object.entries(opts.assets).map(([n, a]) => `${sha256(a.checksummed ?? a.content)}  ${n}`).join('\n')}\n`;
      if (name === 'checksums.txt' && opts.checksums !== false) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(checksums);
        return;
      }
      if (name === 'checksums.txt.minisig' && opts.checksums !== false && opts.sign) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(opts.sign(checksums));
        return;
      }
      const asset = opts.assets[name];
      if (asset) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(asset.content) }).end(asset.content);
        return;
      }
    }
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    folder: `http://127.0.0.1:${port}${base}/latest/download`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
