// Imitates a release download host (the duo-sso releases page, awscli.amazonaws.com) on
// loopback: serves fixture files by path, and can misbehave the way real networks do
// (truncated bodies, wrong status) so downloads can be tested without the internet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fixture =
  | Buffer
  | string
  /** Announce `length` bytes in Content-Length, send only `body`, then cut the connection. */
  | { truncate: { body: Buffer; length: number } }
  | { status: number };

export class ReleaseServer {
  private constructor(private readonly server: Server, readonly url: string, private readonly files: Map<string, Fixture>, readonly requests: string[]) {}

  static async start(files: Record<string, Fixture> = {}): Promise<ReleaseServer> {
    const map = new Map(Object.entries(files));
    // Requests are recorded before the server object exists (it needs the port first).
    const requests: string[] = [];
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const fixture = map.get(path);
      if (fixture === undefined) {
        res.writeHead(404).end('not found');
        return;
      }
      if (typeof fixture === 'object' && 'status' in fixture) {
        res.writeHead(fixture.status).end();
        return;
      }
      if (typeof fixture === 'object' && 'truncate' in fixture) {
        res.writeHead(200, { 'content-length': String(fixture.truncate.length), 'content-type': 'application/octet-stream' });
        res.write(fixture.truncate.body, () => res.socket?.destroy());
        return;
      }
      const body = typeof fixture === 'string' ? Buffer.from(fixture) : fixture;
      res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/octet-stream' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new ReleaseServer(server, `http://127.0.0.1:${port}`, map, requests);
  }

  set(path: string, fixture: Fixture): void {
    this.files.set(path, fixture);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
