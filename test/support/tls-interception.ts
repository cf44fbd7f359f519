// Loopback stand-ins for the network a laptop meets: a private CA made with the real openssl
// (as a corporate TLS-inspection appliance has one), a TLS server whose certificate it signed,
// and an HTTP proxy that answers CONNECT by terminating TLS itself with such a certificate
// (what Zscaler and friends do), or refuses with a status. Nothing here leaves 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { systemTool } from './sandbox.js';

export interface TestPki {
  dir: string;
  caFile: string;
  caPem: string;
  key: string;
  /** Leaf certificate then the CA: the chain an intercepting proxy presents. */
  chain: string;
  caName: string;
}

/** A CA named `caName` and a leaf for `hosts` (DNS names and 127.0.0.1), signed by it. */
export function makePki(hosts: readonly string[] = ['localhost', 'cloudsso.invalid', 'sts.invalid'], caName = 'Corp TLS Inspection CA'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'duo-pki-'));
  const f = (n: string) => join(dir, n);
  const openssl = systemTool('openssl') ?? 'openssl';
  const ossl = (...args: string[]) => execFileSync(openssl, args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ossl('req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', `/CN=${caName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  ossl('req', ...ec, '-keyout', f('leaf.key'), '-out', f('leaf.csr'), '-subj', `/CN=${hosts[0]}`);
  const san = hosts.map((h) => (net.isIP(h) ? `IP:${h}` : `DNS:${h}`)).concat('IP:127.0.0.1').join(',');
  writeFileSync(f('leaf.ext'), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  ossl('x509', '-req', '-in', f('leaf.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('leaf.pem'), '-days', '2', '-extfile', f('leaf.ext'));
  const caPem = readFileSync(f('ca.pem'), 'utf8');
  return { dir, caFile: f('ca.pem'), caPem, key: readFileSync(f('leaf.key'), 'utf8'), chain: readFileSync(f('leaf.pem'), 'utf8') + caPem, caName };
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

function listen(server: net.Server): Promise<Listening> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        close: () => new Promise((done) => {
          (server as net.Server & { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

/** A TLS server presenting `pki`'s chain; it answers every connection with a line, then closes. */
export function startTlsServer(pki: TestPki): Promise<Listening> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: pki.key, cert: pki.chain }, (s) => s.end('hello\n'));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return listen(server).then((l) => ({ ...l, close: () => { for (const s of sockets) s.destroy(); return l.close(); } }));
}

/** Accepts TCP and never says anything (a firewall that lets the SYN through, a hung service). */
export function startSilentServer(): Promise<Listening> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  return listen(server).then((l) => ({ ...l, close: () => { for (const s of sockets) s.destroy(); return l.close(); } }));
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const l = await listen(net.createServer());
  await l.close();
  return l.port;
}

export interface ProxyOptions {
  /** Answer CONNECT with this status instead of intercepting (407, 502...). */
  status?: number;
}

/**
 * An HTTP proxy on loopback. CONNECT host:port is answered 200 and the tunnel is terminated
 * right here with `pki`'s certificate, whatever the host: TLS interception. It never connects
 * anywhere itself. `requests` lists the CONNECT targets it was asked for.
 */
export async function startInterceptingProxy(pki: TestPki, opts: ProxyOptions = {}): Promise<Listening & { requests: string[]; authorizations: (string | undefined)[] }> {
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const sockets = new Set<net.Socket>();
  const context = tls.createSecureContext({ key: pki.key, cert: pki.chain });
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    requests.push(req.url ?? '');
    authorizations.push(req.headers['proxy-authorization']);
    socket.on('error', () => {});
    if (opts.status) {
      socket.end(`HTTP/1.1 ${opts.status} ${http.STATUS_CODES[opts.status] ?? ''}\r\n${opts.status === 407 ? 'Proxy-Authenticate: Basic realm="corp"\r\n' : ''}Content-Length: 0\r\n\r\n`);
      return;
    }
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    const intercepted = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
    intercepted.on('error', () => {});
    intercepted.on('secure', () => intercepted.end('intercepted\n'));
  });
  const l = await listen(server);
  return { ...l, requests, authorizations, close: () => { for (const s of sockets) s.destroy(); return l.close(); } };
}
